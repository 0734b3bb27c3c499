/**
 * One member's facts from every source, each trusted for what it knows: the audit log for when
 * things happened, the report for the methods as of its last refresh, and a live read of the
 * methods of anyone who registered since (decision 0014).
 */
import type { AuditSources, Registration, RegistrationKind, ReportEntry } from './sources';
import type { MethodsRead, ReadKind } from './reads';
import type { MemberFacts, PassRead } from './stages';

export interface MergeInputs {
  audit: Pick<AuditSources, 'issuances' | 'registrations'>;
  report: ReadonlyMap<string, ReportEntry>;
  /** False once the report was refused or failed: the audit log stands in for it. */
  reportAvailable: boolean;
  /** The oldest record refresh the report showed; undefined when it showed nobody. */
  reportAsOf?: string;
  methodReads: ReadonlyMap<string, MethodsRead>;
  /** False once method reads were refused: the audit log stands in for the newest ones. */
  methodReadsAvailable: boolean;
  passReads: ReadonlyMap<string, PassRead & { issuanceId: string }>;
}

function earliest(list: readonly Registration[], test: (r: Registration) => boolean) {
  let best: string | undefined;
  for (const r of list) if (test(r) && (!best || r.at < best)) best = r.at;
  return best;
}

/** Registrations the report cannot show yet: later than the member's record, or the report's. */
export function registrationsSinceReport(
  memberId: string,
  inputs: Pick<MergeInputs, 'audit' | 'report' | 'reportAvailable' | 'reportAsOf'>,
): Registration[] {
  if (!inputs.reportAvailable) return [];
  const cutoff = inputs.report.get(memberId)?.lastUpdatedDateTime ?? inputs.reportAsOf;
  return (inputs.audit.registrations.get(memberId) ?? []).filter((r) => !cutoff || r.at > cutoff);
}

/** Which live reads settle these registrations: an unknown wording could be either. */
export function readsFor(registrations: readonly Registration[]): ReadKind[] {
  const kinds = new Set<RegistrationKind>(registrations.map((r) => r.kind));
  const reads: ReadKind[] = [];
  if (kinds.has('authenticator') || kinds.has('other')) reads.push('authenticator');
  if (kinds.has('passkey') || kinds.has('other')) reads.push('passkeys');
  return reads;
}

export function mergeFacts(member: MemberFacts, inputs: MergeInputs): MemberFacts {
  const issuance = inputs.audit.issuances.get(member.id);
  const registrations = inputs.audit.registrations.get(member.id) ?? [];
  const reported = inputs.report.get(member.id);
  const live = inputs.methodReads.get(member.id);
  const read = issuance ? inputs.passReads.get(member.id) : undefined;
  const fact: MemberFacts = {
    ...member,
    tapIssuedDateTime: issuance?.at,
    tapIsUsableOnce: issuance?.isUsableOnce,
    tapIssuanceId: issuance?.id,
    registeredAfterTapDateTime: issuance
      ? earliest(registrations, (r) => r.at >= issuance.at)
      : undefined,
    // A live read is newer than the report's record.
    authenticator: live?.authenticator ?? reported?.authenticator,
    passkeyInAuthenticator:
      live?.passkeyInAuthenticator || reported?.passkeyInAuthenticator || undefined,
    reportUpdatedDateTime: reported?.lastUpdatedDateTime,
    authenticatorRegisteredDateTime: earliest(registrations, (r) => r.kind === 'authenticator'),
    phoneSignInEnabledDateTime: live?.phoneSignInEnabledDateTime,
    passkeyRegisteredDateTime:
      live?.passkeyRegisteredDateTime ?? earliest(registrations, (r) => r.kind === 'passkey'),
    pass: read && read.issuanceId === issuance?.id ? read : undefined,
  };
  const unread = !inputs.reportAvailable
    ? registrations
    : inputs.methodReadsAvailable
      ? []
      : registrationsSinceReport(member.id, inputs);
  if (!fact.authenticator && unread.some((r) => r.kind === 'authenticator')) {
    // Without the report or a read, the audit log is the next best witness; it cannot tell
    // phone sign-in from push, so it says the lesser.
    fact.authenticator = 'push';
  }
  return fact;
}
