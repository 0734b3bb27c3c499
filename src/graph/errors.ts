/** The one error type every Graph call throws, with Graph's own code kept for branching. */
export class GraphError extends Error {
  override name = 'GraphError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    /** Seconds Graph asked us to wait (429/503), when it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export function isGraphError(error: unknown, status?: number): error is GraphError {
  return error instanceof GraphError && (status === undefined || error.status === status);
}

/** Statuses Graph answers when a request may succeed if sent again later: throttled or busy. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503 || status === 504;
}

/**
 * No answer worth trusting (a 5xx, a timeout, a dropped connection, anything but Graph's own
 * refusal): the write may or may not have happened, so read back before deciding (decision 0009).
 */
export function isAnswerLost(error: unknown): boolean {
  return !(error instanceof GraphError) || error.status === 0 || error.status >= 500;
}

/** A GraphError worth sending again later (throttled or briefly unavailable). */
export function isRetryableError(error: unknown): error is GraphError {
  return error instanceof GraphError && isRetryableStatus(error.status);
}

export interface GraphErrorBody {
  error?: { code?: string; message?: string; innerError?: { 'request-id'?: string } };
}

export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export function graphErrorFrom(
  status: number,
  body: unknown,
  headers: { get(name: string): string | null },
): GraphError {
  const error = (body as GraphErrorBody | null)?.error;
  return new GraphError(
    status,
    error?.code ?? `http${status}`,
    error?.message ?? `Microsoft Graph answered HTTP ${status}.`,
    error?.innerError?.['request-id'] ?? headers.get('request-id') ?? undefined,
    parseRetryAfter(headers.get('Retry-After')),
  );
}
