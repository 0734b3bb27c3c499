/** How a pass is shown and read aloud: every character, its kind and its spoken form. */
import { ICAO } from './alphabets/icao';
import type { SpellingAlphabet } from './alphabets/types';

export type CharKind = 'upper' | 'lower' | 'digit' | 'symbol';

export function charKind(char: string): CharKind {
  if (/^[0-9]$/.test(char)) return 'digit';
  // ß has no single-letter capital in use, yet it is a letter: lower case.
  if (/^\p{Lu}$/u.test(char)) return 'upper';
  if (/^\p{Ll}$/u.test(char)) return 'lower';
  return 'symbol';
}

function letterWord(char: string, alphabet: SpellingAlphabet): string | undefined {
  return alphabet.letters[char.toUpperCase()] ?? alphabet.letters[char];
}

/** What is said for one character in the caller's language: case and word, digit, or symbol. */
export function spokenForm(char: string, alphabet: SpellingAlphabet = ICAO): string {
  const kind = charKind(char);
  const word = kind === 'upper' || kind === 'lower' ? letterWord(char, alphabet) : undefined;
  if (kind === 'upper' && word) return `${alphabet.upper} ${word}`;
  if (kind === 'lower' && word) return `${alphabet.lower} ${word.toLocaleLowerCase(alphabet.lang)}`;
  if (kind === 'digit') return `${alphabet.digit} ${alphabet.digits[Number(char)]}`;
  const codePoint = char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
  return alphabet.symbols[char] ?? `${alphabet.symbol} U+${codePoint}`;
}

export interface SpelledChar {
  char: string;
  kind: CharKind;
  spoken: string;
}

/** The pass in groups of four, each character with its kind and spoken form. */
export function spellInGroups(
  value: string,
  alphabet: SpellingAlphabet = ICAO,
  size = 4,
): SpelledChar[][] {
  const chars = Array.from(value).map((char) => ({
    char,
    kind: charKind(char),
    spoken: spokenForm(char, alphabet),
  }));
  const groups: SpelledChar[][] = [];
  for (let i = 0; i < chars.length; i += size) groups.push(chars.slice(i, i + size));
  return groups;
}
