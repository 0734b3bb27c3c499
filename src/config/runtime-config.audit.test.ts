import demo from '../../demo/config.json';
import { ConfigError, parseRuntimeConfig } from './runtime-config';

const ORIGIN = 'https://localhost:5173';

describe('runtime configuration: audit', () => {
  it('reads the shipped audit settings', () => {
    expect(parseRuntimeConfig(demo, ORIGIN).audit).toEqual({
      retentionDays: 30,
      matchWindowMinutes: 10,
      defaultRangeDays: 7,
    });
  });

  it('falls back to P1/P2 retention when a deployment has no audit block', () => {
    const withoutAudit: Partial<typeof demo> = { ...demo };
    delete withoutAudit.audit;
    expect(parseRuntimeConfig(withoutAudit, ORIGIN).audit.retentionDays).toBe(30);
  });

  it('accepts a Free tenant’s 7 days and refuses nonsense, naming the field', () => {
    const free = { ...demo, audit: { ...demo.audit, retentionDays: 7 } };
    expect(parseRuntimeConfig(free, ORIGIN).audit.retentionDays).toBe(7);
    const broken = { ...demo, audit: { ...demo.audit, matchWindowMinutes: 0 } };
    expect(() => parseRuntimeConfig(broken, ORIGIN)).toThrow(ConfigError);
    expect(() => parseRuntimeConfig(broken, ORIGIN)).toThrow(/audit.matchWindowMinutes/);
  });
});
