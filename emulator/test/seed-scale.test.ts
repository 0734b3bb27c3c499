import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PILOT_GROUP_ID } from '../constants';
import { transitiveUserIds } from '../directory';
import type { Tenant } from '../model';
import { createTenant } from '../seed/tenant';
import { DEFAULT_SETTINGS } from '../settings';

const NOW = Date.parse('2026-11-20T09:00:00Z');

function digest(tenant: Tenant): string {
  const json = JSON.stringify(tenant, (_key, value: unknown) =>
    value instanceof Map ? [...value] : value,
  );
  return createHash('sha256').update(json).digest('hex');
}

describe('a large seeded tenant', () => {
  // 150,000 users with a 100,000-member pilot take a few seconds (docs/emulator-scale.md);
  // 6,000 proves the same code path deterministic without slowing the suite.
  const settings = { ...DEFAULT_SETTINGS, userCount: 6_000, pilotSize: 4_000 };

  it('is byte for byte the same every time it is generated', () => {
    const first = createTenant(settings, NOW);
    expect(first.users).toHaveLength(6_000);
    expect(new Set(first.users.map((u) => u.userPrincipalName)).size).toBe(6_000);
    expect(transitiveUserIds(first, PILOT_GROUP_ID).size).toBe(4_000);
    expect(digest(createTenant(settings, NOW))).toBe(digest(first));
  });
});
