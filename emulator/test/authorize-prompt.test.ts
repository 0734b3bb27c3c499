import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../seed/people';
import {
  authorizeUrl,
  formAction,
  pkcePair,
  signInInteractively,
  startTestEmulator,
  type TestEnv,
} from './support';

/*
 * The account picker follows `prompt` and `login_hint` as Entra documents them
 * (learn.microsoft.com/entra/identity-platform/msal-js-prompt-behavior): none never shows a
 * page, login and select_account always do, consent asks for consent after sign-in.
 */

const [helen, marcus] = [DEMO_ACCOUNTS[0]!, DEMO_ACCOUNTS[1]!];
let env: TestEnv;
let helensCookie: string;

beforeAll(async () => {
  env = await startTestEmulator();
  helensCookie = (await signInInteractively(env, helen.userPrincipalName)).cookie;
});
afterAll(() => env.close());

function authorize(params: Record<string, string>, cookie?: string) {
  const { challenge } = pkcePair();
  const url = authorizeUrl(env, {
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...params,
  });
  return { url, response: env.fetch(url, cookie ? { headers: { Cookie: cookie } } : {}) };
}

/** The answer in the redirect: code or error, and the state. */
async function answerOf(response: Promise<Response>) {
  const answer = await response;
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location') ?? '').searchParams;
}

/** The picker's account buttons, in order, and the one that takes the focus. */
async function pickerOf(response: Promise<Response>) {
  const page = await response;
  expect(page.status).toBe(200);
  const html = await page.text();
  const buttons = [...html.matchAll(/<button class="account"[^>]*value="([^"]+)"([^>]*)>/g)];
  return {
    html,
    accounts: buttons.map((b) => b[1]),
    focused: buttons.filter((b) => b[2]?.includes('autofocus')).map((b) => b[1]),
    username: /id="username"[^>]*value="([^"]*)"/.exec(html)?.[1],
  };
}

describe('prompt', () => {
  it('none signs the live session in without a page, and refuses without one', async () => {
    expect(
      (await answerOf(authorize({ prompt: 'none' }, helensCookie).response)).get('code'),
    ).toBeTruthy();
    const refused = await answerOf(authorize({ prompt: 'none' }).response);
    expect(refused.get('error')).toBe('login_required');
    expect(refused.get('code')).toBeNull();
    expect(refused.get('state')).toBe('state-1');
  });

  it('none with a login_hint for someone else than the session refuses: no silent switch', async () => {
    const refused = await answerOf(
      authorize({ prompt: 'none', login_hint: marcus.userPrincipalName }, helensCookie).response,
    );
    expect(refused.get('error')).toBe('login_required');
    const same = await answerOf(
      authorize({ prompt: 'none', login_hint: helen.userPrincipalName.toUpperCase() }, helensCookie)
        .response,
    );
    expect(same.get('code')).toBeTruthy();
  });

  it.each(['login', 'select_account'])(
    '%s shows the picker even with a live session, and signs in whoever is picked',
    async (prompt) => {
      const { url, response } = authorize({ prompt }, helensCookie);
      const picker = await pickerOf(response);
      expect(picker.accounts).toContain(marcus.userPrincipalName);
      const signedIn = await env.fetch(formAction(picker.html, url), {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Cookie: helensCookie,
        },
        body: new URLSearchParams({ username: marcus.userPrincipalName }),
      });
      const answer = new URL(signedIn.headers.get('location') ?? '').searchParams;
      expect(answer.get('code')).toBeTruthy();
      expect(signedIn.headers.get('set-cookie')).toMatch(/^emu_sso=/);
      expect(signedIn.headers.get('set-cookie')).not.toContain(helensCookie.split('=')[1]);
    },
  );

  it('consent shows the picker, then "Need admin approval": users here may not consent', async () => {
    const { url, response } = authorize({ prompt: 'consent' }, helensCookie);
    const picker = await pickerOf(response);
    const approval = await env.fetch(formAction(picker.html, url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: helen.userPrincipalName }),
    });
    expect(approval.status).toBe(200);
    const html = await approval.text();
    expect(html).toContain('<h1>Need admin approval</h1>');
    const back = /<a href="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? '';
    const answer = new URL(back).searchParams;
    expect(answer.get('error')).toBe('access_denied');
    expect(answer.get('code')).toBeNull();
  });

  it.each(['create', 'bogus', 'login consent', ''])(
    "refuses the value '%s' with invalid_request, back to the app",
    async (prompt) => {
      const refused = await answerOf(authorize({ prompt }, helensCookie).response);
      expect(refused.get('error')).toBe('invalid_request');
      expect(refused.get('error_description')).toMatch(/^AADSTS\d+: .*'prompt'/);
      expect(refused.get('code')).toBeNull();
      expect(refused.get('state')).toBe('state-1');
    },
  );
});

describe('login_hint', () => {
  it('puts the hinted demo account first, focused, and fills the username box', async () => {
    const picker = await pickerOf(
      authorize({ login_hint: marcus.userPrincipalName.toUpperCase() }).response,
    );
    expect(picker.accounts[0]).toBe(marcus.userPrincipalName);
    expect(picker.focused).toEqual([marcus.userPrincipalName]);
    expect(picker.accounts).toHaveLength(DEMO_ACCOUNTS.length);
    expect(picker.username).toBe(marcus.userPrincipalName.toUpperCase());
  });

  it('fills the username box for anyone else, and focuses no account without a hint', async () => {
    const other = await pickerOf(authorize({ login_hint: 'someone@example.org' }).response);
    expect(other.focused).toEqual([]);
    expect(other.username).toBe('someone@example.org');
    const none = await pickerOf(authorize({}).response);
    expect(none.focused).toEqual([]);
    expect(none.accounts).toEqual(DEMO_ACCOUNTS.map((a) => a.userPrincipalName));
    expect(none.username).toBe('');
  });
});
