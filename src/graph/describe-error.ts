import { ForeignUrlError } from './client';
import { GraphError } from './errors';
import { messageRef, type MessageRef, type MessageValue } from '../i18n/catalog';
import { messages } from './messages';

/** A failure as messages for the person's language: what happened, and what to do next. */
export interface ErrorText {
  title: MessageRef;
  detail: MessageRef;
  action: MessageRef;
  /** Graph's request id, for a support ticket. */
  reference?: string;
  retryAfterSeconds?: number;
}

/**
 * What the person was doing (in English a bare infinitive, "issue the pass"), what a 403 needs
 * and who fixes it, the lifetime bounds for Graph's out-of-range 400. Plain strings are for the
 * command-line smoke test, which speaks English; the interface passes messages.
 */
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

/**
 * A 403 from the verification list, in the person's words (ErrorContext needs and fix). With
 * Sites.Selected SharePoint answers the same accessDenied whether the site does not name TAP Desk
 * or the person's own level is too low, so both are named with who fixes each (admin guide 5.4, 5.5).
 */
export function verificationSiteAccessText(level: 'read' | 'add'): {
  needs: MessageRef;
  fix: MessageRef;
} {
  return { needs: say('siteNeeds', { level }), fix: say('siteFix', { level }) };
}

/** The one mapper from failures to words, as message keys and values; branch on Graph's code, never on its message. */
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
  if (error instanceof ForeignUrlError) {
    return {
      ...base,
      title: say('foreignTitle'),
      detail: say('foreignDetail', {
        what: say(error.what === 'request' ? 'foreignRequest' : 'foreignNextLink'),
        origin: error.origin ?? say('foreignNotUrl'),
        graph: error.graph,
      }),
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
