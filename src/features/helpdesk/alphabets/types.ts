import type { SpellingLanguage } from '../../../lib/spelling-languages';

export { SPELLING_LANGUAGES, type SpellingLanguage } from '../../../lib/spelling-languages';

/** Everything needed to say a pass aloud in one language. */
export interface SpellingAlphabet {
  lang: SpellingLanguage;
  /** The language's own name, and the standard or convention the words come from. */
  name: string;
  source: string;
  /** Word per letter, keyed by the letter as the standard writes it (upper case; ß as is). */
  letters: Readonly<Record<string, string>>;
  /** Word per digit, 0 to 9. */
  digits: readonly string[];
  upper: string;
  lower: string;
  digit: string;
  /** Said before a code point the table does not name. */
  symbol: string;
  /** "Group" in the spoken announcement of each group of four. */
  group: string;
  /** Every printable ASCII symbol and the space. */
  symbols: Readonly<Record<string, string>>;
}
