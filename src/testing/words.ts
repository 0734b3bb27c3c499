import { CATALOGS } from '../app/catalogs';
import type { ConfigProblem } from '../config/config-problems';
import type { ErrorText } from '../graph/describe-error';
import type { MessageRef } from '../i18n/catalog';
import type { Locale } from '../i18n/locales';
import { formatMessageRef, intlFor } from '../i18n/message-ref';

/** The app's messages in one language, for a hook or a formatter tested without the app. */
export function intlIn(locale: Locale = 'en') {
  return intlFor(locale, CATALOGS);
}

/** A message chosen by code without React, as the person reads it in that language. */
export function wordsOf(ref: MessageRef, locale: Locale = 'en'): string {
  return formatMessageRef(intlIn(locale), ref);
}

/** An error description's three sentences as the person reads them. */
export function errorWords(text: ErrorText, locale: Locale = 'en') {
  return {
    title: wordsOf(text.title, locale),
    detail: wordsOf(text.detail, locale),
    action: wordsOf(text.action, locale),
  };
}

/** A config.json problem as the start-up failure page words it. */
export function problemWords(problem: ConfigProblem, locale: Locale = 'en') {
  return {
    ...problem,
    problem: wordsOf(problem.problem, locale),
    expected: wordsOf(problem.expected, locale),
  };
}
