/**
 * The rollout recipe (admin guide steps 3 to 5) as checks: what the tenant's answers mean for a
 * first pilot. Pure, no React and no fetching, so the readiness page and `npm run smoke` judge a
 * tenant by the same rules.
 */
import type {
  AuthenticatorPolicy,
  Fido2Policy,
  TapPolicy,
} from '../../graph/authentication-methods';
import { AUTHENTICATOR_PASSKEY_AAGUIDS } from '../../graph/authentication-methods';
import { describeErrorText } from '../../graph/describe-error';
import { GraphError } from '../../graph/errors';
import type { VerificationRecord, VerificationRecords } from '../../graph/verification-records';
import {
  messageRef,
  type MessageList,
  type MessageRef,
  type MessageValue,
} from '../../i18n/catalog';
import { messages } from './messages';

/** A finding in the reader's language: worded by the page (or the smoke test) from the catalog. */
type Key = Extract<keyof (typeof messages)['messages']['en'], string>;
export type CheckPhrase = MessageRef;
const say = (key: Key, values?: Record<string, MessageValue>) => messageRef(messages, key, values);

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown';

export type CheckId =
  | 'tapPolicy'
  | 'authenticatorPolicy'
  | 'passkeyPolicy'
  | 'listReachable'
  | 'listWritable'
  | 'registrationReport'
  | 'auditRetention';

export interface ReadinessCheck {
  id: CheckId;
  title: CheckPhrase;
  status: CheckStatus;
  /** What TAP Desk found, in a sentence or two. */
  summary: CheckPhrase;
  /** What to change and who does it; absent when the check passes. */
  fix?: CheckPhrase;
  /** For `unknown` because of the reader's role: the roles that can read it. */
  readableBy?: CheckPhrase;
  /** Where in the admin centers the fix is made. */
  link: { label: CheckPhrase; href: string };
}

/** One Graph read: its answer, or why there is none. */
export type Read<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface ReadinessInputs {
  /** config.pilot.groups, by id and name. */
  pilotGroups: readonly { id: string; displayName: string }[];
  /** config.tap.targetGroupIds: groups the TAP policy is meant to include (they hold the pilot). */
  tapTargetGroupIds: readonly string[];
  /** config.audit.retentionDays. */
  retentionDays: number;
  /** From config.verification.siteId (`contoso.sharepoint.com,…`). */
  siteHost: string;
  tapPolicy: Read<TapPolicy>;
  authenticatorPolicy: Read<AuthenticatorPolicy>;
  passkeyPolicy: Read<Fido2Policy>;
  /** The verification records of the last WRITE_EVIDENCE_DAYS, read with TAP Desk's Sites.Selected. */
  listRecords: Read<VerificationRecords>;
  /** GET /reports/authenticationMethods/userRegistrationDetails?$top=1. */
  registrationReport: Read<unknown>;
}

const POLICY_READERS = say('readers.policy');
const REPORT_READERS = say('readers.report');
const SITE_PERMISSION_READERS = say('readers.site');

const ENTRA = 'https://entra.microsoft.com';
const POLICIES_LINK = {
  label: say('link.policies'),
  href: `${ENTRA}/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AdminAuthMethods`,
};
const LICENCES_LINK = {
  label: say('link.licences'),
  href: `${ENTRA}/#view/Microsoft_AAD_IAM/LicensesMenuBlade/~/Products`,
};
/** The SharePoint admin center of the tenant that hosts `contoso.sharepoint.com`. */
function sharePointAdmin(siteHost: string) {
  const tenant = siteHost.split('.')[0] ?? '';
  return {
    label: say('link.sharePoint'),
    href: tenant ? `https://${tenant}-admin.sharepoint.com/` : 'https://admin.microsoft.com/',
  };
}

/** A 403 from Graph: the reader's role (or consent) does not reach this. */
const refused = (read: Read<unknown>) =>
  !read.ok && read.error instanceof GraphError && read.error.status === 403;
const errorOf = (read: Read<unknown>) => (read.ok ? undefined : read.error);

const LICENCE_CODE = 'Authentication_RequestFromNonPremiumTenantOrB2CTenant';

/** A read that failed for a reason other than the reader's role: say so, with what to do. */
function unreadable(what: Unread, error: unknown): Pick<ReadinessCheck, 'status' | 'summary'> {
  const description = describeErrorText(error, { doing: say(`doing.${what}`) });
  return {
    status: 'unknown',
    summary: say('unreadable', { title: description.title, action: description.action }),
  };
}

type Target = { id?: string | null };

/** The include list covers the pilot when it names all users, a pilot group or a TAP target group. */
function coverage(includes: readonly Target[], excludes: readonly Target[], groupIds: string[]) {
  const ids = (targets: readonly Target[]) => targets.map((t) => (t.id ?? '').toLowerCase());
  const wanted = new Set(groupIds.map((id) => id.toLowerCase()));
  const excluded = ids(excludes).some((id) => wanted.has(id));
  const included = ids(includes).filter((id) => id === 'all_users' || wanted.has(id));
  return {
    covered: included.length > 0 && !excluded,
    excluded,
    allUsers: included.includes('all_users'),
  };
}

function pilotNames(inputs: ReadinessInputs): CheckPhrase | MessageList {
  if (inputs.pilotGroups.length === 0) return say('thePilotGroup');
  const items = inputs.pilotGroups.map((g) => say('groupName', { name: g.displayName }));
  return { items, style: 'names' };
}

type Policy = 'tap' | 'authenticator' | 'passkey';
/** What could not be read, as the catalog's `doing.*` says it inside the Graph error's text. */
type Unread = Policy | 'list' | 'report';

function policyCheck<T>(
  read: Read<T>,
  base: Pick<ReadinessCheck, 'id' | 'title'>,
  what: Policy,
  judge: (policy: T) => Pick<ReadinessCheck, 'status' | 'summary' | 'fix'>,
): ReadinessCheck {
  const link = POLICIES_LINK;
  if (read.ok) return { ...base, link, ...judge(read.value) };
  if (refused(read)) {
    return {
      ...base,
      link,
      status: 'unknown',
      summary: say('policyRefused', { policy: say(`policy.${what}`) }),
      readableBy: POLICY_READERS,
    };
  }
  return { ...base, link, ...unreadable(what, read.error) };
}

function notCovered(what: Policy, inputs: ReadinessInputs, excluded: boolean) {
  const values = { method: say(`method.${what}`), groups: pilotNames(inputs) };
  return {
    status: 'fail' as const,
    summary: say(excluded ? 'excluded' : 'notIncluded', values),
    fix: say('notCovered.fix', { ...values, excluded: String(excluded) }),
  };
}

const base = (id: CheckId) => ({ id, title: say(`check.${id}`) });

function tapCheck(inputs: ReadinessInputs): ReadinessCheck {
  const groups = [...inputs.pilotGroups.map((g) => g.id), ...inputs.tapTargetGroupIds];
  return policyCheck(inputs.tapPolicy, base('tapPolicy'), 'tap', (policy) => {
    if (policy.state !== 'enabled') {
      return { status: 'fail', summary: say('tap.off'), fix: say('tap.off.fix') };
    }
    const { covered, excluded } = coverage(
      policy.includeTargets ?? [],
      policy.excludeTargets ?? [],
      groups,
    );
    if (!covered) return notCovered('tap', inputs, excluded);
    const facts = say('tap.facts', {
      oneTime: String(policy.isUsableOnce === true),
      length: policy.defaultLength ?? '?',
      min: policy.minimumLifetimeInMinutes ?? '?',
      max: policy.maximumLifetimeInMinutes ?? '?',
    });
    const concerns: CheckPhrase[] = [];
    if ((policy.defaultLength ?? 8) > 12) {
      concerns.push(say('tap.concern.length', { length: policy.defaultLength ?? '?' }));
    }
    if ((policy.maximumLifetimeInMinutes ?? 480) < 60) concerns.push(say('tap.concern.short'));
    if ((policy.maximumLifetimeInMinutes ?? 480) > 480) concerns.push(say('tap.concern.long'));
    if (policy.isUsableOnce) concerns.push(say('tap.concern.oneTime'));
    if (concerns.length === 0) return { status: 'pass', summary: facts };
    return {
      status: 'warn',
      summary: say('tap.warn', { facts, concerns: { items: concerns, style: 'clauses' } }),
      fix: say('tap.warn.fix'),
    };
  });
}

function authenticatorCheck(inputs: ReadinessInputs): ReadinessCheck {
  const groups = inputs.pilotGroups.map((g) => g.id);
  return policyCheck(
    inputs.authenticatorPolicy,
    base('authenticatorPolicy'),
    'authenticator',
    (policy) => {
      if (policy.state !== 'enabled') {
        return {
          status: 'fail',
          summary: say('authenticator.off'),
          fix: say('authenticator.off.fix'),
        };
      }
      const includes = policy.includeTargets ?? [];
      const { covered, excluded } = coverage(includes, policy.excludeTargets ?? [], groups);
      if (!covered) return notCovered('authenticator', inputs, excluded);
      const wanted = new Set(['all_users', ...groups.map((id) => id.toLowerCase())]);
      const modes = includes
        .filter((t) => wanted.has((t.id ?? '').toLowerCase()))
        .map((t) => t.authenticationMode ?? 'any');
      if (modes.includes('any')) {
        return { status: 'pass', summary: say('authenticator.any') };
      }
      if (modes.includes('deviceBasedPush')) {
        return {
          status: 'warn',
          summary: say('authenticator.passwordlessOnly'),
          fix: say('authenticator.mode.fix'),
        };
      }
      return {
        status: 'fail',
        summary: say('authenticator.pushOnly'),
        fix: say('authenticator.mode.fix'),
      };
    },
  );
}

function passkeyCheck(inputs: ReadinessInputs): ReadinessCheck {
  const groups = inputs.pilotGroups.map((g) => g.id);
  return policyCheck(inputs.passkeyPolicy, base('passkeyPolicy'), 'passkey', (policy) => {
    if (policy.state !== 'enabled') {
      return { status: 'fail', summary: say('passkey.off'), fix: say('passkey.off.fix') };
    }
    const { covered, excluded } = coverage(
      policy.includeTargets ?? [],
      policy.excludeTargets ?? [],
      groups,
    );
    if (!covered) return notCovered('passkey', inputs, excluded);
    const restrictions = policy.keyRestrictions;
    const aaGuids = (restrictions?.aaGuids ?? []).map((id) => id.toLowerCase());
    const authenticator = Object.values(AUTHENTICATOR_PASSKEY_AAGUIDS);
    const blocked =
      restrictions?.isEnforced === true &&
      (restrictions.enforcementType === 'block'
        ? authenticator.some((id) => aaGuids.includes(id))
        : !authenticator.every((id) => aaGuids.includes(id)));
    if (policy.isSelfServiceRegistrationAllowed === false || blocked) {
      return {
        status: 'warn',
        summary: say('passkey.warn', {
          reason:
            policy.isSelfServiceRegistrationAllowed === false ? 'selfService' : 'restrictions',
        }),
        fix: say('passkey.warn.fix'),
      };
    }
    return { status: 'pass', summary: say('passkey.pass') };
  });
}

/** How far back a record TAP Desk wrote still counts as proof that the helpdesk can add. */
export const WRITE_EVIDENCE_DAYS = 30;

/** TAP Desk writes every record as the person who issues: SharePoint's author is that issuer. */
const writtenByIssuer = (record: VerificationRecord) =>
  !!record.createdByUpn && record.createdByUpn.toLowerCase() === record.IssuedByUpn?.toLowerCase();

/**
 * Only a write proves a write, and this page never writes: a recent record written as TAP Desk
 * writes them (by the helpdesk member it names as issuer) is that proof. SharePoint then gave
 * both the app and that person the right to add, the lesser of the two.
 */
function writeEvidence(
  inputs: ReadinessInputs,
): Pick<ReadinessCheck, 'status' | 'summary' | 'fix' | 'readableBy'> {
  const reading = inputs.listRecords;
  const unknown = {
    status: 'unknown' as const,
    fix: say('write.unknown.fix'),
    readableBy: SITE_PERMISSION_READERS,
  };
  if (!reading.ok) {
    return { ...unknown, summary: say('write.unreadable') };
  }
  const written = reading.value.records
    .filter((record) => writtenByIssuer(record) && record.createdDateTime)
    .sort((a, b) => Date.parse(b.createdDateTime ?? '') - Date.parse(a.createdDateTime ?? ''));
  const latest = written[0];
  if (!latest) {
    return { ...unknown, summary: say('write.none', { days: WRITE_EVIDENCE_DAYS }) };
  }
  return {
    status: 'pass',
    summary: say('write.pass', {
      count: written.length,
      days: WRITE_EVIDENCE_DAYS,
      name: latest.createdByName ?? latest.createdByUpn ?? say('aHelpdeskMember'),
      when: new Date(latest.createdDateTime ?? ''),
    }),
  };
}

function listChecks(inputs: ReadinessInputs): ReadinessCheck[] {
  const link = sharePointAdmin(inputs.siteHost);
  const reachable: ReadinessCheck = {
    ...base('listReachable'),
    link,
    ...(inputs.listRecords.ok
      ? { status: 'pass', summary: say('list.pass') }
      : refused(inputs.listRecords)
        ? { status: 'fail', summary: say('list.refused'), fix: say('list.refused.fix') }
        : inputs.listRecords.error instanceof GraphError && inputs.listRecords.error.status === 404
          ? { status: 'fail', summary: say('list.missing'), fix: say('list.missing.fix') }
          : unreadable('list', inputs.listRecords.error)),
  };
  const writable: ReadinessCheck = {
    ...base('listWritable'),
    link,
    ...writeEvidence(inputs),
  };
  return [reachable, writable];
}

function reportAndRetention(inputs: ReadinessInputs): ReadinessCheck[] {
  const report = inputs.registrationReport;
  const unlicensed =
    !report.ok && report.error instanceof GraphError && report.error.code === LICENCE_CODE;
  const licensed = report.ok ? true : unlicensed ? false : undefined;
  const reportCheck: ReadinessCheck = {
    ...base('registrationReport'),
    link: LICENCES_LINK,
    ...(licensed === true
      ? { status: 'pass', summary: say('report.pass') }
      : licensed === false
        ? { status: 'fail', summary: say('report.unlicensed'), fix: say('report.unlicensed.fix') }
        : refused(report)
          ? { status: 'unknown', summary: say('report.refused'), readableBy: REPORT_READERS }
          : unreadable('report', errorOf(report))),
  };
  const kept = licensed === undefined ? undefined : licensed ? 30 : 7;
  const days = inputs.retentionDays;
  const retention: ReadinessCheck = {
    ...base('auditRetention'),
    link: LICENCES_LINK,
    ...(kept === undefined
      ? {
          status: 'unknown',
          summary: say('retention.unknown', { days }),
          readableBy: REPORT_READERS,
        }
      : kept === days
        ? { status: 'pass', summary: say('retention.pass', { kept }) }
        : kept < days
          ? {
              status: 'fail',
              summary: say('retention.tooLong', { days, kept }),
              fix: say('retention.tooLong.fix', { kept }),
            }
          : {
              status: 'warn',
              summary: say('retention.tooShort', { days, kept }),
              fix: say('retention.tooShort.fix', { kept }),
            }),
  };
  return [reportCheck, retention];
}

/** Every check, in the recipe's order. */
export function evaluateReadiness(inputs: ReadinessInputs): ReadinessCheck[] {
  return [
    tapCheck(inputs),
    authenticatorCheck(inputs),
    passkeyCheck(inputs),
    ...listChecks(inputs),
    ...reportAndRetention(inputs),
  ];
}
