import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defineCatalog } from './catalog';
import { LanguageSwitch } from './language-switch';
import { LANGUAGE_STORAGE_KEY } from './locales';
import { messages as switchMessages } from './messages';
import { formattingLocale, I18nProvider } from './provider';
import { useMessages } from './use-messages';

const greeting = defineCatalog(
  'test',
  { members: '{count, plural, one {# member} other {# members}}' },
  { members: '{count, plural, one {# Mitglied} other {# Mitglieder}}' },
);

function Members(props: { count: number }) {
  const { t, intl } = useMessages(greeting);
  return (
    <p>
      {t('members', { count: props.count })} · {intl.formatNumber(1234.5)}
    </p>
  );
}

function renderWithBrowser(languages: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
  return render(
    <I18nProvider catalogs={[greeting, switchMessages]}>
      <LanguageSwitch />
      <Members count={1} />
      <Members count={2400} />
    </I18nProvider>,
  );
}

afterEach(() => {
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('the interface language', () => {
  it('follows the browser, with German plurals and German numbers', () => {
    renderWithBrowser(['de-DE', 'en']);
    expect(screen.getByText('1 Mitglied · 1.234,5')).toBeInTheDocument();
    expect(screen.getByText('2.400 Mitglieder · 1.234,5')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de');
  });

  it('switches to English and remembers the choice on this device', async () => {
    const user = userEvent.setup();
    renderWithBrowser(['de-DE']);
    await user.click(screen.getByRole('button', { name: 'Sprache: Deutsch' }));
    await user.click(screen.getByRole('menuitemradio', { name: 'English' }));
    expect(screen.getByText('2,400 members · 1,234.5')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('starts in the remembered language whatever the browser prefers', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');
    renderWithBrowser(['en-US']);
    expect(screen.getByRole('button', { name: 'Sprache: Deutsch' })).toBeInTheDocument();
  });

  it('formats dates and numbers in the regional form of the chosen language', () => {
    expect(formattingLocale('en', ['de-DE', 'en-GB'])).toBe('en-GB');
    expect(formattingLocale('de', ['en-US'])).toBe('de');
  });
});
