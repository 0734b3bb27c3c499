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
import { describeError } from '../../graph/describe-error';
import { GraphError } from '../../graph/errors';
import type { VerificationRecord, VerificationRecords } from '../../graph/verification-records';

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
  title: string;
  status: CheckStatus;
  /** What TAP Desk found, in a sentence or two. */
  summary: string;
  /** What to change and who does it; absent when the check passes. */
  fix?: string;
  /** For `unknown` because of the reader's role: the roles that can read it. */
  readableBy?: string;
  /** Where in the admin centers the fix is made. */
  link: { label: string; href: string };
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

export const POLICY_READERS = 'Global Reader or Authentication Policy Administrator';
export const REPORT_READERS = 'Reports Reader, Security Reader or Global Reader';
export const SITE_PERMISSION_READERS =
  'SharePoint Administrator (Graph needs Sites.FullControl.All to list a site’s app permissions)';

const ENTRA = 'https://entra.microsoft.com';
const POLICIES_LINK = {
  label: 'Entra admin center › Authentication methods › Policies',
  href: `${ENTRA}/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AdminAuthMethods`,
};
const LICENCES_LINK = {
  label: 'Entra admin center › Billing › Licenses',
  href: `${ENTRA}/#view/Microsoft_AAD_IAM/LicensesMenuBlade/~/Products`,
};
/** The SharePoint admin center of the tenant that hosts `contoso.sharepoint.com`. */
function sharePointAdmin(siteHost: string) {
  const tenant = siteHost.split('.')[0] ?? '';
  return {
    label: 'SharePoint admin center (site permissions)',
    href: tenant ? `https://${tenant}-admin.sharepoint.com/` : 'https://admin.microsoft.com/',
  };
}

/** A 403 from Graph: the reader's role (or consent) does not reach this. */
const refused = (read: Read<unknown>) =>
  !read.ok && read.error instanceof GraphError && read.error.status === 403;
const errorOf = (read: Read<unknown>) => (read.ok ? undefined : read.error);

const LICENCE_CODE = 'Authentication_RequestFromNonPremiumTenantOrB2CTenant';

/** A read that failed for a reason other than the reader's role: say so, with what to do. */
function unreadable(what: string, error: unknown): Pick<ReadinessCheck, 'status' | 'summary'> {
  const description = describeError(error, { doing: `read ${what}` });
  return { status: 'unknown', summary: `${description.title}. ${description.action}` };
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

function pilotNames(inputs: ReadinessInputs): string {
  return inputs.pilotGroups.map((g) => `“${g.displayName}”`).join(', ') || 'the pilot group';
}

function policyCheck<T>(
  read: Read<T>,
  base: Pick<ReadinessCheck, 'id' | 'title'>,
  what: string,
  judge: (policy: T) => Pick<ReadinessCheck, 'status' | 'summary' | 'fix'>,
): ReadinessCheck {
  const link = POLICIES_LINK;
  if (read.ok) return { ...base, link, ...judge(read.value) };
  if (refused(read)) {
    return {
      ...base,
      link,
      status: 'unknown',
      summary: `Your role cannot read ${what}.`,
      readableBy: POLICY_READERS,
    };
  }
  return { ...base, link, ...unreadable(what, read.error) };
}

function notCovered(what: string, inputs: ReadinessInputs, excluded: boolean) {
  return {
    status: 'fail' as const,
    summary: excluded
      ? `The ${what} policy excludes ${pilotNames(inputs)}.`
      : `The ${what} policy does not include ${pilotNames(inputs)} (nor all users).`,
    fix: `An Authentication Policy Administrator opens ${what}, Enable and target › Include, and adds ${pilotNames(inputs)}${excluded ? ', and removes it from Exclude' : ''}.`,
  };
}

function tapCheck(inputs: ReadinessInputs): ReadinessCheck {
  const groups = [...inputs.pilotGroups.map((g) => g.id), ...inputs.tapTargetGroupIds];
  const base = { id: 'tapPolicy' as const, title: 'Temporary Access Pass policy' };
  return policyCheck(inputs.tapPolicy, base, 'the Temporary Access Pass policy', (policy) => {
    if (policy.state !== 'enabled') {
      return {
        status: 'fail',
        summary: 'The Temporary Access Pass policy is off: nobody can be given a pass.',
        fix: 'An Authentication Policy Administrator turns on Temporary Access Pass (Enable) for the pilot group.',
      };
    }
    const { covered, excluded } = coverage(
      policy.includeTargets ?? [],
      policy.excludeTargets ?? [],
      groups,
    );
    if (!covered) return notCovered('Temporary Access Pass', inputs, excluded);
    const use = policy.isUsableOnce ? 'one-time' : 'multi-use';
    const facts = `On for the pilot; passes are ${use}, ${policy.defaultLength ?? '?'} characters, ${policy.minimumLifetimeInMinutes ?? '?'}–${policy.maximumLifetimeInMinutes ?? '?'} minutes.`;
    const concerns: string[] = [];
    if ((policy.defaultLength ?? 8) > 12) {
      concerns.push(
        `a ${policy.defaultLength}-character pass is hard to read over the phone (8 is the default)`,
      );
    }
    if ((policy.maximumLifetimeInMinutes ?? 480) < 60) {
      concerns.push('a maximum lifetime under an hour leaves too little time to set up a phone');
    }
    if ((policy.maximumLifetimeInMinutes ?? 480) > 480) {
      concerns.push('passes may live longer than a working day (the recipe: 8 hours at most)');
    }
    if (policy.isUsableOnce) {
      concerns.push('a one-time pass leaves only 10 minutes after sign-in to finish registering');
    }
    if (concerns.length === 0) return { status: 'pass', summary: facts };
    return {
      status: 'warn',
      summary: `${facts} But ${concerns.join('; ')}.`,
      fix: 'An Authentication Policy Administrator sets the recipe’s values (admin guide step 3): length 8, lifetime 1 to 8 hours, one-time use off.',
    };
  });
}

function authenticatorCheck(inputs: ReadinessInputs): ReadinessCheck {
  const groups = inputs.pilotGroups.map((g) => g.id);
  const base = { id: 'authenticatorPolicy' as const, title: 'Microsoft Authenticator policy' };
  return policyCheck(
    inputs.authenticatorPolicy,
    base,
    'the Microsoft Authenticator policy',
    (policy) => {
      if (policy.state !== 'enabled') {
        return {
          status: 'fail',
          summary: 'The Microsoft Authenticator policy is off: nobody can register the app.',
          fix: 'An Authentication Policy Administrator turns on Microsoft Authenticator for the pilot group, authentication mode Any.',
        };
      }
      const includes = policy.includeTargets ?? [];
      const { covered, excluded } = coverage(includes, policy.excludeTargets ?? [], groups);
      if (!covered) return notCovered('Microsoft Authenticator', inputs, excluded);
      const wanted = new Set(['all_users', ...groups.map((id) => id.toLowerCase())]);
      const modes = includes
        .filter((t) => wanted.has((t.id ?? '').toLowerCase()))
        .map((t) => t.authenticationMode ?? 'any');
      if (modes.includes('any')) {
        return {
          status: 'pass',
          summary: 'On for the pilot, authentication mode Any (push and passwordless).',
        };
      }
      if (modes.includes('deviceBasedPush')) {
        return {
          status: 'warn',
          summary:
            'On for the pilot in Passwordless mode only, which stops people registering the app at My Security Info.',
          fix: 'An Authentication Policy Administrator sets the pilot group’s authentication mode to Any.',
        };
      }
      return {
        status: 'fail',
        summary: 'On for the pilot in Push mode only: phone sign-in (passwordless) is not allowed.',
        fix: 'An Authentication Policy Administrator sets the pilot group’s authentication mode to Any.',
      };
    },
  );
}

function passkeyCheck(inputs: ReadinessInputs): ReadinessCheck {
  const groups = inputs.pilotGroups.map((g) => g.id);
  const base = { id: 'passkeyPolicy' as const, title: 'Passkey (FIDO2) policy' };
  return policyCheck(inputs.passkeyPolicy, base, 'the passkey (FIDO2) policy', (policy) => {
    if (policy.state !== 'enabled') {
      return {
        status: 'fail',
        summary: 'The passkey (FIDO2) policy is off: nobody can create a passkey in Authenticator.',
        fix: 'An Authentication Policy Administrator turns on Passkey (FIDO2) for the pilot group.',
      };
    }
    const { covered, excluded } = coverage(
      policy.includeTargets ?? [],
      policy.excludeTargets ?? [],
      groups,
    );
    if (!covered) return notCovered('Passkey (FIDO2)', inputs, excluded);
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
        summary: `On for the pilot, but ${policy.isSelfServiceRegistrationAllowed === false ? 'self-service set-up is off' : 'its key restrictions keep out passkeys in Authenticator'}.`,
        fix: 'An Authentication Policy Administrator allows self-service set-up and lets Authenticator’s AAGUIDs through (admin guide step 3).',
      };
    }
    return {
      status: 'pass',
      summary: 'On for the pilot, with self-service set-up and passkeys in Authenticator allowed.',
    };
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
    fix: 'Issue one pass through TAP Desk: its verification record is the proof. If it cannot be written, the helpdesk page says which grant is missing (admin guide steps 5.4, 5.5).',
    readableBy: SITE_PERMISSION_READERS,
  };
  if (!reading.ok) {
    return { ...unknown, summary: 'The list could not be read, so its records cannot show it.' };
  }
  const written = reading.value.records
    .filter((record) => writtenByIssuer(record) && record.createdDateTime)
    .sort((a, b) => Date.parse(b.createdDateTime ?? '') - Date.parse(a.createdDateTime ?? ''));
  const latest = written[0];
  if (!latest) {
    return {
      ...unknown,
      summary: `TAP Desk has written no verification record in the last ${WRITE_EVIDENCE_DAYS} days, and only a write proves the helpdesk can add one.`,
    };
  }
  const when = new Date(latest.createdDateTime ?? '').toISOString().slice(0, 16).replace('T', ' ');
  return {
    status: 'pass',
    summary: `The helpdesk added ${written.length} verification record${written.length === 1 ? '' : 's'} through TAP Desk in the last ${WRITE_EVIDENCE_DAYS} days, the latest by ${latest.createdByName ?? latest.createdByUpn ?? 'a helpdesk member'} at ${when} UTC: the site grant and their site level allow adding.`,
  };
}

function listChecks(inputs: ReadinessInputs): ReadinessCheck[] {
  const link = sharePointAdmin(inputs.siteHost);
  const reachable: ReadinessCheck = {
    id: 'listReachable',
    title: 'Verification list reachable',
    link,
    ...(inputs.listRecords.ok
      ? { status: 'pass', summary: 'TAP Desk reads the verification list with your sign-in.' }
      : refused(inputs.listRecords)
        ? {
            status: 'fail',
            summary:
              'SharePoint refused TAP Desk the verification list: either the site does not grant TAP Desk (Sites.Selected opens no site by itself), or you have no access to the site.',
            fix: 'A SharePoint Administrator grants TAP Desk write on the site (admin guide step 5.4); if others can reach it, the site owner gives you read (step 5.5).',
          }
        : inputs.listRecords.error instanceof GraphError && inputs.listRecords.error.status === 404
          ? {
              status: 'fail',
              summary:
                'The site or list in config.json (verification.siteId, listId) does not exist.',
              fix: 'Whoever runs TAP Desk corrects verification.siteId and listId (admin guide step 5.2, 5.3).',
            }
          : unreadable('the verification list', inputs.listRecords.error)),
  };
  const writable: ReadinessCheck = {
    id: 'listWritable',
    title: 'Verification list writable by the helpdesk',
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
    id: 'registrationReport',
    title: 'Registration report licensed (Entra ID P1 or P2)',
    link: LICENCES_LINK,
    ...(licensed === true
      ? {
          status: 'pass',
          summary: 'The registration details report answers: the tenant has P1 or P2.',
        }
      : licensed === false
        ? {
            status: 'fail',
            summary:
              'The tenant has no Entra ID P1 or P2, so the Pilot page cannot read the registration report.',
            fix: 'A Billing Administrator assigns Entra ID P1 or P2 (admin guide step 4).',
          }
        : refused(report)
          ? {
              status: 'unknown',
              summary: 'Your role cannot read the registration report.',
              readableBy: REPORT_READERS,
            }
          : unreadable('the registration report', errorOf(report))),
  };
  const kept = licensed === undefined ? undefined : licensed ? 30 : 7;
  const days = inputs.retentionDays;
  const retention: ReadinessCheck = {
    id: 'auditRetention',
    title: 'Audit retention matches the licence',
    link: LICENCES_LINK,
    ...(kept === undefined
      ? {
          status: 'unknown',
          summary: `config.json says ${days} days; the licence that decides what Entra keeps could not be read.`,
          readableBy: REPORT_READERS,
        }
      : kept === days
        ? {
            status: 'pass',
            summary: `Entra keeps the audit log ${kept} days, as audit.retentionDays says.`,
          }
        : kept < days
          ? {
              status: 'fail',
              summary: `audit.retentionDays is ${days}, but without P1 or P2 Entra keeps only ${kept} days: the Audit page would call missing events anomalies.`,
              fix: `Whoever runs TAP Desk sets audit.retentionDays to ${kept} in config.json, or the tenant gets P1 or P2.`,
            }
          : {
              status: 'warn',
              summary: `Entra keeps ${kept} days, but audit.retentionDays is ${days}: TAP Desk looks back less far than it could.`,
              fix: `Whoever runs TAP Desk sets audit.retentionDays to ${kept} in config.json.`,
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
