/** How a pass is shown and read aloud: every character, its kind and its spoken form. */
export type CharKind = 'upper' | 'lower' | 'digit' | 'symbol';

const NATO: Record<string, string> = {
  a: 'Alfa',
  b: 'Bravo',
  c: 'Charlie',
  d: 'Delta',
  e: 'Echo',
  f: 'Foxtrot',
  g: 'Golf',
  h: 'Hotel',
  i: 'India',
  j: 'Juliett',
  k: 'Kilo',
  l: 'Lima',
  m: 'Mike',
  n: 'November',
  o: 'Oscar',
  p: 'Papa',
  q: 'Quebec',
  r: 'Romeo',
  s: 'Sierra',
  t: 'Tango',
  u: 'Uniform',
  v: 'Victor',
  w: 'Whiskey',
  x: 'X-ray',
  y: 'Yankee',
  z: 'Zulu',
};

const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Every printable ASCII symbol, so no pass Graph generates can leave a character unnamed. */
const SYMBOLS: Record<string, string> = {
  '!': 'exclamation mark',
  '"': 'double quote',
  '#': 'hash',
  $: 'dollar',
  '%': 'percent',
  '&': 'ampersand',
  "'": 'apostrophe',
  '(': 'open parenthesis',
  ')': 'close parenthesis',
  '*': 'asterisk',
  '+': 'plus',
  ',': 'comma',
  '-': 'hyphen',
  '.': 'full stop',
  '/': 'slash',
  ':': 'colon',
  ';': 'semicolon',
  '<': 'less-than',
  '=': 'equals',
  '>': 'greater-than',
  '?': 'question mark',
  '@': 'at sign',
  '[': 'open square bracket',
  '\\': 'backslash',
  ']': 'close square bracket',
  '^': 'caret',
  _: 'underscore',
  '`': 'backtick',
  '{': 'open curly brace',
  '|': 'vertical bar',
  '}': 'close curly brace',
  '~': 'tilde',
  ' ': 'space',
};

export function charKind(char: string): CharKind {
  if (/^[A-Z]$/.test(char)) return 'upper';
  if (/^[a-z]$/.test(char)) return 'lower';
  if (/^[0-9]$/.test(char)) return 'digit';
  return 'symbol';
}

export function spokenForm(char: string): string {
  const kind = charKind(char);
  if (kind === 'upper') return `capital ${NATO[char.toLowerCase()]}`;
  if (kind === 'lower') return `lower ${NATO[char]?.toLowerCase()}`;
  if (kind === 'digit') return `digit ${DIGITS[Number(char)]}`;
  return (
    SYMBOLS[char] ?? `symbol U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`
  );
}

export const KIND_LABELS: Record<CharKind, string> = {
  upper: 'capital letter',
  lower: 'lower-case letter',
  digit: 'digit',
  symbol: 'symbol',
};

export interface SpelledChar {
  char: string;
  kind: CharKind;
  spoken: string;
}

/** The pass in groups of four, each character with its kind and spoken form. */
export function spellInGroups(value: string, size = 4): SpelledChar[][] {
  const chars = Array.from(value).map((char) => ({
    char,
    kind: charKind(char),
    spoken: spokenForm(char),
  }));
  const groups: SpelledChar[][] = [];
  for (let i = 0; i < chars.length; i += size) groups.push(chars.slice(i, i + size));
  return groups;
}
