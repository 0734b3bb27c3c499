import { GraphError } from './errors';

/** One tokenizer for every $filter the emulator parses; the grammars differ, the literals do not. */
export type Token =
  | { kind: 'string'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: string };

export const invalidFilter = (detail: string) =>
  new GraphError(400, 'BadRequest', `Invalid filter clause: ${detail}`);

export function tokenizeFilter(
  text: string,
  options: { punctuation: string; word: RegExp },
): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (options.punctuation.includes(c)) {
      tokens.push({ kind: 'punct', value: c });
      i++;
    } else if (c === "'") {
      // OData string literal: '' is an escaped quote; whatever is inside stays data.
      let value = '';
      for (i++; ; i++) {
        if (i >= text.length) throw invalidFilter('unterminated string literal.');
        if (text[i] === "'" && text[i + 1] === "'") {
          value += "'";
          i++;
        } else if (text[i] === "'") break;
        else value += text[i];
      }
      tokens.push({ kind: 'string', value });
      i++;
    } else {
      const word = options.word.exec(text.slice(i))?.[0];
      if (!word) throw invalidFilter(`unexpected character '${c}' at position ${i}.`);
      tokens.push({ kind: 'word', value: word });
      i += word.length;
    }
  }
  return tokens;
}

export type Literal = string | number | boolean | null;

/**
 * An OData literal: a quoted string, true/false or null; with `numbersAndDates`, also numbers
 * and unquoted date-times. Anything else is Graph's 400.
 */
export function readLiteral(token: Token | undefined, numbersAndDates = false): Literal {
  if (token?.kind === 'string') return token.value;
  if (token?.kind === 'word') {
    const word = token.value.toLowerCase();
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    if (numbersAndDates && /^-?\d+(\.\d+)?$/.test(word)) return Number(word);
    if (numbersAndDates && /^\d{4}-\d{2}-\d{2}T/.test(token.value)) return token.value;
  }
  throw invalidFilter('expected a literal.');
}
