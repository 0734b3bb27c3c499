import { expect, test, type Page } from './support/test';
import { expectAccessible } from './support/axe';
import { ACCOUNTS, signIn } from './support/demo';

/** Serves the demo's config.json changed by `change`, as a deployment with mistakes would. */
async function serveConfig(page: Page, change: (config: Record<string, unknown>) => void) {
  await page.route('**/config.json', async (route) => {
    const response = await route.fetch();
    const config = (await response.json()) as Record<string, unknown>;
    change(config);
    await route.fulfill({ response, json: config });
  });
}

test('a wrong config.json stops TAP Desk with a page naming each field and how it should look', async ({
  page,
  baseURL,
}) => {
  await serveConfig(page, (config) => {
    (config.auth as Record<string, unknown>).clientId = '<application (client) id>';
    delete (config.graph as Record<string, unknown>).baseUrl;
  });
  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TAP Desk could not start');
  await expect(page.getByRole('alert')).toContainText('config.json, has 2 problems');
  const problems = page
    .getByRole('list', { name: 'Problems in config.json' })
    .getByRole('listitem');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText(
    'auth.clientId is "<application (client) id>", not a GUID.',
  );
  await expect(problems.nth(0)).toContainText(
    'the Application (client) ID of the TAP Desk app registration, a GUID',
  );
  await expect(problems.nth(0)).toContainText('"2b1f6c7a-9d3e-4f8a-b5c1-7e6d4a3b2c10"');
  await expect(problems.nth(1)).toContainText('graph.baseUrl is missing.');
  await expect(problems.nth(1)).toContainText('"https://graph.microsoft.com/v1.0"');
  await expect(page.getByText(`${baseURL}/config.json`)).toBeVisible();
  await expect(page.getByText('docs/configuration.md')).toBeVisible();
  // Nothing of the app started: no sign-in button, no MSAL.
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);

  await expectAccessible(page);
});

test('a missing config.json is said plainly', async ({ page }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }),
  );
  await page.goto('/');
  await expect(page.getByRole('alert')).toHaveText(
    'It could not load its configuration file, config.json: the server answered 404 Not Found.',
  );
  await expectAccessible(page);
});

test('a host answering config.json with a web page is recognised', async ({ page }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>TAP Desk</title>' }),
  );
  await page.goto('/');
  await expect(page.getByRole('alert')).toHaveText(
    'Its configuration file, config.json, is not valid JSON.',
  );
  await expect(page.getByText(/sent a web page instead/)).toBeVisible();
});

test("a link that is not Microsoft's stops TAP Desk until allowNonMicrosoftHosts names it, and then every page says so", async ({
  page,
}) => {
  const intranet = 'https://intranet.contoso.com/passwordless';
  await serveConfig(page, (config) => {
    config.registrationUrl = intranet;
  });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('config.json, has 1 problem');
  await expect(
    page.getByRole('list', { name: 'Problems in config.json' }).getByRole('listitem'),
  ).toContainText(
    "registrationUrl is on intranet.contoso.com, which is not Microsoft's security info page (aka.ms, mysignins.microsoft.com); to use it anyway, name it in allowNonMicrosoftHosts.",
  );

  await page.unrouteAll();
  await serveConfig(page, (config) => {
    config.registrationUrl = intranet;
    config.allowNonMicrosoftHosts = ['intranet.contoso.com'];
  });
  const notice = page.getByRole('note', { name: "Hosts that are not Microsoft's" });
  await page.goto('/');
  await expect(notice).toContainText(
    'allowNonMicrosoftHosts: intranet.contoso.com (the registration link and QR code)',
  );
  await expectAccessible(page);
  await signIn(page, ACCOUNTS.helpdesk);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(notice).toBeVisible();
  await expectAccessible(page);
});
