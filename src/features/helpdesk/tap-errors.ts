import {
  describeErrorText,
  type ErrorText,
  type ErrorTextContext,
} from '../../graph/describe-error';
import { GraphError } from '../../graph/errors';
import { messageRef } from '../../i18n/catalog';
import { messages } from './messages';

type Rule = 'policy' | 'guest' | 'self' | 'admin' | 'oneTime';

/**
 * Why Graph refused a Temporary Access Pass. Entra documents none of these answers (policy off,
 * user outside the policy, admin target, guest), so each is matched by status and a loose
 * pattern, and every description still shows Graph's own words; describeErrorText's request id
 * reference goes with it.
 */
const RULES: { status: number[]; pattern: RegExp; rule: Rule }[] = [
  {
    status: [400, 403],
    pattern:
      /usercredentialpolicy|authentication method(s)? policy|not (enabled|allowed) by (the )?policy/i,
    rule: 'policy',
  },
  { status: [400, 403], pattern: /guest/i, rule: 'guest' },
  { status: [400, 403], pattern: /your own|yourself|self/i, rule: 'self' },
  {
    status: [403],
    pattern: /privileged authentication administrator|administrator|admin role/i,
    rule: 'admin',
  },
  { status: [400], pattern: /isusableonce|one-time|usable once/i, rule: 'oneTime' },
];

export function describeTapError(error: unknown, context: ErrorTextContext = {}): ErrorText {
  const base = describeErrorText(error, context);
  if (!(error instanceof GraphError) || error.status === 0) return base;
  const said = error.message.trim();
  const rule =
    error.status === 400 && /lifetimeInMinutes/i.test(said)
      ? undefined
      : RULES.find((r) => r.status.includes(error.status) && r.pattern.test(said));
  const alreadySaid = !said || Object.values(base.detail.values ?? {}).includes(error.message);
  if (rule) {
    return {
      ...base,
      title: messageRef(messages, `tapRule.${rule.rule}.title`),
      action: messageRef(messages, `tapRule.${rule.rule}.action`),
      detail: alreadySaid ? base.detail : messageRef(messages, 'graphSaid', { said }),
    };
  }
  if (alreadySaid) return base;
  return {
    ...base,
    detail: messageRef(messages, 'detailAndGraphSaid', { detail: base.detail, said }),
  };
}
