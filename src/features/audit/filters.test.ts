import { describe, expect, it } from 'vitest';
import {
  filterRange,
  filterRows,
  filtersToParams,
  isoSeconds,
  parseDay,
  readFilters,
} from './filters';
import { at, event, JO, KIM, record, run } from '../../testing/fixtures/audit-log';

const TODAY = new Date(2026, 10, 26, 15, 30);

describe('readFilters', () => {
  it('opens on the configured number of days up to today, all activity, no anomaly', () => {
    expect(readFilters(new URLSearchParams(), TODAY, 7)).toEqual({
      from: '2026-11-20',
      to: '2026-11-26',
      activity: 'all',
      anomaly: undefined,
    });
  });

  it('reads a shared view back from its URL', () => {
    const filters = readFilters(
      new URLSearchParams('from=2026-10-01&to=2026-10-31&activity=tapCreated&anomaly=adminTarget'),
      TODAY,
      7,
    );
    expect(filters).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      activity: 'tapCreated',
      anomaly: 'adminTarget',
    });
    expect(filtersToParams(filters).toString()).toBe(
      'from=2026-10-01&to=2026-10-31&activity=tapCreated&anomaly=adminTarget',
    );
  });

  it('ignores what it does not understand and puts a reversed range right', () => {
    expect(
      readFilters(
        new URLSearchParams('from=2026-02-30&to=yesterday&activity=drop&anomaly=x'),
        TODAY,
        7,
      ),
    ).toEqual({ from: '2026-11-20', to: '2026-11-26', activity: 'all', anomaly: undefined });
    const reversed = readFilters(new URLSearchParams('from=2026-11-10&to=2026-11-01'), TODAY, 7);
    expect([reversed.from, reversed.to]).toEqual(['2026-11-01', '2026-11-10']);
  });
});

describe('dates', () => {
  it('knows real days from impossible ones', () => {
    expect(parseDay('2028-02-29')).not.toBeNull();
    expect(parseDay('2026-02-29')).toBeNull();
    expect(parseDay('2026-1-5')).toBeNull();
  });

  it('covers whole local days, and gives Graph whole-second UTC instants', () => {
    const range = filterRange({ from: '2026-11-10', to: '2026-11-10' });
    expect(range.to - range.from).toBe(24 * 3_600_000 - 1);
    expect(new Date(range.from).getHours()).toBe(0);
    expect(isoSeconds(Date.UTC(2026, 10, 1, 8, 0, 0, 999))).toBe('2026-11-01T08:00:00Z');
  });
});

describe('filterRows', () => {
  const created = event('created', JO, at(30));
  const deleted = event('deleted', JO, at(20));
  const registered = event('authenticator', KIM, at(10));
  const orphan = record(KIM, at(5));
  const { rows } = run({ events: [created, deleted, registered], records: [orphan] });

  it('narrows to one activity; a record-only row counts as the activity it claims', () => {
    expect(filterRows(rows, { activity: 'tapCreated' }).map((row) => row.id)).toEqual([
      `record:${orphan.itemId}`,
      created.id,
    ]);
    expect(filterRows(rows, { activity: 'tapDeleted' }).map((row) => row.id)).toEqual([deleted.id]);
    expect(filterRows(rows, { activity: 'authenticatorRegistered' })).toHaveLength(1);
    expect(filterRows(rows, { activity: 'all' })).toHaveLength(4);
  });

  it('narrows to one anomaly', () => {
    expect(
      filterRows(rows, { activity: 'all', anomaly: 'recordWithoutEvent' }).map((row) => row.id),
    ).toEqual([`record:${orphan.itemId}`]);
    expect(
      filterRows(rows, { activity: 'all', anomaly: 'noVerification' }).map((r) => r.id),
    ).toEqual([created.id]);
  });
});
