/**
 * A sentence chosen by code without React (checks, loaders): a catalog key and its values, worded
 * later by whoever shows it, in the reader's language. Values may be phrases themselves, or lists
 * of them, so a finding can name its parts without gluing English fragments together.
 */
import { createIntl, type IntlShape } from 'react-intl';
import { flattenCatalogs, messageId, type Catalog } from './catalog';
import type { Locale } from './locales';

export interface Phrase<Key extends string = string> {
  readonly key: Key;
  readonly values?: Readonly<Record<string, PhraseValue<Key>>>;
}

/** Names read as a list ("A, B"); clauses as one sentence's parts ("a; b"). */
export interface PhraseList<Key extends string = string> {
  readonly items: readonly Phrase<Key>[];
  readonly style: 'names' | 'clauses';
}

export type PhraseValue<Key extends string = string> =
  string | number | Date | Phrase<Key> | PhraseList<Key>;

export function phrase<Key extends string>(
  key: Key,
  values?: Record<string, PhraseValue<Key>>,
): Phrase<Key> {
  return values ? { key, values } : { key };
}

function isPhrase(value: PhraseValue): value is Phrase {
  return typeof value === 'object' && 'key' in value;
}

function isList(value: PhraseValue): value is PhraseList {
  return typeof value === 'object' && 'items' in value;
}

/** The phrase in `intl`'s language; nested phrases come from the same catalog. */
export function wordPhrase<Key extends string>(
  intl: IntlShape,
  catalog: Catalog<Key>,
  said: Phrase<Key>,
): string {
  const values: Record<string, string | number | Date> = {};
  for (const [name, value] of Object.entries(said.values ?? {})) {
    if (isPhrase(value)) values[name] = wordPhrase(intl, catalog, value);
    else if (isList(value)) {
      const items = value.items.map((item) => wordPhrase(intl, catalog, item));
      values[name] =
        value.style === 'names' ? intl.formatList(items, { type: 'unit' }) : items.join('; ');
    } else if (value instanceof Date) {
      // Times of records: said in UTC, as the message says, whatever the reader's clock.
      values[name] = intl.formatDate(value, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      });
    } else values[name] = value;
  }
  return intl.formatMessage({ id: messageId(catalog, said.key) }, values);
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
