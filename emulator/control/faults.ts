import { FAULT_KINDS, type FaultKind, type FaultSpec } from '../graph/faults';
import { ControlError } from './phone';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const PROPERTIES = ['method', 'path', 'fault', 'times', 'ms', 'retryAfterSeconds'];
const MAX_TIMES = 10_000;
const MAX_MS = 120_000;
const MAX_RETRY_AFTER = 3600;

const bad = (message: string) => new ControlError(400, 'badFault', message);

function wholeNumber(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw bad(`'${name}' must be an integer from ${min} to ${max}.`);
  }
  return value;
}

/**
 * Validates a POST /emulator/faults body strictly: anything unknown or out of range is a 400, so
 * a typo in a test never silently injects nothing.
 */
export function parseFault(body: unknown): FaultSpec {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw bad('The body must be a JSON object: { "path", "fault", "method"?, "times"?, "ms"? }.');
  }
  const input = body as Record<string, unknown>;
  const unknown = Object.keys(input).find((key) => !PROPERTIES.includes(key));
  if (unknown !== undefined) {
    throw bad(`Unknown property '${unknown}'; expected ${PROPERTIES.join(', ')}.`);
  }

  const fault = input.fault;
  if (typeof fault !== 'string' || !(FAULT_KINDS as readonly string[]).includes(fault)) {
    throw bad(`'fault' must be one of ${FAULT_KINDS.map((k) => `'${k}'`).join(', ')}.`);
  }
  const kind = fault as FaultKind;

  let method: string | null = null;
  if (input.method !== undefined && input.method !== null) {
    const upper = typeof input.method === 'string' ? input.method.toUpperCase() : '';
    if (!METHODS.includes(upper)) {
      throw bad(`'method' must be one of ${METHODS.join(', ')}, or left out for any method.`);
    }
    method = upper;
  }

  const path = input.path;
  if (typeof path !== 'string' || !path.startsWith('/') || path.length > 2000) {
    throw bad("'path' must be a Graph path starting with '/', such as '/users/*/authentication'.");
  }
  if (/[?#]/.test(path)) {
    throw bad("'path' matches the path only: leave out the query string.");
  }
  if (/^\/(graph|v1\.0|beta)(\/|$)/i.test(path)) {
    throw bad(
      "'path' is relative to /graph/v1.0: write '/users/*', not '/graph/v1.0/users/*' or '/v1.0/users/*'.",
    );
  }
  if (path.includes('//')) throw bad("'path' has an empty segment ('//').");

  const times = input.times === undefined ? 1 : wholeNumber(input.times, 'times', 1, MAX_TIMES);

  const spec: FaultSpec = { method, path, fault: kind, times };
  if (kind === 'slow') {
    if (input.ms === undefined) throw bad("'slow' needs 'ms', the wait in milliseconds.");
    spec.ms = wholeNumber(input.ms, 'ms', 1, MAX_MS);
  } else if (input.ms !== undefined) {
    throw bad("'ms' applies only to the 'slow' fault.");
  }
  if (input.retryAfterSeconds !== undefined) {
    if (kind !== 'throttle' && kind !== 'unavailable') {
      throw bad("'retryAfterSeconds' applies only to the 'throttle' and 'unavailable' faults.");
    }
    spec.retryAfterSeconds = wholeNumber(
      input.retryAfterSeconds,
      'retryAfterSeconds',
      0,
      MAX_RETRY_AFTER,
    );
  }
  return spec;
}
