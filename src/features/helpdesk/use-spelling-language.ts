import { useState } from 'react';
import { defaultSpellingLanguage, type SpellingLanguage } from './alphabets';

/** The agent's last pick. Not secret: a language, never anything about the pass. */
export const SPELLING_LANGUAGE_KEY = 'tapdesk.spellingLanguage';

function remembered(): string | null {
  try {
    return window.localStorage.getItem(SPELLING_LANGUAGE_KEY);
  } catch {
    return null; // storage blocked: the configuration and the browser still decide
  }
}

/** The caller's spelling language: remembered, configured, the browser's, or English. */
export function useSpellingLanguage(configured?: string) {
  const [lang, setLang] = useState<SpellingLanguage>(() =>
    defaultSpellingLanguage({
      remembered: remembered(),
      configured,
      browser: typeof navigator === 'undefined' ? [] : navigator.languages,
    }),
  );
  const choose = (next: SpellingLanguage) => {
    setLang(next);
    try {
      window.localStorage.setItem(SPELLING_LANGUAGE_KEY, next);
    } catch {
      // Not remembered next time; the pick still applies now.
    }
  };
  return [lang, choose] as const;
}
