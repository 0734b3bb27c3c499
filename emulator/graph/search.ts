import { unsupportedQuery } from './errors';
import type { Item } from './filter';

export interface SearchSpec {
  /** Resource name for error messages, e.g. 'User'. */
  resource: string;
  /** Properties matched by tokens (Graph: displayName and description). */
  tokenized: readonly string[];
  /** Properties matched with startsWith semantics. */
  prefix: readonly string[];
}

type Predicate = (item: Item) => boolean;
type Token =
  | { kind: 'clause'; value: string; at: number }
  | { kind: 'op' | 'paren'; value: string; at: number };

const syntaxError = (input: string, at: number) =>
  unsupportedQuery(
    `Syntax error: character '${input[at] ?? ''}' is not valid at position ${at} in '${input}'.`,
  );

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (c === ' ') {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: 'paren', value: c, at: i++ });
    } else if (c === '"') {
      const at = i;
      let value = '';
      for (i++; input[i] !== '"'; i++) {
        if (i >= input.length) throw syntaxError(input, at);
        if (input[i] === '\\') {
          const next = input[++i];
          if (next !== '"' && next !== '\\') throw syntaxError(input, i);
          value += next;
        } else value += input[i];
      }
      tokens.push({ kind: 'clause', value, at });
      i++;
    } else if (input.startsWith('AND', i) || input.startsWith('OR', i)) {
      const value = input.startsWith('AND', i) ? 'AND' : 'OR';
      tokens.push({ kind: 'op', value, at: i });
      i += value.length;
    } else {
      throw syntaxError(input, i);
    }
  }
  return tokens;
}

/** Compiles $search (`"displayName:jo" OR "mail:jo"`) into a predicate, Graph's way. */
export function compileSearch(input: string, spec: SearchSpec): Predicate {
  const tokens = lex(input);
  let pos = 0;
  const fail = () => syntaxError(input, tokens[pos]?.at ?? input.length);
  const or = (): Predicate => {
    let left = and();
    while (tokens[pos]?.value === 'OR') {
      pos++;
      const [a, b] = [left, and()];
      left = (item) => a(item) || b(item);
    }
    return left;
  };
  const and = (): Predicate => {
    let left = primary();
    while (tokens[pos]?.value === 'AND') {
      pos++;
      const [a, b] = [left, primary()];
      left = (item) => a(item) && b(item);
    }
    return left;
  };
  const primary = (): Predicate => {
    const token = tokens[pos++];
    if (token?.kind === 'paren' && token.value === '(') {
      const inner = or();
      if (tokens[pos++]?.value !== ')') throw fail();
      return inner;
    }
    if (token?.kind !== 'clause') {
      pos--;
      throw fail();
    }
    return clause(token.value, spec, input, token.at);
  };
  const predicate = or();
  if (pos !== tokens.length) throw fail();
  return predicate;
}

function clause(text: string, spec: SearchSpec, input: string, at: number): Predicate {
  const colon = text.indexOf(':');
  if (colon <= 0) throw syntaxError(input, at);
  const name = text.slice(0, colon);
  const term = text.slice(colon + 1);
  const find = (list: readonly string[]) =>
    list.find((p) => p.toLowerCase() === name.toLowerCase());
  const tokenized = find(spec.tokenized);
  const prefix = find(spec.prefix);
  if (!tokenized && !prefix) {
    throw unsupportedQuery(
      `Unsupported or invalid query filter clause specified for property '${name}' of resource '${spec.resource}'.`,
    );
  }
  if (tokenized) {
    const wanted = searchTokens(term);
    return (item) => {
      const value = item[tokenized];
      if (typeof value !== 'string') return false;
      const have = searchTokens(value);
      return wanted.every((w) => have.some((h) => h.startsWith(w)));
    };
  }
  const needle = fold(term);
  return (item) => {
    const value = item[prefix as string];
    return typeof value === 'string' && fold(value).startsWith(needle);
  };
}

/** Case-insensitive, and accent-insensitive so "nunez" finds "Núñez". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Graph's directory search tokens: split on spaces, lower-to-upper case changes, digits and
 * symbols (each symbol is a token). Words of one chunk also form a combined token, so
 * "helloworld" finds "hello.world" (documented) and "mccarthy" finds "McCarthy" (lenient).
 */
function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '');
  for (const chunk of plain.split(/\s+/).filter(Boolean)) {
    const parts = (chunk.match(/\p{L}+|\p{N}+|[^\p{L}\p{N}]/gu) ?? []).flatMap((part) =>
      part.replace(/(\p{Ll})(?=\p{Lu})/gu, '$1\0').split('\0'),
    );
    const words = parts.filter((part) => /[\p{L}\p{N}]/u.test(part));
    tokens.push(...parts);
    if (words.length > 1) tokens.push(words.join(''));
  }
  return tokens.map((token) => token.toLowerCase());
}
