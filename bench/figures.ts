/** Number formatting and percentiles shared by the bench's tables. */

export const count = (n: number) => n.toLocaleString('en');

export const seconds = (ms: number) =>
  ms < 120_000
    ? `${(ms / 1000).toFixed(1)} s`
    : ms < 7_200_000
      ? `${(ms / 60_000).toFixed(1)} min`
      : `${(ms / 3_600_000).toFixed(1)} h`;

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export const ratio = (value: number) => `${value.toFixed(2)}×`;

/** The nearest-rank percentile (p in 0–100) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? NaN;
}

/** "5.2 s / 7.9 s" for p50 / p95, or "n/a" when nothing was measured. */
export function p50p95(values: readonly number[]): string {
  if (values.length === 0) return 'n/a';
  return `${seconds(percentile(values, 50))} / ${seconds(percentile(values, 95))}`;
}

export const yesNo = (value: boolean) => (value ? 'yes' : 'NO');
