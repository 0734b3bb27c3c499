import demo from '../../demo/config.json';
import { ConfigError, parseRuntimeConfig } from './runtime-config';

const ORIGIN = 'https://localhost:5173';

describe('runtime configuration: pilot', () => {
  it('ships the demo pilot group and the stall thresholds', () => {
    expect(parseRuntimeConfig(demo, ORIGIN).pilot).toEqual({
      groups: [{ id: '5a0c7e21-3f4b-4d6a-8e9c-1b2d3f4a5c60', displayName: 'Passwordless Pilot' }],
      stalledAfterHours: 48,
      noTapAfterDays: 7,
    });
  });

  it('refuses a group id that is not an object id, naming the entry', () => {
    const broken = {
      ...demo,
      pilot: { ...demo.pilot, groups: [{ id: '../users', displayName: 'Oops' }] },
    };
    expect(() => parseRuntimeConfig(broken, ORIGIN)).toThrow(ConfigError);
    expect(() => parseRuntimeConfig(broken, ORIGIN)).toThrow(/pilot.groups\[0\].id/);
  });

  it('refuses groups that are not a list, and accepts none at all', () => {
    const notList = { ...demo, pilot: { ...demo.pilot, groups: { id: 'x' } } };
    expect(() => parseRuntimeConfig(notList, ORIGIN)).toThrow(
      /pilot.groups is an object, not a list/,
    );
    const none: Record<string, unknown> = { ...demo.pilot };
    delete none.groups;
    expect(parseRuntimeConfig({ ...demo, pilot: none }, ORIGIN).pilot.groups).toEqual([]);
  });
});
