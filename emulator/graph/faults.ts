import { randomUUID } from 'node:crypto';

/*
 * Injected faults (POST /emulator/faults): the failures a real network and a real Graph front
 * door produce now and then, on demand, for the requests a test names. The pipeline consults the
 * plan before it runs a request (graph/pipeline.ts); the control API validates what goes in
 * (control/faults.ts).
 */

export const FAULT_KINDS = [
  'throttle',
  'unavailable',
  'timeout-after-commit',
  'drop-after-commit',
  'slow',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** What a test asks for, validated. */
export interface FaultSpec {
  /** Upper-case HTTP method, or null for any. */
  method: string | null;
  /** Glob on the path below /graph/v1.0: `*` stands for any text within one segment. */
  path: string;
  fault: FaultKind;
  /** How many matching requests it still affects. */
  times: number;
  /** slow: the wait before the request is processed. */
  ms?: number;
  /** throttle (default: the retryAfterSeconds setting) and unavailable (default: no header). */
  retryAfterSeconds?: number;
}

export interface Fault extends FaultSpec {
  id: string;
}

/** The active faults, first added first fired; one fault at most per request. */
export class FaultPlan {
  private faults: { fault: Fault; segments: RegExp[] }[] = [];

  add(spec: FaultSpec): Fault {
    const fault: Fault = { id: randomUUID(), ...spec };
    this.faults.push({ fault, segments: compile(spec.path) });
    return { ...fault };
  }

  list(): Fault[] {
    return this.faults.map(({ fault }) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault matching the request, consumed once; `path` is below /graph/v1.0. */
  take(method: string, path: string): Fault | undefined {
    const parts = splitPath(path).map(safeDecode);
    const entry = this.faults.find(
      ({ fault, segments }) =>
        (fault.method === null || fault.method === method.toUpperCase()) &&
        segments.length === parts.length &&
        segments.every((segment, i) => segment.test(parts[i] as string)),
    );
    if (!entry) return undefined;
    entry.fault.times--;
    if (entry.fault.times <= 0) this.faults = this.faults.filter((f) => f !== entry);
    return { ...entry.fault };
  }
}

function splitPath(path: string): string[] {
  return path.replace(/\/+$/, '').split('/').slice(1);
}

/** One case-insensitive pattern per segment; `*` never crosses a slash. */
function compile(path: string): RegExp[] {
  return splitPath(path).map(
    (segment) =>
      new RegExp(
        `^${safeDecode(segment)
          .split('*')
          .map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
        'i',
      ),
  );
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
