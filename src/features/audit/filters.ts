/** The audit page's filters live in the URL (?from&to&activity&anomaly) so a view can be shared. */
import { ANOMALIES, type Anomaly, type AuditRow } from './audit-row';
import type { EventKind } from './classify-events';
import { OUTCOMES_FOR } from './pair-attempts';

export type ActivityFilter = 'all' | EventKind;

export const ACTIVITIES: readonly ActivityFilter[] = [
  'all',
  'tapCreated',
  'tapDeleted',
  'authenticatorRegistered',
  'passkeyRegistered',
  'passkeyDeleted',
];

export interface AuditFilters {
  /** Local calendar days, YYYY-MM-DD, both inclusive. */
  from: string;
  to: string;
  activity: ActivityFilter;
  anomaly?: Anomaly;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A local calendar day, or null if the text is not one (2026-02-30 is not). */
export function parseDay(text: string | null | undefined): Date | null {
  const match = DAY_PATTERN.exec(text ?? '');
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day
    ? date
    : null;
}

export function formatDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function defaultFilters(today: Date, rangeDays: number): AuditFilters {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (rangeDays - 1));
  return { from: formatDay(from), to: formatDay(today), activity: 'all' };
}

/** Whatever is in the URL, a valid set of filters: unknown values fall back to the defaults. */
export function readFilters(params: URLSearchParams, today: Date, rangeDays: number): AuditFilters {
  const defaults = defaultFilters(today, rangeDays);
  let from = parseDay(params.get('from')) ? (params.get('from') as string) : defaults.from;
  let to = parseDay(params.get('to')) ? (params.get('to') as string) : defaults.to;
  if (from > to) [from, to] = [to, from];
  const activity = params.get('activity');
  const anomaly = params.get('anomaly');
  return {
    from,
    to,
    activity: (ACTIVITIES as readonly string[]).includes(activity ?? '')
      ? (activity as ActivityFilter)
      : 'all',
    anomaly: (ANOMALIES as readonly string[]).includes(anomaly ?? '')
      ? (anomaly as Anomaly)
      : undefined,
  };
}

export function filtersToParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams({
    from: filters.from,
    to: filters.to,
    activity: filters.activity,
  });
  if (filters.anomaly) params.set('anomaly', filters.anomaly);
  return params;
}

/** The instants a filter covers: from the first day's local midnight to the last day's end. */
export function filterRange(filters: Pick<AuditFilters, 'from' | 'to'>): {
  from: number;
  to: number;
} {
  const from = parseDay(filters.from) as Date;
  const last = parseDay(filters.to) as Date;
  const to = new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1).getTime() - 1;
  return { from: from.getTime(), to };
}

/** Graph wants UTC instants; whole seconds keep query keys and filters stable. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The rows the page shows for the chosen activity and anomaly. */
export function filterRows(
  rows: readonly AuditRow[],
  filter: { activity: ActivityFilter; anomaly?: Anomaly },
): AuditRow[] {
  return rows.filter((row) => {
    if (filter.anomaly && !row.anomalies.includes(filter.anomaly)) return false;
    if (filter.activity === 'all') return true;
    // A record-only row counts as the activity its outcome claims.
    if (row.kind === 'recordOnly') {
      const outcome = row.attempt?.outcome;
      return (
        (filter.activity === 'tapCreated' || filter.activity === 'tapDeleted') &&
        outcome !== undefined &&
        OUTCOMES_FOR[filter.activity].includes(outcome)
      );
    }
    return row.kind === filter.activity;
  });
}
