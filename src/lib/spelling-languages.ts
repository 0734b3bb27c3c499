/**
 * The languages a pass can be spelled in, by BCP 47 primary subtag. Shared so configuration can
 * name a default; the alphabets themselves live with the helpdesk.
 */
export const SPELLING_LANGUAGES = ['en', 'de', 'fr', 'nl', 'es', 'it'] as const;
export type SpellingLanguage = (typeof SPELLING_LANGUAGES)[number];
