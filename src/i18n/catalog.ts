/**
 * A module's messages in every language, as ICU MessageFormat strings
 * (https://formatjs.github.io/docs/core-concepts/icu-syntax). German must have exactly
 * English's keys: a missing one fails the type check, and `catalogs.test.ts` also checks that
 * each translation parses and uses the same arguments.
 */
import type { Locale } from './locales';

export interface Catalog<Key extends string = string> {
  /** Prefix of every id, so two modules may both say `title`. */
  readonly namespace: string;
  readonly messages: { readonly [L in Locale]: Readonly<Record<Key, string>> };
}

export function defineCatalog<const English extends Record<string, string>>(
  namespace: string,
  en: English,
  de: { readonly [K in keyof English]: string },
): Catalog<Extract<keyof English, string>> {
  return {
    namespace,
    messages: { en, de } as Catalog<Extract<keyof English, string>>['messages'],
  };
}

export function messageId(catalog: Catalog, key: string): string {
  return `${catalog.namespace}.${key}`;
}

/** Every catalog's messages in one language, keyed by full id, for the IntlProvider. */
export function flattenCatalogs(
  catalogs: readonly Catalog[],
  locale: Locale,
): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const catalog of catalogs) {
    for (const [key, message] of Object.entries(catalog.messages[locale])) {
      const id = messageId(catalog, key);
      if (Object.hasOwn(flat, id)) throw new Error(`Two catalogs define the message ${id}.`);
      flat[id] = message;
    }
  }
  return flat;
}

/**
 * A message chosen by code without React (Graph error descriptions, loaders, checks, the smoke
 * test): the component that shows it words it with `formatMessageRef`. A value may itself be a
 * message, e.g. what the person was doing inside "TAP Desk could not {doing}", or a list of
 * them, so a finding can name its parts without gluing English fragments together.
 */
export interface MessageRef<Key extends string = string> {
  readonly catalog: Catalog<Key>;
  readonly key: Key;
  readonly values?: Readonly<Record<string, MessageValue>>;
}

/** Names read as a list ("A, B and C" in the reader's language); clauses as one sentence's parts ("a; b"). */
export interface MessageList {
  readonly items: readonly MessageRef[];
  readonly style: 'names' | 'clauses';
}

/** A Date is a record's time, said in UTC as the message says. */
export type MessageValue = string | number | Date | MessageRef | MessageList;

export function messageRef<Key extends string>(
  catalog: Catalog<Key>,
  key: NoInfer<Key>,
  values?: Readonly<Record<string, MessageValue>>,
): MessageRef {
  return { catalog, key, values } as MessageRef;
}
