import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const ACCOUNTS = {
  helpdesk: { upn: 'helen.helpdesk@contoso.com', name: 'Helen Helpdesk' },
  seniorHelpdesk: { upn: 'sam.senior@contoso.com', name: 'Sam Senior Helpdesk' },
  helpdeskAdministrator: {
    upn: 'hugo.helpdeskadmin@contoso.com',
    name: 'Hugo Helpdesk Administrator',
  },
  manager: { upn: 'max.manager@contoso.com', name: 'Max Manager' },
  auditor: { upn: 'audrey.auditor@contoso.com', name: 'Audrey Auditor' },
  noRole: { upn: 'nadia.norole@contoso.com', name: 'Nadia No Role' },
} as const;

export type DemoAccount = (typeof ACCOUNTS)[keyof typeof ACCOUNTS];

/** Puts the shared emulator back to its seeded state, with optional settings. */
export async function resetEmulator(request: APIRequestContext, settings?: object) {
  const response = await request.post('/emulator/reset', { data: settings ?? {} });
  expect(response.ok()).toBe(true);
}

/**
 * Signs in through the real MSAL redirect: the app's Sign in button, the emulator's sign-in page,
 * and back. Starts at `path` so the person lands where they began.
 */
export async function signIn(
  page: Page,
  account: DemoAccount,
  path = '/',
  button: SignInButton = 'Sign in',
) {
  await page.goto(path);
  await signInHere(page, account, button);
}

/** The sign-in button as each interface language names it. */
type SignInButton = 'Sign in' | 'Anmelden';

/** Signs in from the signed-out page already open, through the emulator's sign-in page. */
export async function signInHere(page: Page, account: DemoAccount, button: SignInButton) {
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL(/\/login\/.*\/authorize/);
  await page.getByRole('button', { name: new RegExp(account.name) }).click();
  await expect(page.getByTestId('signed-in-as')).toHaveText(account.name);
}

/**
 * Signs out and waits until the sign-out's redirects are back at the signed-out page: a
 * navigation started sooner is aborted by them.
 */
export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
}

/** Finds a person with the helpdesk search and opens their page. */
export async function openUser(page: Page, person: { name: string; search: string }) {
  await page.getByLabel('Find a user').fill(person.search);
  await page
    .getByRole('list', { name: 'Search results' })
    .getByRole('link', { name: person.name })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
}

/** The issue form's verification fields, as each interface language labels them. */
const VERIFICATION_FORM = {
  en: {
    method: 'Verification method',
    ticket: 'Ticket reference',
    reason: 'Reason',
    because: 'New phone, first passwordless sign-in',
  },
  de: {
    method: 'Überprüfungsmethode',
    ticket: 'Ticketnummer',
    reason: 'Grund',
    because: 'Neues Telefon, erste kennwortlose Anmeldung',
  },
} as const;

/** Fills the issue form's verification: how the caller was verified, the ticket, the reason. */
export async function fillVerification(page: Page, language: 'en' | 'de' = 'en') {
  const form = VERIFICATION_FORM[language];
  const method = page.getByRole('combobox', { name: form.method });
  // The tenant's own words, from config.json: the same in every interface language.
  const choice = 'Called back on the number on file';
  // The form may re-render as it opens (a replace re-reads the pass), which can close the menu
  // under the click: open it again until the choice is made, then check it was.
  await expect(async () => {
    if (!(await page.getByRole('listbox').isVisible())) await method.click();
    await page.getByRole('option', { name: choice }).click({ timeout: 5_000 });
    await expect(method).toHaveText(choice, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByLabel(form.ticket).fill('INC0012345');
  await page.getByLabel(form.reason).fill(form.because);
}

/** Holds A, b and 7, as the spelling acceptance test asks, plus symbols Entra passes hold. */
export const KNOWN_PASS = 'Ab7+kZ9!';
/** KNOWN_PASS as DIN 5009:2022 spells it, with German case names. */
export const KNOWN_PASS_IN_DIN_5009 = [
  'groß Aachen',
  'klein berlin',
  'Ziffer sieben',
  'Plus',
  'klein köln',
  'groß Zwickau',
  'Ziffer neun',
  'Ausrufezeichen',
];

/**
 * Graph answers the issuing POST with a random pass; from now on this page gets KNOWN_PASS in its
 * place, so the spelling can be checked word by word. Everything else is Graph's answer.
 */
export async function serveKnownPass(page: Page) {
  await page.route(/\/temporaryAccessPassMethods$/, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    const response = await route.fetch();
    const body = (await response.json()) as Record<string, unknown>;
    await route.fulfill({ response, json: { ...body, temporaryAccessPass: KNOWN_PASS } });
  });
}
