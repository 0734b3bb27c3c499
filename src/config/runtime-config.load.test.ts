import { afterEach, vi } from 'vitest';
import demo from '../../demo/config.json';
import { ConfigError, configFileUrl, loadRuntimeConfig } from './runtime-config';

const BASE = 'https://localhost:5173/tapdesk/';

function serve(body: string, status = 200) {
  const fetch = vi.fn(async () => new Response(body, { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

async function failure(load: Promise<unknown>): Promise<ConfigError> {
  const error = await load.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loading config.json', () => {
  it('reads config.json under the base path, uncached', async () => {
    const fetch = serve(JSON.stringify(demo));
    const config = await loadRuntimeConfig(BASE);
    expect(fetch).toHaveBeenCalledWith('https://localhost:5173/tapdesk/config.json', {
      cache: 'no-store',
    });
    expect(config.auth.redirectUri).toBe('https://localhost:5173/tapdesk/redirect.html');
    expect(configFileUrl(BASE)).toBe('https://localhost:5173/tapdesk/config.json');
  });

  it('says when the file is not there, with the status and where it looked', async () => {
    serve('Not Found', 404);
    const error = await failure(loadRuntimeConfig(BASE));
    expect(error).toMatchObject({
      reason: 'unavailable',
      status: 404,
      url: 'https://localhost:5173/tapdesk/config.json',
    });
  });

  it('says when the server cannot be reached at all', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const error = await failure(loadRuntimeConfig(BASE));
    expect(error).toMatchObject({ reason: 'unavailable', status: undefined });
  });

  it('says when the file is not JSON, and when the host answered with a web page instead', async () => {
    serve('{ "tenantName": "Contoso", }');
    const broken = await failure(loadRuntimeConfig(BASE));
    expect(broken).toMatchObject({ reason: 'not-json', looksLikeHtml: false });
    serve('<!doctype html><html><body><div id="root"></div></body></html>');
    const page = await failure(loadRuntimeConfig(BASE));
    expect(page).toMatchObject({ reason: 'not-json', looksLikeHtml: true });
  });

  it('reports every problem with the address it read, and hands on what it ignores', async () => {
    serve(JSON.stringify({ ...demo, auth: { ...demo.auth, clientId: 'abc' }, graph: {} }));
    const error = await failure(loadRuntimeConfig(BASE));
    expect(error.reason).toBe('invalid');
    expect(error.url).toBe('https://localhost:5173/tapdesk/config.json');
    expect(error.problems.map((p) => p.field)).toEqual(['auth.clientId', 'graph.baseUrl']);

    serve(JSON.stringify({ ...demo, theme: 'dark' }));
    const onWarnings = vi.fn();
    await loadRuntimeConfig(BASE, onWarnings);
    expect(onWarnings).toHaveBeenCalledWith([expect.objectContaining({ field: 'theme' })]);
  });
});
