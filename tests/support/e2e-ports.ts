/** The first demo server's port; worker N uses the next ports up. */
export const E2E_BASE_PORT = Number(process.env.E2E_PORT ?? 5199);

/**
 * Workers for the end-to-end tests, each with a demo server of its own. Two by default: most
 * tests wait on Graph's timers (Retry-After, polling), so two share a 2-core machine well.
 */
export const E2E_WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2));

export function workerBaseUrl(parallelIndex: number): string {
  return `https://localhost:${E2E_BASE_PORT + parallelIndex}`;
}
