/**
 * TAP Desk's verification list, the one SharePoint list the emulator has, reached as Graph does:
 * GET/POST /sites/{site-id}/lists/{list-id}/items, GET/DELETE …/items/{id}, PATCH …/items/{id}/fields
 * and GET …/items/{id}/versions[/{version-id}].
 *
 * Permissions follow Sites.Selected (delegated): the app's scope admits the request, then the
 * signed-in user's own permission on the site decides (the lesser of the two, admin guide 5.4).
 * In the demo the site is set up as the admin guide says: helpdesk staff hold an "Add only"
 * permission level (view and add items, never edit or delete them, so a record of who verified
 * whom cannot be rewritten by those it is about), auditors and pilot managers read, the site's
 * owner may edit and delete, everyone else has no access. Versioning is on: an edit keeps the
 * item's earlier version, and its modified date, editor and etag version change.
 */
import { APP_ROLES, type AppRole } from '../constants';
import { findUser } from '../directory';
import { GraphError } from '../graph/errors';
import { allowQueryOptions, decodeSkipToken, metadataUrl, nextLink } from '../graph/odata';
import type { GraphContext, GraphResult, GraphRouter, RouteAccess } from '../graph/router';
import type { ListIdentity, ListItemVersionRecord, VerificationListItem } from '../model';
import { DEMO_FIXTURES } from '../seed/people';
import { compileCompareFilter, filterPaths, type Item, type Operator } from './odata-compare';
import { appSiteRight, registerSitePermissionRoutes } from './site-permissions';

/** The ids in the demo's config.json, demo/config.json (verification.siteId / listId). */
export const VERIFICATION_SITE_ID =
  'contoso.sharepoint.com,7d3b1f2a-0c4e-4b8a-9f6d-2e5a1c3b4d70,4c2a9e1f-6b3d-4f8e-a1c5-9d7b3e2f1a60';
export const VERIFICATION_LIST_ID = '5e8d2c1b-3a4f-4e6d-b7c9-1f2a3b4c5d6e';

type ColumnType = 'text' | 'dateTime' | 'number' | 'boolean' | 'choice';

interface Column {
  type: ColumnType;
  required?: boolean;
  choices?: readonly string[];
  /** "Multiple lines of text": SharePoint's single line of text stops at 255 characters. */
  multiline?: boolean;
}

/**
 * The verification record schema: the single source (decision 0005). Internal column names,
 * their types, and which the helpdesk must always send. Never a column for the pass itself.
 */
export const VERIFICATION_COLUMNS = {
  Title: { type: 'text', required: true },
  TargetUserId: { type: 'text', required: true },
  TargetUpn: { type: 'text', required: true },
  TargetDisplayName: { type: 'text' },
  IssuedByUpn: { type: 'text', required: true },
  IssuedByName: { type: 'text' },
  IssuedAt: { type: 'dateTime', required: true },
  LifetimeMinutes: { type: 'number' },
  IsUsableOnce: { type: 'boolean' },
  StartAt: { type: 'dateTime' },
  VerificationMethod: { type: 'text', required: true },
  Ticket: { type: 'text' },
  Reason: { type: 'text', multiline: true },
  TapMethodId: { type: 'text' },
  Outcome: {
    type: 'choice',
    required: true,
    choices: ['pending', 'issued', 'replaced', 'revoked', 'failed', 'unknown'],
  },
  AttemptId: { type: 'text' },
  RefersTo: { type: 'text' },
  ErrorCode: { type: 'text' },
} as const satisfies Record<keyof VerificationListItem['fields'], Column>;

const COLUMN_NAMES = Object.keys(VERIFICATION_COLUMNS) as (keyof typeof VERIFICATION_COLUMNS)[];

/**
 * A person's permission level on the verification site, weakest first: `read` (View Items),
 * `add` (the admin guide's "Add only": View Items and Add Items, no Edit or Delete Items),
 * `edit` (an owner: edit and delete items too).
 */
export type SiteRole = 'none' | 'read' | 'add' | 'edit';
const SITE_ROLE_RANK: Record<SiteRole, number> = { none: 0, read: 1, add: 2, edit: 3 };

/**
 * The site's owners, who may edit and delete items: Olga Ivanova, a Global Administrator, as the
 * admin guide's "one or two admins as owners". Nobody who issues passes in TAP Desk.
 */
export const SITE_OWNER_IDS: readonly string[] = [DEMO_FIXTURES.globalAdmin.id];

/** The signed-in user's permission on the verification site. */
export function siteRoleOf(user: { id: string; appRoles: readonly AppRole[] }): SiteRole {
  if (SITE_OWNER_IDS.includes(user.id)) return 'edit';
  if (user.appRoles.includes(APP_ROLES.helpdesk)) return 'add';
  if (user.appRoles.includes(APP_ROLES.auditor) || user.appRoles.includes(APP_ROLES.pilotManager)) {
    return 'read';
  }
  return 'none';
}

export const LIST_READ_ACCESS: RouteAccess = {
  scopes: [
    'Sites.Selected',
    'Sites.Read.All',
    'Sites.ReadWrite.All',
    'Sites.Manage.All',
    'Sites.FullControl.All',
  ],
  deniedCode: 'accessDenied',
};

export const LIST_WRITE_ACCESS: RouteAccess = {
  scopes: ['Sites.Selected', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'],
  deniedCode: 'accessDenied',
};

const accessDenied = () => new GraphError(403, 'accessDenied', 'Access denied');
const invalidRequest = (message: string) => new GraphError(400, 'invalidRequest', message);

/** The site and list must be the verification list, and the user must hold `needed` on it. */
function authorize(ctx: GraphContext, needed: Exclude<SiteRole, 'none'>): void {
  if ((ctx.params.siteId ?? '').toLowerCase() !== VERIFICATION_SITE_ID.toLowerCase()) {
    throw new GraphError(404, 'itemNotFound', 'Requested site could not be found');
  }
  if ((ctx.params.listId ?? '').toLowerCase() !== VERIFICATION_LIST_ID.toLowerCase()) {
    throw new GraphError(404, 'itemNotFound', 'The specified list was not found');
  }
  const user = findUser(ctx.state, ctx.caller.oid);
  const role = user ? siteRoleOf(user) : 'none';
  // The lesser of the person's permission and the app's: 'write' leaves the person's whole.
  const app = appSiteRight(ctx.state, ctx.caller, VERIFICATION_SITE_ID);
  const appRank = app === 'write' ? SITE_ROLE_RANK.edit : app === 'read' ? SITE_ROLE_RANK.read : 0;
  if (Math.min(SITE_ROLE_RANK[role], appRank) < SITE_ROLE_RANK[needed]) throw accessDenied();
}

/** The item the path names; a deleted item is in the recycle bin, not in the list. */
function findItem(ctx: GraphContext): VerificationListItem {
  const item = ctx.state.verificationRecords.find(
    (candidate) => candidate.id === ctx.params.itemId && !candidate.recycled,
  );
  if (!item) throw new GraphError(404, 'itemNotFound', 'The specified list item was not found');
  return item;
}

/** The signed-in user as SharePoint stamps them on an item they write. */
function callerIdentity(ctx: GraphContext): ListIdentity {
  const caller = findUser(ctx.state, ctx.caller.oid);
  return {
    user: {
      id: ctx.caller.oid,
      displayName: caller?.displayName ?? ctx.caller.upn,
      email: caller?.mail ?? ctx.caller.upn,
    },
  };
}

/** The item's version number: 1 when written, one more for each edit. */
const versionOf = (item: VerificationListItem) => (item.history?.length ?? 0) + 1;
/** SharePoint's etag names the item and its version; the version is what changes on an edit. */
const etagOf = (item: VerificationListItem) => `"${item.id},${versionOf(item)}"`;

/** `expand=fields` or `expand=fields(select=A,B)`; undefined when fields are not expanded. */
function expandedFields(ctx: GraphContext): readonly string[] | 'all' | undefined {
  const expand = ctx.query.get('expand') ?? ctx.query.get('$expand');
  if (expand === null) return undefined;
  const match = /^fields(?:\((?:\$?select)=([^)]*)\))?$/i.exec(expand.trim());
  if (!match) throw invalidRequest(`Parsing OData Select and Expand failed: '${expand}'.`);
  if (match[1] === undefined) return 'all';
  return match[1]
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

function itemResource(item: VerificationListItem, fields: readonly string[] | 'all' | undefined) {
  const webUrl = `https://contoso.sharepoint.com/sites/tapdesk/Lists/Verification/DispForm.aspx?ID=${item.id}`;
  const resource: Record<string, unknown> = {
    '@odata.etag': etagOf(item),
    eTag: etagOf(item),
    id: item.id,
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    createdBy: item.createdBy,
    lastModifiedBy: item.lastModifiedBy ?? item.createdBy,
    webUrl,
    contentType: { id: '0x0100', name: 'Item' },
    parentReference: { siteId: VERIFICATION_SITE_ID, id: VERIFICATION_LIST_ID },
  };
  if (fields) {
    const all: Record<string, unknown> = {
      '@odata.etag': etagOf(item),
      id: item.id,
      ContentType: 'Item',
      Created: item.createdDateTime,
      Modified: item.lastModifiedDateTime,
      AuthorLookupId: '11',
      EditorLookupId: '11',
      ...item.fields,
    };
    resource.fields =
      fields === 'all'
        ? all
        : Object.fromEntries(
            Object.entries(all).filter(
              ([key]) =>
                key === '@odata.etag' || fields.some((f) => f.toLowerCase() === key.toLowerCase()),
            ),
          );
  }
  return resource;
}

const PREFER_NON_INDEXED = 'honornonindexedquerieswarningmayfailrandomly';

const COLUMN_OPERATORS: Record<ColumnType, readonly Operator[]> = {
  text: ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'startswith'],
  choice: ['eq', 'ne'],
  dateTime: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'],
  number: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'],
  boolean: ['eq', 'ne'],
};

const ITEM_FILTER = {
  paths: {
    id: ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const,
    ...Object.fromEntries(
      COLUMN_NAMES.map((name) => [
        `fields/${name}`,
        COLUMN_OPERATORS[VERIFICATION_COLUMNS[name].type],
      ]),
    ),
  },
  dateTimes: COLUMN_NAMES.filter((name) => VERIFICATION_COLUMNS[name].type === 'dateTime').map(
    (name) => `fields/${name}`,
  ),
  unknownPath: (path: string) =>
    invalidRequest(`Field '${path.replace(/^fields\//i, '')}' is not recognized`),
};

/** SharePoint pages list items 200 at a time unless asked otherwise; it allows up to 5,000. */
const DEFAULT_ITEM_PAGE = 200;
const MAX_ITEM_PAGE = 5000;

function listItems(ctx: GraphContext): GraphResult {
  authorize(ctx, 'read');
  allowQueryOptions(ctx, ['$filter', '$top', '$skiptoken', '$expand', '$select']);
  const fields = expandedFields(ctx);
  let items = ctx.state.verificationRecords.filter((item) => !item.recycled);
  const filter = ctx.query.get('$filter') ?? ctx.query.get('filter');
  if (filter !== null) {
    // No column of this list is indexed: SharePoint refuses to filter on one without opt-in.
    const prefer = (ctx.headers.prefer ?? '').toLowerCase();
    const field = filterPaths(filter).find((path) => path.toLowerCase().startsWith('fields/'));
    if (field && !prefer.includes(PREFER_NON_INDEXED)) {
      throw invalidRequest(
        `Field '${field.slice('fields/'.length)}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
      );
    }
    const matches = compileCompareFilter(filter, ITEM_FILTER);
    items = items.filter((item) => matches(item as unknown as Item));
  }
  const rawTop = ctx.query.get('$top') ?? ctx.query.get('top');
  const top = rawTop === null ? DEFAULT_ITEM_PAGE : Number(rawTop);
  if (!Number.isInteger(top) || top < 1 || top > MAX_ITEM_PAGE) {
    throw invalidRequest(`Invalid page size '${rawTop}'.`);
  }
  const token = ctx.query.get('$skiptoken');
  const offset = token === null ? 0 : decodeSkipToken(token);
  const body: Record<string, unknown> = {
    '@odata.context': metadataUrl(
      ctx,
      `sites('${ctx.params.siteId}')/lists('${ctx.params.listId}')/items`,
    ),
  };
  if (offset + top < items.length) body['@odata.nextLink'] = nextLink(ctx, offset + top);
  body.value = items.slice(offset, offset + top).map((item) => itemResource(item, fields));
  return { status: 200, body };
}

/**
 * Checks column values against the schema, as SharePoint checks columns: unknown names and
 * values of the wrong type are refused; null or '' empties an optional column (undefined here).
 */
function readColumnValues(input: unknown, what: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalidRequest(`The request body must hold ${what}.`);
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const name = COLUMN_NAMES.find((column) => column === key);
    if (!name) throw invalidRequest(`Field '${key}' is not recognized`);
    if (value === null || value === undefined || value === '') {
      fields[key] = undefined;
      continue;
    }
    const column: Column = VERIFICATION_COLUMNS[name];
    const ok =
      column.type === 'number'
        ? typeof value === 'number' && Number.isFinite(value)
        : column.type === 'boolean'
          ? typeof value === 'boolean'
          : column.type === 'dateTime'
            ? typeof value === 'string' && !Number.isNaN(Date.parse(value))
            : column.type === 'choice'
              ? typeof value === 'string' && (column.choices ?? []).includes(value)
              : typeof value === 'string' && value.length <= (column.multiline ? 63_999 : 255);
    if (!ok) throw invalidRequest(`Invalid value for field '${key}': ${JSON.stringify(value)}`);
    fields[key] =
      column.type === 'dateTime'
        ? new Date(value as string).toISOString().replace('.000Z', 'Z')
        : value;
  }
  return fields;
}

/** Drops emptied columns (SharePoint returns them absent) and refuses a record without a required one. */
function completeFields(fields: Record<string, unknown>): VerificationListItem['fields'] {
  const kept = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const missing = COLUMN_NAMES.filter(
    (name) => 'required' in VERIFICATION_COLUMNS[name] && kept[name] === undefined,
  );
  if (missing.length > 0) {
    throw invalidRequest(`Missing required field(s): ${missing.join(', ')}`);
  }
  return kept as VerificationListItem['fields'];
}

/** Checks a POSTed `fields` object against the schema. */
export function validateFields(input: unknown): VerificationListItem['fields'] {
  return completeFields(readColumnValues(input, "the item's column values in 'fields'"));
}

/**
 * Emulator tripwire, not Graph behaviour: SharePoint would store anything, but a pass in the
 * verification list is exactly what TAP Desk must never write, so the demo refuses it loudly.
 */
function refuseThePass(ctx: GraphContext, fields: VerificationListItem['fields']): void {
  const target = findUser(ctx.state, fields.TargetUserId);
  const secret = target && ctx.state.authMethods.get(target.id)?.temporaryAccessPass?.secret;
  if (
    secret &&
    Object.values(fields).some((value) => typeof value === 'string' && value.includes(secret))
  ) {
    throw invalidRequest('Emulator tripwire: a field holds the Temporary Access Pass itself.');
  }
}

function createItem(ctx: GraphContext): GraphResult {
  authorize(ctx, 'add');
  allowQueryOptions(ctx, []);
  const body = ctx.body as { fields?: unknown } | undefined;
  const fields = validateFields(body?.fields);
  refuseThePass(ctx, fields);
  const at = new Date(ctx.now).toISOString();
  const item: VerificationListItem = {
    // Recycled items keep their ids: SharePoint never gives an id out twice.
    id: String(Math.max(0, ...ctx.state.verificationRecords.map((i) => Number(i.id) || 0)) + 1),
    createdDateTime: at,
    lastModifiedDateTime: at,
    createdBy: callerIdentity(ctx),
    fields,
  };
  ctx.state.verificationRecords.push(item);
  return {
    status: 201,
    body: {
      '@odata.context': metadataUrl(
        ctx,
        `sites('${ctx.params.siteId}')/lists('${ctx.params.listId}')/items/$entity`,
      ),
      ...itemResource(item, 'all'),
    },
  };
}

/**
 * PATCH …/items/{id}/fields: changes some columns and answers with the item's column values.
 * With versioning on, the version before the edit is kept, and the item's modified date, editor
 * and etag version move on: what an auditor reads to see that a record was rewritten.
 */
function updateFields(ctx: GraphContext): GraphResult {
  authorize(ctx, 'edit');
  allowQueryOptions(ctx, []);
  const item = findItem(ctx);
  const changes = readColumnValues(ctx.body, 'the column values to change');
  const fields = completeFields({ ...item.fields, ...changes });
  refuseThePass(ctx, fields);
  const before: ListItemVersionRecord = {
    lastModifiedDateTime: item.lastModifiedDateTime,
    lastModifiedBy: item.lastModifiedBy ?? item.createdBy,
    fields: item.fields,
  };
  item.history = [...(item.history ?? []), before];
  item.fields = fields;
  item.lastModifiedDateTime = new Date(ctx.now).toISOString();
  item.lastModifiedBy = callerIdentity(ctx);
  const { fields: values } = itemResource(item, 'all') as { fields: Record<string, unknown> };
  return {
    status: 200,
    body: {
      '@odata.context': metadataUrl(
        ctx,
        `sites('${ctx.params.siteId}')/lists('${ctx.params.listId}')/items('${item.id}')/fields/$entity`,
      ),
      ...values,
    },
  };
}

/** DELETE …/items/{id}: SharePoint moves the item to the site's recycle bin. */
function deleteItem(ctx: GraphContext): GraphResult {
  authorize(ctx, 'edit');
  allowQueryOptions(ctx, []);
  const item = findItem(ctx);
  item.recycled = { at: new Date(ctx.now).toISOString(), by: callerIdentity(ctx) };
  return { status: 204 };
}

/** listItemVersion resources, newest first: the current version, then each earlier one. */
function versionResources(item: VerificationListItem) {
  const versions = [
    ...(item.history ?? []),
    {
      lastModifiedDateTime: item.lastModifiedDateTime,
      lastModifiedBy: item.lastModifiedBy ?? item.createdBy,
      fields: item.fields,
    },
  ];
  return versions
    .map((version, index) => {
      const id = `${index + 1}.0`;
      return {
        id,
        lastModifiedDateTime: version.lastModifiedDateTime,
        lastModifiedBy: version.lastModifiedBy,
        published: { level: 'published', versionId: id },
        fields: { ...version.fields },
      };
    })
    .reverse();
}

export function registerListRoutes(router: GraphRouter): void {
  registerSitePermissionRoutes(
    router,
    (siteId) => siteId.toLowerCase() === VERIFICATION_SITE_ID.toLowerCase(),
  );
  const items = '/sites/{siteId}/lists/{listId}/items';
  const item = `${items}/{itemId}`;
  router.register('GET', items, LIST_READ_ACCESS, listItems);
  router.register('POST', items, LIST_WRITE_ACCESS, createItem);
  router.register('GET', item, LIST_READ_ACCESS, (ctx) => {
    authorize(ctx, 'read');
    allowQueryOptions(ctx, ['$expand', '$select']);
    return { status: 200, body: itemResource(findItem(ctx), expandedFields(ctx)) };
  });
  router.register('PATCH', `${item}/fields`, LIST_WRITE_ACCESS, updateFields);
  router.register('DELETE', item, LIST_WRITE_ACCESS, deleteItem);
  // Viewing versions is part of reading the list (SharePoint's Read level has View Versions).
  router.register('GET', `${item}/versions`, LIST_READ_ACCESS, (ctx) => {
    authorize(ctx, 'read');
    allowQueryOptions(ctx, ['$expand', '$select']);
    const found = findItem(ctx);
    return {
      status: 200,
      body: {
        '@odata.context': metadataUrl(
          ctx,
          `sites('${ctx.params.siteId}')/lists('${ctx.params.listId}')/items('${found.id}')/versions`,
        ),
        value: versionResources(found),
      },
    };
  });
  router.register('GET', `${item}/versions/{versionId}`, LIST_READ_ACCESS, (ctx) => {
    authorize(ctx, 'read');
    allowQueryOptions(ctx, ['$expand', '$select']);
    const version = versionResources(findItem(ctx)).find((v) => v.id === ctx.params.versionId);
    if (!version) throw new GraphError(404, 'itemNotFound', 'The specified version was not found');
    return { status: 200, body: version };
  });
}
