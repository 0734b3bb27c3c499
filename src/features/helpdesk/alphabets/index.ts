import { DIN_5009 } from './din-5009';
import { DUTCH } from './dutch';
import { FRENCH } from './french';
import { ICAO } from './icao';
import { ITALIAN } from './italian';
import { SPANISH } from './spanish';
import { SPELLING_LANGUAGES, type SpellingAlphabet, type SpellingLanguage } from './types';

export { SPELLING_LANGUAGES, type SpellingAlphabet, type SpellingLanguage };

export const ALPHABETS: Readonly<Record<SpellingLanguage, SpellingAlphabet>> = {
  en: ICAO,
  de: DIN_5009,
  fr: FRENCH,
  nl: DUTCH,
  es: SPANISH,
  it: ITALIAN,
};

/** The spelling language of a BCP 47 tag ("de-AT" is German), or undefined when none fits. */
export function spellingLanguageOf(tag: string | null | undefined): SpellingLanguage | undefined {
  const primary = tag?.split(/[-_]/)[0]?.toLowerCase();
  return SPELLING_LANGUAGES.find((lang) => lang === primary);
}

/**
 * The caller's language before the agent picks one: the agent's last pick, then the
 * configuration, then the browser's languages in order, then English (ICAO).
 */
export function defaultSpellingLanguage(sources: {
  remembered?: string | null;
  configured?: string;
  browser: readonly string[];
}): SpellingLanguage {
  return (
    spellingLanguageOf(sources.remembered) ??
    spellingLanguageOf(sources.configured) ??
    sources.browser.map(spellingLanguageOf).find((lang) => lang !== undefined) ??
    'en'
  );
}
