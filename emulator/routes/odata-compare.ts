/**
 * $filter for the non-directory resources TAP Desk reads (directory audits, list items): the
 * comparison operators, startswith, any() over a collection, and/or, on slash paths such as
 * `initiatedBy/user/id` or `fields/IssuedAt`. Each resource declares which paths allow which
 * operators; anything else answers 400 as Graph does. Date-time values compare as instants.
 */
import type { GraphError } from '../graph/errors';
import { invalidFilter, readLiteral, tokenizeFilter, type Token } from '../graph/odata-tokens';

export type Operator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'startswith';

export interface CompareSpec {
  /** Path → operators allowed on it; inside any(), paths are relative to the lambda variable. */
  paths: Record<string, readonly Operator[]>;
  /** Collections that support any(), with the paths allowed inside the lambda. */
  lambdas?: Record<string, Record<string, readonly Operator[]>>;
  /** Paths whose values are date-times (compared as instants, literals may be unquoted). */
  dateTimes?: readonly string[];
  /** Answers for a path the spec does not know; default: 400 invalid filter. */
  unknownPath?: (path: string) => GraphError;
}

type Value = string | number | boolean | null;
export type Item = Record<string, unknown>;
type Predicate = (item: Item) => boolean;
export { invalidFilter };

const OPERATORS: readonly string[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];

// Words include unquoted date-times (2026-11-01T00:00:00Z) and paths (a/b/c).
const tokenize = (text: string) =>
  tokenizeFilter(text, {
    punctuation: '(),:',
    word: /^(\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})?|[A-Za-z0-9_./@-]+)/,
  });

/** Reads a slash path from an item; arrays are not traversed (use any()). */
function read(item: Item, path: string): unknown {
  let value: unknown = item;
  for (const part of path.split('/')) {
    if (value === null || typeof value !== 'object') return undefined;
    const entry = Object.entries(value as Item).find(
      ([key]) => key.toLowerCase() === part.toLowerCase(),
    );
    value = entry?.[1];
  }
  return value;
}

function compare(actual: unknown, operator: Operator, literal: Value, dateTime: boolean): boolean {
  if (literal === null) {
    const isNull = actual === null || actual === undefined;
    return operator === 'eq' ? isNull : operator === 'ne' ? !isNull : false;
  }
  if (actual === null || actual === undefined) return operator === 'ne';
  let a: string | number | boolean;
  let b: string | number | boolean;
  if (dateTime) {
    a = Date.parse(String(actual));
    b = Date.parse(String(literal));
    if (Number.isNaN(b)) throw invalidFilter(`'${String(literal)}' is not a date-time.`);
  } else if (typeof literal === 'number' || typeof literal === 'boolean') {
    a = actual as number | boolean;
    b = literal;
  } else {
    a = String(actual).toLowerCase();
    b = literal.toLowerCase();
  }
  switch (operator) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    case 'startswith':
      return typeof a === 'string' && typeof b === 'string' && a.startsWith(b);
  }
}

/** The paths a filter text mentions (for "not indexed" checks and the like). */
export function filterPaths(text: string): string[] {
  return tokenize(text)
    .filter((t): t is { kind: 'word'; value: string } => t.kind === 'word' && t.value.includes('/'))
    .map((t) => t.value);
}

/** Compiles $filter text into a predicate, or throws the 400 Graph would answer. */
export function compileCompareFilter(text: string, spec: CompareSpec): Predicate {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (token: Token | undefined, word: string) =>
    token?.kind === 'word' && token.value.toLowerCase() === word;
  const isPunct = (token: Token | undefined, value: string) =>
    token?.kind === 'punct' && token.value === value;
  const expect = (value: string) => {
    if (!isPunct(tokens[pos++], value)) throw invalidFilter(`expected '${value}'.`);
  };
  const unknown = (path: string) =>
    spec.unknownPath?.(path) ?? invalidFilter(`'${path}' cannot be filtered.`);

  const literal = (): Value => readLiteral(tokens[pos++], true);

  /** `path op literal` or `startswith(path, literal)` against `paths`, reading through `prefix`. */
  const comparison = (
    paths: Record<string, readonly Operator[]>,
    variable: string | undefined,
  ): Predicate => {
    const resolve = (raw: string) => {
      let path = raw;
      if (variable) {
        if (!raw.toLowerCase().startsWith(`${variable.toLowerCase()}/`)) throw unknown(raw);
        path = raw.slice(variable.length + 1);
      }
      const known = Object.keys(paths).find((p) => p.toLowerCase() === path.toLowerCase());
      if (!known) throw unknown(raw);
      return known;
    };
    const check = (path: string, operator: Operator) => {
      if (!paths[path]?.includes(operator)) {
        throw invalidFilter(`operator '${operator}' is not supported on '${path}'.`);
      }
    };
    const dateTime = (path: string) =>
      !variable && (spec.dateTimes ?? []).some((p) => p.toLowerCase() === path.toLowerCase());
    if (isWord(peek(), 'startswith') && isPunct(tokens[pos + 1], '(')) {
      pos += 2;
      const name = tokens[pos++];
      if (name?.kind !== 'word') throw invalidFilter('expected a property.');
      const path = resolve(name.value);
      check(path, 'startswith');
      expect(',');
      const value = literal();
      expect(')');
      if (typeof value !== 'string') throw invalidFilter('startswith needs a string.');
      return (item) => compare(read(item, path), 'startswith', value, false);
    }
    const name = tokens[pos++];
    if (name?.kind !== 'word') throw invalidFilter('expected a property.');
    const path = resolve(name.value);
    const op = tokens[pos++];
    if (op?.kind !== 'word' || !OPERATORS.includes(op.value.toLowerCase())) {
      throw invalidFilter(`expected a comparison after '${name.value}'.`);
    }
    const operator = op.value.toLowerCase() as Operator;
    check(path, operator);
    const value = literal();
    const asDate = dateTime(path);
    return (item) => compare(read(item, path), operator, value, asDate);
  };

  const or = (paths: Record<string, readonly Operator[]>, variable?: string): Predicate => {
    let left = and(paths, variable);
    while (isWord(peek(), 'or')) {
      pos++;
      const [a, b] = [left, and(paths, variable)];
      left = (item) => a(item) || b(item);
    }
    return left;
  };
  const and = (paths: Record<string, readonly Operator[]>, variable?: string): Predicate => {
    let left = primary(paths, variable);
    while (isWord(peek(), 'and')) {
      pos++;
      const [a, b] = [left, primary(paths, variable)];
      left = (item) => a(item) && b(item);
    }
    return left;
  };
  const primary = (paths: Record<string, readonly Operator[]>, variable?: string): Predicate => {
    if (isPunct(peek(), '(')) {
      pos++;
      const inner = or(paths, variable);
      expect(')');
      return inner;
    }
    const token = peek();
    const lambda = token?.kind === 'word' ? /^(.+)\/any$/i.exec(token.value) : null;
    if (lambda && !variable) {
      const collection = Object.keys(spec.lambdas ?? {}).find(
        (c) => c.toLowerCase() === (lambda[1] as string).toLowerCase(),
      );
      if (!collection) throw unknown(token!.value);
      pos++;
      expect('(');
      const v = tokens[pos++];
      if (v?.kind !== 'word') throw invalidFilter('expected a lambda variable.');
      expect(':');
      const inner = or(spec.lambdas![collection] as Record<string, readonly Operator[]>, v.value);
      expect(')');
      return (item) => {
        const values = read(item, collection);
        return Array.isArray(values) && values.some((value) => inner(value as Item));
      };
    }
    return comparison(paths, variable);
  };

  const predicate = or(spec.paths);
  if (pos !== tokens.length) throw invalidFilter(`unexpected '${tokens[pos]?.value ?? ''}'.`);
  return predicate;
}
