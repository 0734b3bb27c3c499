import { createIntl, type IntlShape } from 'react-intl';
import {
  flattenCatalogs,
  messageId,
  type Catalog,
  type MessageList,
  type MessageRef,
  type MessageValue,
} from './catalog';
import type { Locale } from './locales';

/** A message chosen by code without React, worded in the person's language. */
export function formatMessageRef(intl: IntlShape, ref: MessageRef): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(ref.values ?? {})) {
    values[name] = formatValue(intl, value);
  }
  return intl.formatMessage({ id: messageId(ref.catalog, ref.key) }, values);
}

function formatValue(intl: IntlShape, value: MessageValue): string | number {
  if (typeof value !== 'object') return value;
  if (value instanceof Date) {
    // Times of records: said in UTC, as the message says, whatever the reader's clock.
    return intl.formatDate(value, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  }
  if (isMessageList(value)) {
    const items = value.items.map((item) => formatMessageRef(intl, item));
    return value.style === 'names' ? intl.formatList(items, { type: 'unit' }) : items.join('; ');
  }
  return formatMessageRef(intl, value);
}

export function isMessageRef(value: MessageValue | undefined): value is MessageRef {
  return typeof value === 'object' && 'catalog' in value;
}

function isMessageList(value: MessageValue): value is MessageList {
  return typeof value === 'object' && 'items' in value;
}

/**
 * An `intl` outside React (command-line tools, unit tests) over the given catalogs; dates and
 * numbers in `region`'s form (e.g. 'en-GB'), by default the language's own.
 */
export function intlFor(
  locale: Locale,
  catalogs: readonly Catalog[],
  region: string = locale,
): IntlShape {
  return createIntl({
    locale: region,
    messages: flattenCatalogs(catalogs, locale),
    onError: (error) => {
      throw error;
    },
  });
}
