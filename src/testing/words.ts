import { CATALOGS } from '../app/catalogs';
import type { ErrorText } from '../graph/describe-error';
import type { MessageRef } from '../i18n/catalog';
import type { Locale } from '../i18n/locales';
import { formatMessageRef, intlFor } from '../i18n/message-ref';

/** A message chosen by code without React, as the person reads it in that language. */
export function wordsOf(ref: MessageRef, locale: Locale = 'en'): string {
  return formatMessageRef(intlFor(locale, CATALOGS), ref);
}

/** An error description's three sentences as the person reads them. */
export function errorWords(text: ErrorText, locale: Locale = 'en') {
  return {
    title: wordsOf(text.title, locale),
    detail: wordsOf(text.detail, locale),
    action: wordsOf(text.action, locale),
  };
}
