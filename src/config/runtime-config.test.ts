import demo from '../../demo/config.json';
import { ConfigError, parseRuntimeConfig } from './runtime-config';

const ORIGIN = 'https://localhost:5173';

describe('runtime configuration', () => {
  it('accepts the shipped demo configuration and resolves its URLs against the origin', () => {
    const config = parseRuntimeConfig(demo, ORIGIN);
    expect(config.auth.authority).toBe(`${ORIGIN}/login/8f3c2a1e-5b7d-4c6e-9a2f-0d1b3c5e7f90/v2.0`);
    expect(config.auth.knownAuthorities).toEqual(['localhost:5173']);
    expect(config.auth.redirectUri).toBe(`${ORIGIN}/redirect.html`);
    expect(config.graph.baseUrl).toBe(`${ORIGIN}/graph/v1.0`);
  });

  it('resolves relative URLs under the path the build is served from', () => {
    const config = parseRuntimeConfig(demo, `${ORIGIN}/it/tapdesk/`);
    expect(config.auth.redirectUri).toBe(`${ORIGIN}/it/tapdesk/redirect.html`);
    expect(config.auth.postLogoutRedirectUri).toBe(`${ORIGIN}/it/tapdesk/`);
    // Absolute paths stay absolute: the demo's emulator lives at the origin's root.
    expect(config.auth.authority).toBe(`${ORIGIN}/login/8f3c2a1e-5b7d-4c6e-9a2f-0d1b3c5e7f90/v2.0`);
  });

  it('points at a real tenant by configuration alone', () => {
    const config = parseRuntimeConfig(
      {
        ...demo,
        auth: {
          clientId: '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a',
          reportsClientId: '5c4b3a29-1807-4f6e-9d5c-4b3a29180706',
          authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
          protocolMode: 'AAD',
        },
        graph: { baseUrl: 'https://graph.microsoft.com/v1.0' },
      },
      ORIGIN,
    );
    expect(config.auth).toMatchObject({ protocolMode: 'AAD', knownAuthorities: [] });
    expect(config.graph.baseUrl).toBe('https://graph.microsoft.com/v1.0');
  });

  it('refuses an authority MSAL would refuse, with a message naming the field', () => {
    expect(() =>
      parseRuntimeConfig(
        { ...demo, auth: { ...demo.auth, authority: 'http://idp.test/tenant' } },
        ORIGIN,
      ),
    ).toThrow(/auth.authority must use https/);
  });

  it('refuses lifetime bounds the TAP API cannot honour', () => {
    const tap = {
      ...demo.tap,
      fallbackPolicy: { ...demo.tap.fallbackPolicy, minimumLifetimeInMinutes: 500 },
    };
    expect(() => parseRuntimeConfig({ ...demo, tap }, ORIGIN)).toThrow(ConfigError);
  });
});
