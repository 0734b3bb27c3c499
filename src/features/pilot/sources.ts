/**
 * The two reports-class sources of a pilot load, read tolerantly: the directory audit log (passes
 * issued, registrations with their dates) and the registration details report (which methods
 * each person has, as of the report's last refresh). Neither may fail the whole load: a source
 * Graph refuses or fails becomes a note naming the stages it leaves less precise.
 */
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import {
  AUDIT_ACTIVITIES,
  AUTHENTICATION_METHODS_SERVICE,
  directoryAuditFilter,
} from '../../graph/audit-logs';
import type { GraphClient, GraphPage, GraphRequest } from '../../graph/client';
import { isGraphError } from '../../graph/errors';
import {
  REGISTERED_METHODS,
  passwordlessGoalOf,
  registeredMethodFilter,
  registrationDetailsRequest,
  type UserRegistrationDetails,
} from '../../graph/registration-details';
import { budgetedPages, type RequestBudget } from '../../graph/request-budget';

/** Graph's resultReason seen on an issued pass; one wording among those accepted (graph-facts §5). */
export const TAP_ISSUED_REASON = 'Admin registered temporary access pass method for user';

export interface Issuance {
  id: string;
  at: string;
  isUsableOnce: boolean;
}

/** What a registration event says was registered; phone sign-in has no documented wording. */
export type RegistrationKind = 'authenticator' | 'passkey' | 'other';

export interface Registration {
  at: string;
  kind: RegistrationKind;
}

/**
 * Everything an event says about the method, lower-cased: Entra's wording is undocumented and
 * may sit in resultReason, a target's modifiedProperties or additionalDetails.
 */
export function methodText(event: MicrosoftGraph.DirectoryAudit): string {
  return [
    event.resultReason ?? '',
    ...(event.targetResources ?? []).flatMap((target) =>
      (target.modifiedProperties ?? []).map(
        (p) => `${p.displayName ?? ''} ${p.newValue ?? ''} ${p.oldValue ?? ''}`,
      ),
    ),
    ...(event.additionalDetails ?? []).map((detail) => `${detail.key ?? ''} ${detail.value ?? ''}`),
  ]
    .join(' ')
    .toLowerCase();
}

const TAP_TEXT = /temporary\s*access\s*pass|accesspassusage/;

function activity(event: MicrosoftGraph.DirectoryAudit): string {
  return (event.activityDisplayName ?? '').toLowerCase();
}

/** "Admin registered security info" about a Temporary Access Pass, however it is worded. */
export function isTapIssued(event: MicrosoftGraph.DirectoryAudit): boolean {
  return (
    activity(event) === AUDIT_ACTIVITIES.adminRegistered.toLowerCase() &&
    TAP_TEXT.test(methodText(event))
  );
}

export function registrationKind(text: string): RegistrationKind {
  // "User registered Fido2 Authentication Method": a passkey or a security key; a read says which.
  if (/fido\s*2|passkey/.test(text)) return 'passkey';
  if (text.includes('authenticator')) return 'authenticator';
  return 'other';
}

function isOneTime(event: MicrosoftGraph.DirectoryAudit): boolean {
  const usage = event.targetResources
    ?.flatMap((target) => target.modifiedProperties ?? [])
    .find((property) => property.displayName?.toLowerCase() === 'accesspassusage');
  // Only multi-use passes are marked; if Graph ever stops marking them, reading more is safe.
  return usage?.newValue?.replace(/"/g, '').toLowerCase() !== 'multiple';
}

function targetUserId(event: MicrosoftGraph.DirectoryAudit): string | undefined {
  return (
    event.targetResources?.find((target) => target.type?.toLowerCase() === 'user')?.id ?? undefined
  );
}

/** Raw audit material, kept so a refresh asks only for newer events. */
export interface AuditSources {
  auditCursor?: string;
  auditSeen: ReadonlySet<string>;
  issuances: ReadonlyMap<string, Issuance>;
  registrations: ReadonlyMap<string, readonly Registration[]>;
}

export class AuditIndex {
  cursor?: string;
  readonly seen: Set<string>;
  readonly issuances: Map<string, Issuance>;
  readonly registrations: Map<string, Registration[]>;
  /** Users whose facts changed since the loader last merged them. */
  readonly touched = new Set<string>();

  constructor(previous?: AuditSources) {
    this.cursor = previous?.auditCursor;
    this.seen = new Set(previous?.auditSeen);
    this.issuances = new Map(previous?.issuances);
    this.registrations = new Map(
      [...(previous?.registrations ?? [])].map(([id, list]) => [id, [...list]]),
    );
  }

  add(event: MicrosoftGraph.DirectoryAudit) {
    if (!event.id || !event.activityDateTime || this.seen.has(event.id)) return;
    this.seen.add(event.id);
    if (!this.cursor || event.activityDateTime > this.cursor) this.cursor = event.activityDateTime;
    if (event.result?.toLowerCase() !== 'success') return;
    const userId = targetUserId(event);
    if (!userId) return;
    const at = event.activityDateTime;
    this.touched.add(userId);
    if (isTapIssued(event)) {
      const known = this.issuances.get(userId);
      if (!known || known.at < at) {
        this.issuances.set(userId, { id: event.id, at, isUsableOnce: isOneTime(event) });
      }
    } else if (activity(event) === AUDIT_ACTIVITIES.userRegistered.toLowerCase()) {
      const list = this.registrations.get(userId) ?? [];
      list.push({ at, kind: registrationKind(methodText(event)) });
      this.registrations.set(userId, list);
    }
  }
}

/**
 * Pages of a list that asks for `$top`: the option is undocumented for some lists (the
 * registration report documents only $filter and $orderby), so a 400 on the first page is
 * retried once without it.
 */
export async function* pagesWithoutTopIfRefused<T>(
  client: GraphClient,
  budget: RequestBudget,
  request: GraphRequest,
): AsyncGenerator<GraphPage<T>> {
  let first = true;
  try {
    for await (const page of budgetedPages<T>(client, budget, request)) {
      first = false;
      yield page;
    }
  } catch (error) {
    if (!first || !isGraphError(error, 400) || request.query?.$top === undefined) throw error;
    yield* budgetedPages<T>(client, budget, {
      ...request,
      query: { ...request.query, $top: undefined },
    });
  }
}

/** Failures that make a source unavailable rather than the load impossible. */
export function isSourceFailure(error: unknown): boolean {
  return isGraphError(error) && error.status !== 401;
}

export async function readAuditLog(options: {
  client: GraphClient;
  budget: RequestBudget;
  audit: AuditIndex;
  from: string;
  signal?: AbortSignal;
  onPage: (events: number) => void;
}): Promise<void> {
  const request: GraphRequest = {
    path: '/auditLogs/directoryAudits',
    query: {
      $filter: directoryAuditFilter({
        from: options.from,
        loggedByService: AUTHENTICATION_METHODS_SERVICE,
      }),
      $top: 999,
    },
    signal: options.signal,
  };
  for await (const page of pagesWithoutTopIfRefused<MicrosoftGraph.DirectoryAudit>(
    options.client,
    options.budget,
    request,
  )) {
    for (const event of page.value) options.audit.add(event);
    options.onPage(page.value.length);
  }
}

export interface ReportEntry {
  authenticator?: 'push' | 'passwordless';
  passkeyInAuthenticator: boolean;
  lastUpdatedDateTime?: string;
}

/** The report's rows for people with Authenticator, and how fresh its records are. */
export class ReportIndex {
  readonly entries = new Map<string, ReportEntry>();
  /** Users whose facts changed since the loader last merged them. */
  readonly touched = new Set<string>();
  /** The oldest record refresh seen: the report says nothing newer about anybody. */
  asOf?: string;

  add(row: UserRegistrationDetails, kind: ReportEntry['authenticator']) {
    if (!row.id) return;
    const updated = row.lastUpdatedDateTime ?? undefined;
    if (updated && (!this.asOf || updated < this.asOf)) this.asOf = updated;
    const methods = row.methodsRegistered ?? [];
    const authenticator: ReportEntry['authenticator'] = methods.includes(
      REGISTERED_METHODS.authenticatorPasswordless,
    )
      ? 'passwordless'
      : methods.includes(REGISTERED_METHODS.authenticatorPush)
        ? 'push'
        : kind;
    const passkeyInAuthenticator = passwordlessGoalOf(methods) === 'passkey';
    if (authenticator || passkeyInAuthenticator) {
      this.touched.add(row.id);
      this.entries.set(row.id, {
        authenticator,
        passkeyInAuthenticator,
        lastUpdatedDateTime: updated,
      });
    }
  }
}

export async function readRegistrationReport(options: {
  client: GraphClient;
  budget: RequestBudget;
  report: ReportIndex;
  signal?: AbortSignal;
  onPage: () => void;
}): Promise<void> {
  const pages = async (method: string, kind: ReportEntry['authenticator']) => {
    for await (const page of pagesWithoutTopIfRefused<UserRegistrationDetails>(
      options.client,
      options.budget,
      registrationDetailsRequest(registeredMethodFilter(method), options.signal),
    )) {
      for (const row of page.value) options.report.add(row, kind);
      options.onPage();
    }
  };
  // Narrow queries instead of the whole tenant's report: only people with Authenticator.
  await pages(REGISTERED_METHODS.authenticatorPasswordless, 'passwordless');
  await pages(REGISTERED_METHODS.authenticatorPush, 'push');
  // A passkey in Authenticator can come without Authenticator push (decision 0011).
  await pages(REGISTERED_METHODS.passkeyInAuthenticator, undefined);
}
