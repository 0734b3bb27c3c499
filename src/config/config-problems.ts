/**
 * Turns the schema's issues into problems worded for people: the field as config.json names it,
 * what is wrong, and from config-fields.ts what it should hold with an example.
 */
import type { core } from 'zod/mini';
import { messageRef, type MessageRef, type MessageValue } from '../i18n/catalog';
import { formatMessageRef, intlFor } from '../i18n/message-ref';
import { fieldPath, fieldSpec } from './config-fields';
import { messages as fieldMessages } from './fields.messages';
import { messages as problemMessages } from './problems.messages';

/** One thing wrong with config.json, worded so the boot failure page can name it. */
export interface ConfigProblem {
  /** The field's path in config.json: `auth.clientId`, `pilot.groups[0].id`. */
  field: string;
  /** What is wrong, worded to follow the field's name: "is missing", "is "abc", not a GUID". */
  problem: MessageRef;
  /** What the field should hold. */
  expected: MessageRef;
  /** A value that passes, as written in config.json. */
  example?: string;
}

type ProblemKey = keyof typeof problemMessages.messages.en;

export const problemRef = (key: ProblemKey, values?: Record<string, MessageValue>): MessageRef =>
  messageRef(problemMessages, key, values);

let english: ReturnType<typeof intlFor> | undefined;

/** A problem in English, for the console and the error's message: where developers look. */
export function inEnglish(ref: MessageRef): string {
  english ??= intlFor('en', [problemMessages, fieldMessages]);
  return formatMessageRef(english, ref);
}

export const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/** A JSON value as a problem names it: `"abc"`, `42`, `a list`. */
export function shown(value: unknown): MessageValue {
  if (value === null) return 'null';
  if (Array.isArray(value)) return problemRef('value.list');
  if (typeof value === 'string') return JSON.stringify(short(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return problemRef('value.object');
}

/** `['pilot', 'groups', 0, 'id']` as config.json readers write it: `pilot.groups[0].id`. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => {
    if (typeof key === 'number') return `${name}[${key}]`;
    return name === '' ? String(key) : `${name}.${String(key)}`;
  }, '');
}

/** What a type mismatch says, by the type the schema expected. */
const NOT_A: Record<string, ProblemKey> = {
  string: 'type.string',
  int: 'type.number',
  number: 'type.number',
  boolean: 'type.boolean',
  array: 'type.array',
  object: 'type.object',
};

/** A field's problem, with what it should hold and an example from `specField`'s spec. */
export function describe(field: string, problem: MessageRef, specField = field): ConfigProblem {
  const path = fieldPath(specField);
  if (path === undefined) return { field, problem, expected: problemRef('seeDocs') };
  const spec = fieldSpec(path);
  const expected = messageRef(fieldMessages, path);
  return {
    field,
    problem,
    // Numbers as config.json writes them: 43200, never 43,200.
    expected: spec.range
      ? problemRef('ranged', { expected, min: String(spec.range[0]), max: String(spec.range[1]) })
      : expected,
    example: JSON.stringify(spec.example),
  };
}

/** What a rule's issue says beyond its message. */
export interface RuleParams {
  /** What is wrong (a rule words its own problem). */
  problem?: MessageRef;
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
  return { ...issue, params: { ...paramsOf(issue), meant: undefined, warning: true } };
}

/** One schema issue as a problem. Issues are parsed with `reportInput`, so each carries its input. */
export function problemOf(issue: core.$ZodIssue): ConfigProblem {
  const field = issue.path.length === 0 ? 'config.json' : fieldName(issue.path);
  const value = shown(issue.input);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return describe(field, problemRef('missing'));
      const type = NOT_A[issue.expected];
      return describe(
        field,
        problemRef('wrongType', { value, type: type ? problemRef(type) : issue.expected }),
      );
    }
    case 'too_small':
    case 'too_big': {
      const path = fieldPath(field);
      const [min, max] = (path ? fieldSpec(path).range : undefined) ?? [];
      return describe(field, problemRef('outside', { value, min: String(min), max: String(max) }));
    }
    case 'invalid_value': {
      // "a or b or c", one "or" at a time, so each language joins them its own way.
      const [first = '', ...rest] = issue.values.map((allowed) => JSON.stringify(allowed));
      const allowed = rest.reduce<MessageValue>(
        (choices, second) => problemRef('or', { first: choices, second }),
        first,
      );
      return describe(field, problemRef('wrongType', { value, type: allowed }));
    }
    case 'custom': {
      const { meant, problem } = paramsOf(issue);
      if (meant === undefined) return describe(field, problem ?? problemRef('unusable', { value }));
      const sibling = field.replace(/[^.[\]]+$/, meant);
      return describe(field, problemRef('misspelt', { sibling }), sibling);
    }
    default:
      return describe(field, problemRef('unusable', { value }));
  }
}
