import { needsAdvancedQuery, unsupportedQuery } from './errors';
import { invalidFilter, readLiteral, tokenizeFilter, type Token } from './odata-tokens';

/** Which properties of a resource support which $filter operators. */
export interface FilterSpec {
  eq: readonly string[];
  startsWith: readonly string[];
  /** Supported only in advanced queries (ConsistencyLevel: eventual + $count=true). */
  endsWith?: readonly string[];
}

export type Item = Record<string, unknown>;
type Predicate = (item: Item) => boolean;
type Literal = string | boolean | null;
const invalid = invalidFilter;

const tokenize = (text: string) =>
  tokenizeFilter(text, { punctuation: '(),', word: /^[A-Za-z0-9_.\-/$:]+/ });

/** Compiles an OData $filter into a predicate, or throws the error Graph would answer. */
export function compileFilter(text: string, spec: FilterSpec, advanced: boolean): Predicate {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (token: Token | undefined, word: string) =>
    token?.kind === 'word' && token.value.toLowerCase() === word;
  const expect = (value: string) => {
    const token = tokens[pos++];
    if (token?.kind !== 'punct' || token.value !== value) throw invalid(`expected '${value}'.`);
  };
  const requireAdvanced = (operator: string) => {
    if (!advanced) throw needsAdvancedQuery(operator);
  };
  const property = (allowed: readonly string[] | undefined) => {
    const token = tokens[pos++];
    if (token?.kind !== 'word') throw invalid('expected a property name.');
    const name = allowed?.find((p) => p.toLowerCase() === token.value.toLowerCase());
    if (!name) throw unsupportedQuery();
    return name;
  };
  const literal = (): Literal => readLiteral(tokens[pos++]) as Literal;

  const or = (): Predicate => {
    let left = and();
    while (isWord(peek(), 'or')) {
      pos++;
      const [a, b] = [left, and()];
      left = (item) => a(item) || b(item);
    }
    return left;
  };
  const and = (): Predicate => {
    let left = unary();
    while (isWord(peek(), 'and')) {
      pos++;
      const [a, b] = [left, unary()];
      left = (item) => a(item) && b(item);
    }
    return left;
  };
  const unary = (): Predicate => {
    if (isWord(peek(), 'not')) {
      requireAdvanced('not');
      pos++;
      const inner = unary();
      return (item) => !inner(item);
    }
    return primary();
  };
  const primary = (): Predicate => {
    const token = peek();
    if (token?.kind === 'punct' && token.value === '(') {
      pos++;
      const inner = or();
      expect(')');
      return inner;
    }
    const fn = ['startswith', 'endswith'].find((f) => isWord(token, f));
    if (fn && tokens[pos + 1]?.kind === 'punct') {
      pos++;
      if (fn === 'endswith') requireAdvanced('endsWith');
      expect('(');
      const name = property(fn === 'startswith' ? spec.startsWith : spec.endsWith);
      expect(',');
      const value = literal();
      expect(')');
      if (typeof value !== 'string') throw invalid(`${fn} needs a string.`);
      const needle = value.toLowerCase();
      return (item) => {
        const actual = item[name];
        if (typeof actual !== 'string') return false;
        const hay = actual.toLowerCase();
        return fn === 'startswith' ? hay.startsWith(needle) : hay.endsWith(needle);
      };
    }
    const name = property(spec.eq);
    const operator = tokens[pos++];
    if (isWord(operator, 'in')) {
      expect('(');
      const values = [literal()];
      while (peek()?.kind === 'punct' && peek()?.value === ',') {
        pos++;
        values.push(literal());
      }
      expect(')');
      return (item) => values.some((v) => same(item[name], v));
    }
    if (!isWord(operator, 'eq') && !isWord(operator, 'ne')) throw unsupportedQuery();
    const negate = isWord(operator, 'ne');
    if (negate) requireAdvanced('ne');
    const value = literal();
    return (item) => same(item[name], value) !== negate;
  };

  const predicate = or();
  if (pos !== tokens.length) throw invalid(`unexpected '${tokens[pos]?.value ?? ''}'.`);
  return predicate;
}

/** Directory comparisons ignore case. */
function same(actual: unknown, literal: Literal): boolean {
  if (literal === null) return actual === null || actual === undefined;
  if (typeof literal === 'boolean') return actual === literal;
  return typeof actual === 'string' && actual.toLowerCase() === literal.toLowerCase();
}
