import { render, screen, within } from '@testing-library/react';
import { onTestFinished } from 'vitest';
import demo from '../../demo/config.json';
import { BootFailure, BootFailurePage } from './boot-failure';
import { ConfigError, parseRuntimeConfig } from './runtime-config';
import { renderWithHarness } from '../testing/harness';
import { LANGUAGE_STORAGE_KEY } from '../i18n/locales';

const CONFIG_URL = 'https://tapdesk.contoso.com/it/config.json';

function invalid(raw: unknown): ConfigError {
  try {
    // The demo's file, where the demo runs: its emulator on localhost is trusted there only.
    parseRuntimeConfig(raw, 'https://localhost:5173/it/');
  } catch (error) {
    if (error instanceof ConfigError) return error;
  }
  throw new Error('expected a ConfigError');
}

describe('BootFailure', () => {
  it('lists each field with what is wrong, what it should be and an example', async () => {
    const error = invalid({ ...demo, auth: { ...demo.auth, clientId: 'abc' }, graph: {} });
    error.url = CONFIG_URL;
    await renderWithHarness(<BootFailure error={error} configUrl="unused" />);

    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('TAP Desk could not start');
    expect(screen.getByRole('alert')).toHaveTextContent('config.json, has 2 problems');

    const items = within(
      screen.getByRole('list', { name: 'Problems in config.json' }),
    ).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const [clientId, graph] = items as [HTMLElement, HTMLElement];
    expect(clientId).toHaveTextContent('auth.clientId is "abc", not a GUID.');
    expect(
      within(clientId)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['Should be', 'Example']);
    expect(clientId).toHaveTextContent(
      'Should bethe Application (client) ID of the TAP Desk app registration, a GUID',
    );
    expect(clientId).toHaveTextContent('Example"2b1f6c7a-9d3e-4f8a-b5c1-7e6d4a3b2c10"');
    expect(graph).toHaveTextContent('graph.baseUrl is missing.');
    expect(graph).toHaveTextContent('"https://graph.microsoft.com/v1.0"');

    // Where it looked, and where every field is explained.
    expect(screen.getByText(CONFIG_URL)).toBeInTheDocument();
    expect(screen.getByText('docs/configuration.md')).toBeInTheDocument();
  });

  it('says plainly when config.json is not there', async () => {
    const error = new ConfigError('unavailable', 'missing', { status: 404 });
    await renderWithHarness(<BootFailure error={error} configUrl={CONFIG_URL} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'It could not load its configuration file, config.json: the server answered 404 Not Found.',
    );
    expect(screen.getByText(/beside/)).toHaveTextContent(
      'Put your config.json beside index.html on the web server',
    );
    expect(screen.getByText(CONFIG_URL)).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('says when the server could not be reached', async () => {
    await renderWithHarness(
      <BootFailure error={new ConfigError('unavailable', 'offline')} configUrl={CONFIG_URL} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('the request did not reach the server');
  });

  it('says plainly when config.json is not JSON, and when a web page came instead', async () => {
    const broken = new ConfigError('not-json', 'x', {
      looksLikeHtml: false,
      detail: 'Expected double-quoted property name in JSON at position 27',
    });
    const { unmount } = await renderWithHarness(
      <BootFailure error={broken} configUrl={CONFIG_URL} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Its configuration file, config.json, is not valid JSON.',
    );
    expect(screen.getByText(/position 27/)).toBeInTheDocument();
    unmount();

    const page = new ConfigError('not-json', 'x', { looksLikeHtml: true });
    await renderWithHarness(<BootFailure error={page} configUrl={CONFIG_URL} />);
    expect(screen.getByText(/sent a web page/)).toHaveTextContent(
      'config.json is probably not deployed, and the host answers unknown addresses with index.html',
    );
  });

  it('shows any other start-up failure with its message', async () => {
    await renderWithHarness(<BootFailure error={new Error('MSAL broke')} configUrl={CONFIG_URL} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Something went wrong while it was starting: MSAL broke',
    );
    expect(screen.getByText(CONFIG_URL)).toBeInTheDocument();
  });

  it('speaks German to whoever chose German, field problems included, outside the app as main.tsx renders it', async () => {
    const error = invalid({ ...demo, auth: { ...demo.auth, clientId: 'abc' } });
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');
    onTestFinished(() => localStorage.removeItem(LANGUAGE_STORAGE_KEY));
    render(<BootFailurePage error={error} configUrl={CONFIG_URL} />);
    expect(document.documentElement).toHaveAttribute('lang', 'de');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'TAP Desk konnte nicht starten',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('config.json hat 1 Problem.');
    const list = screen.getByRole('list', { name: 'Probleme in config.json' });
    expect(list).toHaveTextContent('auth.clientId ist "abc", keine GUID.');
    expect(
      within(list)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['Erwartet', 'Beispiel']);
    expect(within(list).getAllByRole('definition')[0]).toHaveTextContent(
      'die Anwendungs-ID (Client) der App-Registrierung TAP Desk, eine GUID',
    );
  });
});
