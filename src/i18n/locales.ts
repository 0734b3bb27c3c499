/**
 * The languages TAP Desk's interface speaks, and how one is chosen: the person's own choice on
 * this device, else the browser's preferred languages, else English. React-free, so the boot
 * code and tests use it directly.
 */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, as a language menu shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch' };

/** Where the person's choice is remembered. Not a secret: a language, nothing else. */
export const LANGUAGE_STORAGE_KEY = 'tapdesk-language';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The first supported language among the browser's (`de-AT` counts as `de`), else English. */
export function negotiateLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split('-')[0];
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

/** Storage can be blocked (privacy settings, sandboxed frames); the choice is then not kept. */
export function storedLocale(storage: Pick<Storage, 'getItem'> | undefined): Locale | undefined {
  try {
    const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function rememberLocale(storage: Pick<Storage, 'setItem'> | undefined, locale: Locale) {
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, locale);
  } catch {
    // Not kept on this device; the language still changes for this page.
  }
}
