import {
  AUTHENTICATOR_PASSKEY_AAGUIDS,
  type Fido2Policy,
  type PasswordlessGoal,
} from '../../graph/authentication-methods';
import { messageRef, type MessageRef } from '../../i18n/catalog';
import { messages } from './handover.messages';

const why = (key: 'reading' | 'unreadable' | 'off' | 'excluded' | 'restricted' | 'included') =>
  messageRef(messages, `goal.${key}`);

export interface GoalDefault {
  goal: PasswordlessGoal;
  /** Why, in a sentence the agent can act on. */
  reason: MessageRef;
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
    return { goal: 'passkey', reason: why('reading') };
  }
  if (input.policyUnreadable || !policy) {
    return {
      goal: 'passkey',
      reason: why('unreadable'),
    };
  }
  if (policy.state !== 'enabled') {
    return { goal: 'phoneSignIn', reason: why('off') };
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
      reason: why('excluded'),
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
        reason: why('restricted'),
      };
    }
  }
  return { goal: 'passkey', reason: why('included') };
}
