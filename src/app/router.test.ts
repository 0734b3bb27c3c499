import { appBasename } from './router';

describe('router base path', () => {
  it('follows the base path the build was made for', () => {
    expect(appBasename('/')).toBe('/');
    expect(appBasename('/it/tapdesk/')).toBe('/it/tapdesk');
  });
});
