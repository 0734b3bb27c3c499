/**
 * With a German browser the interface is German, from the sign-in button to the handover (the
 * emulator's sign-in page stands in for Microsoft's and stays English); the pass is spelled with
 * DIN 5009 words; the language switch turns it English, and the choice survives a reload.
 */
import { expectAccessible } from './support/axe';
import {
  ACCOUNTS,
  fillVerification,
  KNOWN_PASS,
  KNOWN_PASS_IN_DIN_5009,
  resetEmulator,
  serveKnownPass,
  signIn,
  signInHere,
} from './support/demo';
import { expect, test } from './support/test';

const SIOBHAN = "Siobhán O'Brien";

test.use({ locale: 'de-DE' });

test.beforeEach(async ({ request }) => {
  await resetEmulator(request);
});

test('a German browser gets a German interface, and English is one switch away', async ({
  page,
}) => {
  // The whole walk, sign-in to handover and back to English, in one test: it is a long one.
  test.slow();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('button', { name: 'Anmelden' })).toBeVisible();
  await expectAccessible(page);
  await signInHere(page, ACCOUNTS.helpdesk, 'Anmelden');

  await expect(page.getByRole('heading', { level: 1, name: 'Helpdesk' })).toBeVisible();
  await page.getByLabel('Person suchen').fill('siobh');
  await expect(page.getByText('1 gefunden')).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole('list', { name: 'Suchergebnisse' })
    .getByRole('link', { name: SIOBHAN })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: SIOBHAN })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Zurück zur Suche' })).toBeVisible();

  await serveKnownPass(page);
  await page.getByRole('button', { name: 'Temporären Zugriffspass ausstellen' }).click();
  await fillVerification(page, 'de');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Pass ausstellen' }).click();

  const handover = page.getByRole('dialog', { name: `Temporärer Zugriffspass für ${SIOBHAN}` });
  await expect(handover).toBeVisible();
  await expect(handover.getByRole('heading', { name: 'Der Pass' })).toBeVisible();
  await expect(handover.getByRole('heading', { name: 'Vorlesen' })).toBeVisible();
  await expect(handover.getByText(/^Gültig bis /)).toBeVisible();
  await expect(page.getByTestId('pass-char-spoken')).toHaveText(KNOWN_PASS_IN_DIN_5009);
  // The caller's steps: a helpdesk cannot read the passkey policy, so the passkey is suggested.
  const passkey = handover.getByRole('radio', {
    name: 'Hauptschlüssel (Passkey) in Authenticator (Phishing-resistent)',
  });
  await expect(passkey).toBeChecked();
  await expect(handover.getByText(/kann die Passkey-Richtlinie nicht lesen/)).toBeVisible();
  const script = handover.getByTestId('handover-script');
  await expect(script).toContainText('Installieren Sie Microsoft Authenticator');
  await expect(script).toContainText('Erstellen Sie auf Nachfrage den Hauptschlüssel (Passkey)');
  await expect(
    handover.getByRole('img', { name: 'QR-Code für https://aka.ms/authapp' }),
  ).toBeVisible();
  await handover.getByRole('radio', { name: 'Telefonanmeldung' }).check();
  await expect(script).toHaveAttribute('data-goal', 'phoneSignIn');
  await expect(script).toContainText('Anmeldemethode hinzufügen › Authenticator-App');
  await expect(script).toContainText('„Telefonanmeldung aktivieren“');
  await expect(
    handover.getByRole('heading', { name: 'Fortschritt zur kennwortlosen Anmeldung' }),
  ).toBeVisible();
  await expect(handover.getByTestId('onboarding-stage')).toHaveText(/^Aktueller Stand: /);
  await expect(handover.getByText(/^Nachweis in der TAP Desk-Liste gespeichert/)).toBeVisible();
  await expectAccessible(page);
  await handover.getByRole('button', { name: 'Übergabe schließen' }).click();
  await expect(handover).toBeHidden();
  // The user page's panels: the pass just issued, and the methods.
  await expect(page.getByRole('table', { name: 'Details zum Pass' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pass widerrufen' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Weitere Methoden' })).toBeVisible();

  await page.getByRole('button', { name: 'Sprache: Deutsch' }).click();
  await page.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Issue a Temporary Access Pass' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to search' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('link', { name: 'Back to search' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Language: English' })).toBeVisible();
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain(KNOWN_PASS);
});

test('the audit record speaks German too: headings, anomalies, toolbar, the grid’s own words and the CSV', async ({
  page,
}) => {
  // The seed's history spans three weeks; this range holds all of it.
  const day = (daysAgo: number) =>
    new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  await signIn(
    page,
    ACCOUNTS.auditor,
    `/audit?from=${day(25)}&to=${day(0)}&activity=all`,
    'Anmelden',
  );

  await expect(
    page.getByRole('heading', { level: 1, name: 'Überwachungsprotokoll' }),
  ).toBeVisible();
  const grid = page.getByRole('grid', { name: /^Ausstellungsprotokoll: Alle TAP-Aktivitäten/ });
  await expect(grid.getByRole('columnheader')).toHaveText([
    'Details',
    'Zeitpunkt',
    'Aktivität',
    'Ausgeführt von',
    'Ziel',
    'Überprüfung',
    'Auffälligkeiten',
  ]);
  // A pass issued in the Entra admin center: no verification record, said in German.
  await page.getByRole('radio', { name: /^Kein Überprüfungsdatensatz/ }).click();
  await expect(grid.getByText('Kein Überprüfungsdatensatz').first()).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: /^TAP erstellt/ }).first()).toBeVisible();
  // The toolbar's buttons, and the Data Grid's own words from its German locale pack.
  await expect(page.getByRole('button', { name: 'Spalten' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Zeilenhöhe' })).toBeVisible();
  await expect(page.getByText('Zeilen pro Seite:')).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV herunterladen' }).click(),
  ]);
  const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  const [header, first] = csv.replace(/^\uFEFF/, '').split('\r\n');
  expect(header).toBe(
    '"Zeitpunkt","Aktivität","Ausgeführt von","Ziel","Überprüfung","Auffälligkeiten"',
  );
  // Instants stay ISO 8601 whatever the language.
  expect(first).toMatch(/^"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z","TAP erstellt/);
});
