import {
  AUTHENTICATOR_PASSKEY_AAGUIDS,
  type Fido2Policy,
  type PasswordlessGoal,
} from '../../graph/authentication-methods';

export interface GoalDefault {
  goal: PasswordlessGoal;
  /** Why, in a sentence the agent can act on. */
  reason: string;
}

/**
 * The handover's default goal (decision 0011): a passkey in Authenticator when the passkey
 * policy targets the user or cannot be read, phone sign-in when the policy leaves them out,
 * is off, or its key restrictions keep Authenticator's AAGUIDs out.
 */
export function defaultGoal(input: {
  policy: Fido2Policy | undefined;
  policyUnreadable: boolean;
  userId: string;
  /** The user's groups, transitive; null when they could not be read. */
  groupIds: readonly string[] | null;
}): GoalDefault {
  const { policy } = input;
  if (!policy && !input.policyUnreadable) {
    return { goal: 'passkey', reason: 'Reading the passkey policy…' };
  }
  if (input.policyUnreadable || !policy) {
    return {
      goal: 'passkey',
      reason:
        'Your role cannot read the passkey policy, so TAP Desk suggests a passkey; Entra refuses it at registration if the policy leaves this user out.',
    };
  }
  if (policy.state !== 'enabled') {
    return { goal: 'phoneSignIn', reason: 'Passkeys (FIDO2) are turned off in this tenant.' };
  }
  const targets = new Set([input.userId, ...(input.groupIds ?? [])]);
  const covers = (id: string | null | undefined) =>
    id === 'all_users' || (id != null && targets.has(id));
  const included =
    input.groupIds === null || (policy.includeTargets ?? []).some((t) => covers(t.id));
  const excluded = (policy.excludeTargets ?? []).some((t) => covers(t.id));
  if (!included || excluded) {
    return {
      goal: 'phoneSignIn',
      reason: 'The passkey policy does not include this user, so Entra would refuse a passkey.',
    };
  }
  const restrictions = policy.keyRestrictions;
  if (restrictions?.isEnforced) {
    const listed = (restrictions.aaGuids ?? []).map((g) => g.toLowerCase());
    const allowed = Object.values(AUTHENTICATOR_PASSKEY_AAGUIDS).some(
      (aaGuid) => listed.includes(aaGuid) === (restrictions.enforcementType === 'allow'),
    );
    if (!allowed) {
      return {
        goal: 'phoneSignIn',
        reason: "The passkey policy's key restrictions do not allow Microsoft Authenticator.",
      };
    }
  }
  return { goal: 'passkey', reason: 'The passkey policy includes this user.' };
}
