import {
  describeError,
  type ErrorContext,
  type ErrorDescription,
} from '../../graph/describe-error';
import { GraphError } from '../../graph/errors';

/**
 * Why Graph refused a Temporary Access Pass. Entra documents none of these answers (policy off,
 * user outside the policy, admin target, guest), so each is matched by status and a loose
 * pattern, and every description still shows Graph's own words; describeError's request id
 * reference goes with it.
 */
const RULES: {
  status: number[];
  pattern: RegExp;
  describe: (doing: string) => Pick<ErrorDescription, 'title' | 'action'>;
}[] = [
  {
    status: [400, 403],
    pattern:
      /usercredentialpolicy|authentication method(s)? policy|not (enabled|allowed) by (the )?policy/i,
    describe: () => ({
      title: 'The Temporary Access Pass policy does not allow a pass for this person',
      action:
        'Ask an Authentication Policy Administrator to check that the policy is on and includes this person, then issue again.',
    }),
  },
  {
    status: [400, 403],
    pattern: /guest/i,
    describe: () => ({
      title: 'Entra does not give passes to external guests',
      action: "The guest signs in with their own organisation's account; they need no pass here.",
    }),
  },
  {
    status: [400, 403],
    pattern: /your own|yourself|self/i,
    describe: () => ({
      title: 'You cannot issue a pass to yourself',
      action: 'Ask a colleague to issue yours.',
    }),
  },
  {
    status: [403],
    pattern: /privileged authentication administrator|administrator|admin role/i,
    describe: () => ({
      title: 'Only a Privileged Authentication Administrator can issue a pass to an admin',
      action: 'Hand this call to a senior colleague who holds that role.',
    }),
  },
  {
    status: [400],
    pattern: /isusableonce|one-time|usable once/i,
    describe: () => ({
      title: 'The policy allows one-time passes only',
      action: 'Issue a one-time pass instead.',
    }),
  },
];

export function describeTapError(error: unknown, context: ErrorContext = {}): ErrorDescription {
  const base = describeError(error, context);
  if (!(error instanceof GraphError) || error.status === 0) return base;
  const said = error.message.trim();
  const rule =
    error.status === 400 && /lifetimeInMinutes/i.test(said)
      ? undefined
      : RULES.find((r) => r.status.includes(error.status) && r.pattern.test(said));
  const detail = said && !base.detail.includes(said) ? `Microsoft Graph said: “${said}”` : '';
  if (rule) {
    return { ...base, ...rule.describe(context.doing ?? ''), detail: detail || base.detail };
  }
  return { ...base, detail: [base.detail, detail].filter(Boolean).join(' ') };
}
