import { FOREIGN_URL } from './client';
import { GraphError } from './errors';
import { messageRef, type MessageRef, type MessageValue } from '../i18n/catalog';
import { messages } from './messages';

/** What a person reads when something fails: what happened, and what to do next. */
export interface ErrorDescription {
  title: string;
  detail: string;
  action: string;
  /** Graph's request id, for a support ticket. */
  reference?: string;
  retryAfterSeconds?: number;
}

export interface ErrorContext {
  /** What the person was doing, e.g. "issue the Temporary Access Pass". */
  doing?: string;
  /** The Entra role or Graph permission this operation needs, for 403s. */
  needs?: string;
  /** Who fixes a 403 and how, when it is not an Entra administrator assigning a role. */
  fix?: string;
  /** The lifetime bounds the tenant allows, to explain Graph's out-of-range 400. */
  lifetimeRange?: readonly [number, number];
}

/**
 * English only: the callers not yet translated (decision 0019) use it until they word
 * errors through describeErrorText.
 */
/** The one mapper from failures to words; branch on Graph's code, never on its message. */
export function describeError(error: unknown, context: ErrorContext = {}): ErrorDescription {
  const doing = context.doing ?? 'finish this';
  if (!(error instanceof GraphError)) {
    return {
      title: `TAP Desk could not ${doing}`,
      detail: 'Something unexpected went wrong in the browser.',
      action: 'Try again. If it keeps happening, reload the page.',
    };
  }
  const reference = error.requestId;
  const base = { reference };
  if (error.code === FOREIGN_URL) {
    return {
      ...base,
      title: 'TAP Desk stopped a request to another site',
      detail: error.message,
      action: 'Tell whoever runs TAP Desk: a Graph answer pointed outside Microsoft Graph.',
    };
  }
  if (error.status === 0) {
    return {
      ...base,
      title: 'Microsoft Graph could not be reached',
      detail: `TAP Desk could not ${doing} because the network request failed.`,
      action: 'Check your connection, then try again.',
    };
  }
  if (error.status === 401) {
    return {
      ...base,
      title: 'Your sign-in has expired',
      detail: `TAP Desk could not ${doing} because Microsoft no longer accepts your sign-in.`,
      action: 'Sign in again; you will come back to this page.',
    };
  }
  if (error.status === 403) {
    if (error.code === 'Authentication_RequestFromNonPremiumTenantOrB2CTenant') {
      return {
        ...base,
        title: 'This report needs Microsoft Entra ID P1 or P2',
        detail: 'The tenant has no licence for authentication-method reports.',
        action: 'Ask your Entra administrator about licensing; other pages still work.',
      };
    }
    return {
      ...base,
      title: 'Microsoft Entra refused this',
      detail: context.needs
        ? `To ${doing} you need ${context.needs}. Your account or this app does not have it.`
        : `Your account lacks the Entra role or Graph permission needed to ${doing}.`,
      action:
        context.fix ??
        'Ask your Entra administrator to assign the role, or hand this to a colleague who has it.',
    };
  }
  if (error.status === 404) {
    return {
      ...base,
      title: 'Not found',
      detail: `TAP Desk could not ${doing}: Microsoft Graph says it does not exist (it may have just been deleted).`,
      action: 'Refresh and look it up again.',
    };
  }
  if (error.status === 429) {
    const wait = error.retryAfterSeconds;
    return {
      ...base,
      retryAfterSeconds: wait,
      title: 'Microsoft Graph is busy',
      detail: `Graph is limiting requests from this app, so TAP Desk could not ${doing} yet.`,
      action: wait
        ? `Wait ${wait} seconds, then try again.`
        : 'Wait a few seconds, then try again.',
    };
  }
  if (error.status >= 500) {
    return {
      ...base,
      title: 'Microsoft Graph had a problem',
      detail: `Graph answered HTTP ${error.status} while TAP Desk tried to ${doing}.`,
      action: 'Try again in a minute. If it persists, check the Microsoft 365 service health page.',
    };
  }
  if (error.status === 400 && /lifetimeInMinutes/i.test(error.message)) {
    const stated = /between (\d+) and (\d+)/i.exec(error.message);
    const [min, max] = stated ? [stated[1], stated[2]] : (context.lifetimeRange ?? []);
    return {
      ...base,
      title: "The lifetime is outside the tenant's policy",
      detail:
        min !== undefined && max !== undefined
          ? `The Temporary Access Pass policy allows lifetimes from ${min} to ${max} minutes.`
          : 'The Temporary Access Pass policy does not allow that lifetime.',
      action: 'Choose a lifetime inside that range and issue again.',
    };
  }
  return {
    ...base,
    title: `Microsoft Graph refused to ${doing}`,
    detail: error.message,
    action: 'Correct what it names and try again.',
  };
}

/** A failure as messages for the person's language: what happened, and what to do next. */
export interface ErrorText {
  title: MessageRef;
  detail: MessageRef;
  action: MessageRef;
  /** Graph's request id, for a support ticket. */
  reference?: string;
  retryAfterSeconds?: number;
}

/** Like ErrorContext, worded by a catalog: `doing` as a bare infinitive in English. */
export interface ErrorTextContext {
  doing?: string | MessageRef;
  needs?: string | MessageRef;
  fix?: string | MessageRef;
  lifetimeRange?: readonly [number, number];
}

const say = (key: keyof typeof messages.messages.en, values?: Record<string, MessageValue>) =>
  messageRef(messages, key, values);

/** Graph's own words (or ours about a request), shown as they are: they are not ours to translate. */
export function rawText(text: string): MessageRef {
  return say('saidRaw', { text });
}

/** A 403 from the verification list in the person's words; see verificationSiteAccess. */
export function verificationSiteAccessText(level: 'read' | 'add'): {
  needs: MessageRef;
  fix: MessageRef;
} {
  return { needs: say('siteNeeds', { level }), fix: say('siteFix', { level }) };
}

/** describeError's mapping, as message keys and values; branch on Graph's code, never on its message. */
export function describeErrorText(error: unknown, context: ErrorTextContext = {}): ErrorText {
  const doing = context.doing ?? say('doingDefault');
  if (!(error instanceof GraphError)) {
    return {
      title: say('unexpectedTitle', { doing }),
      detail: say('unexpectedDetail'),
      action: say('unexpectedAction'),
    };
  }
  const base = { reference: error.requestId };
  if (error.code === FOREIGN_URL) {
    return {
      ...base,
      title: say('foreignTitle'),
      detail: rawText(error.message),
      action: say('foreignAction'),
    };
  }
  const plain = (name: 'offline' | 'expired' | 'notFound' | 'busy' | 'server') => ({
    title: say(`${name}Title`),
    detail: say(`${name}Detail`, { doing, status: error.status }),
    action: say(`${name}Action`),
  });
  if (error.status === 0) return { ...base, ...plain('offline') };
  if (error.status === 401) return { ...base, ...plain('expired') };
  if (error.status === 403) {
    if (error.code === 'Authentication_RequestFromNonPremiumTenantOrB2CTenant') {
      return {
        ...base,
        title: say('licenceTitle'),
        detail: say('licenceDetail'),
        action: say('licenceAction'),
      };
    }
    const fix = context.fix;
    return {
      ...base,
      title: say('refusedTitle'),
      detail: context.needs
        ? say('refusedNeedsDetail', { doing, needs: context.needs })
        : say('refusedDetail', { doing }),
      action:
        fix === undefined
          ? say('refusedAction')
          : typeof fix === 'object'
            ? fix
            : rawText(`${fix}`),
    };
  }
  if (error.status === 404) return { ...base, ...plain('notFound') };
  if (error.status === 429) {
    const wait = error.retryAfterSeconds;
    return {
      ...base,
      ...plain('busy'),
      retryAfterSeconds: wait,
      action: wait ? say('busyWaitAction', { seconds: wait }) : say('busyAction'),
    };
  }
  if (error.status >= 500) return { ...base, ...plain('server') };
  if (error.status === 400 && /lifetimeInMinutes/i.test(error.message)) {
    const stated = /between (\d+) and (\d+)/i.exec(error.message);
    const [min, max] = stated
      ? [Number(stated[1]), Number(stated[2])]
      : (context.lifetimeRange ?? []);
    return {
      ...base,
      title: say('lifetimeTitle'),
      detail:
        min !== undefined && max !== undefined
          ? say('lifetimeRangeDetail', { min, max })
          : say('lifetimeDetail'),
      action: say('lifetimeAction'),
    };
  }
  return {
    ...base,
    title: say('otherTitle', { doing }),
    detail: rawText(error.message),
    action: say('otherAction'),
  };
}
