/**
 * Turns the schema's issues into problems worded for people: the field as config.json names it,
 * what is wrong, and from config-fields.ts what it should hold with an example.
 */
import type { core } from 'zod/mini';
import { fieldSpec } from './config-fields';

/** One thing wrong with config.json, worded so the boot failure page can name it. */
export interface ConfigProblem {
  /** The field's path in config.json: `auth.clientId`, `pilot.groups[0].id`. */
  field: string;
  /** What is wrong, worded to follow the field's name: "is missing", "is "abc", not a GUID". */
  problem: string;
  /** What the field should hold. */
  expected: string;
  /** A value that passes, as written in config.json. */
  example?: string;
}

export const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** A JSON value as a problem names it: `"abc"`, `42`, `a list`. */
export function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(short(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'an object';
}

/** `['pilot', 'groups', 0, 'id']` as config.json readers write it: `pilot.groups[0].id`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => {
    if (typeof key === 'number') return `${name}[${key}]`;
    return name === '' ? String(key) : `${name}.${String(key)}`;
  }, '');
}

/** What a type mismatch says, by the type the schema expected. */
const NOT_A: Record<string, string> = {
  string: 'text',
  int: 'a whole number',
  number: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** A field's problem, with what it should hold and an example from `specField`'s spec. */
export function describe(field: string, problem: string, specField = field): ConfigProblem {
  const spec = fieldSpec(specField);
  const range = spec?.range ? `, a whole number from ${spec.range[0]} to ${spec.range[1]}` : '';
  return {
    field,
    problem,
    expected: spec ? `${spec.expected}${range}` : 'see docs/configuration.md',
    example: spec ? JSON.stringify(spec.example) : undefined,
  };
}

/** What a rule's issue says beyond its message. */
export interface RuleParams {
  /** Not a problem: TAP Desk starts anyway and names it in the console. */
  warning?: boolean;
  /** The field TAP Desk reads whose name differs only in letter case. */
  meant?: string;
}

const paramsOf = (issue: core.$ZodIssue): RuleParams =>
  issue.code === 'custom' ? ((issue.params ?? {}) as RuleParams) : {};

export const isWarning = (issue: core.$ZodIssue) => paramsOf(issue).warning === true;

/** The JSON value at `path` in `raw`; undefined when there is none. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      typeof value === 'object' && value !== null
        ? (value as Record<PropertyKey, unknown>)[key]
        : undefined,
    raw,
  );
}

/**
 * A field named like another but for letter case is a problem (the value meant would be silently
 * ignored), unless config.json also has the real one: then it is only ignored.
 */
export function settleMeant(issue: core.$ZodIssue, raw: unknown): core.$ZodIssue {
  const { meant } = paramsOf(issue);
  if (
    issue.code !== 'custom' ||
    meant === undefined ||
    valueAt(raw, [...issue.path.slice(0, -1), meant]) === undefined
  ) {
    return issue;
  }
  return { ...issue, params: { warning: true } };
}

/** One schema issue as a problem. Issues are parsed with `reportInput`, so each carries its input. */
export function problemOf(issue: core.$ZodIssue): ConfigProblem {
  const field = issue.path.length === 0 ? 'config.json' : fieldName(issue.path);
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      return describe(
        field,
        input === undefined
          ? 'is missing'
          : `is ${shown(input)}, not ${NOT_A[issue.expected] ?? issue.expected}`,
      );
    case 'too_small':
    case 'too_big': {
      const [min, max] = fieldSpec(field)?.range ?? [];
      return describe(field, `is ${shown(input)}, outside ${min} to ${max}`);
    }
    case 'invalid_value':
      return describe(
        field,
        `is ${shown(input)}, not ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`,
      );
    case 'custom': {
      const { meant } = paramsOf(issue);
      if (meant === undefined) return describe(field, issue.message);
      const sibling = field.replace(/[^.[\]]+$/, meant);
      return describe(
        field,
        `is not a field TAP Desk reads: did you mean ${sibling}? Names are case-sensitive`,
        sibling,
      );
    }
    default:
      return describe(field, `is ${shown(input)}, which TAP Desk cannot use`);
  }
}
