import { describe, expect, it, vi } from 'vitest';
import { keptListing, tenantChanging } from '../graph/listing-cache';
import type { Caller, GraphContext } from '../graph/router';
import type { Tenant } from '../model';

const helen: Caller = {
  oid: 'helen',
  upn: 'helen@contoso.com',
  scopes: ['User.Read.All'],
  wids: [],
};
const max: Caller = { oid: 'max', upn: 'max@contoso.com', scopes: ['User.Read.All'], wids: [] };
const MINUTE = 60_000;

function request(
  tenant: Tenant,
  query: string,
  overrides: Partial<GraphContext> = {},
): GraphContext {
  return {
    caller: helen,
    path: '/users',
    params: {},
    query: new URLSearchParams(query),
    sentQuery: new URLSearchParams(query),
    headers: {},
    body: undefined,
    state: tenant,
    settings: {} as GraphContext['settings'],
    origin: 'https://localhost',
    now: 10 * MINUTE,
    runBatchItem: () => Promise.reject(new Error('not in these tests')),
    ...overrides,
  };
}

describe('a listing kept while the tenant stands still', () => {
  it('is kept under the query the client sent, not the one a route rewrote it to', () => {
    const tenant = {} as Tenant;
    const compute = vi.fn(() => [1, 2, 3]);
    const rewritten = new URLSearchParams('$filter=hidden eq true');
    keptListing({ ...request(tenant, "$filter=a eq 'x'"), query: rewritten }, compute);
    keptListing({ ...request(tenant, "$filter=a eq 'y'"), query: rewritten }, compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('is computed once for the pages of one query, whatever $skiptoken says', () => {
    const tenant = {} as Tenant;
    const compute = vi.fn(() => [1, 2, 3]);
    const first = keptListing(request(tenant, '$top=2'), compute);
    const second = keptListing(request(tenant, '$top=2&$skiptoken=abc'), compute);
    expect(second).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('is computed again for another query, caller, tenant or ConsistencyLevel', () => {
    const tenant = {} as Tenant;
    const compute = vi.fn(() => [1]);
    keptListing(request(tenant, '$top=2'), compute);
    keptListing(request(tenant, '$top=3'), compute);
    keptListing(request(tenant, '$top=2', { caller: max }), compute);
    keptListing(
      request(tenant, '$top=2', { caller: { ...helen, scopes: ['User.ReadBasic.All'] } }),
      compute,
    );
    keptListing(request(tenant, '$top=2', { headers: { consistencylevel: 'eventual' } }), compute);
    keptListing(request({} as Tenant, '$top=2'), compute);
    expect(compute).toHaveBeenCalledTimes(6);
  });

  it('is dropped when the tenant may change, and after the minute it was computed in', () => {
    const tenant = {} as Tenant;
    const compute = vi.fn(() => [1]);
    keptListing(request(tenant, ''), compute);
    tenantChanging(tenant);
    keptListing(request(tenant, ''), compute);
    expect(compute).toHaveBeenCalledTimes(2);
    keptListing(request(tenant, '', { now: 11 * MINUTE - 1 }), compute);
    expect(compute).toHaveBeenCalledTimes(2);
    keptListing(request(tenant, '', { now: 11 * MINUTE }), compute);
    expect(compute).toHaveBeenCalledTimes(3);
  });

  it('keeps no error: a query that failed is computed again', () => {
    const tenant = {} as Tenant;
    const compute = vi
      .fn<() => number[]>()
      .mockImplementationOnce(() => {
        throw new Error('bad filter');
      })
      .mockReturnValue([1]);
    expect(() => keptListing(request(tenant, ''), compute)).toThrow('bad filter');
    expect(keptListing(request(tenant, ''), compute)).toEqual([1]);
  });
});
