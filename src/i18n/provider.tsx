import { createContext, use, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, type IntlConfig } from 'react-intl';
import { flattenCatalogs, type Catalog } from './catalog';
import { negotiateLocale, rememberLocale, storedLocale, type Locale } from './locales';

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleState | null>(null);

/** The interface language and a way to change it; the choice is remembered on this device. */
export function useLocale(): LocaleState {
  const state = use(LocaleContext);
  if (!state) throw new Error('useLocale must be used inside an I18nProvider');
  return state;
}

function localStorageOrUndefined(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The regional form of the chosen language that dates and numbers follow: an English speaker in
 * Britain gets 29/11/2026, one in the US 11/29/2026, from the browser's own list.
 */
export function formattingLocale(locale: Locale, preferred: readonly string[]): string {
  return (
    preferred.find((tag) => tag.toLowerCase().split('-')[0] === locale && tag.includes('-')) ??
    locale
  );
}

const reportError: NonNullable<IntlConfig['onError']> = (error) => {
  // A missing or broken message shows its id; say so where developers look, never to users.
  if (import.meta.env.DEV) console.error(error.message); // eslint-disable-line no-console
};

/**
 * Every catalog in the chosen language. The language is the person's choice on this device, else
 * the browser's, else English; <html lang> follows it so screen readers pronounce the page right.
 */
export function I18nProvider(props: {
  catalogs: readonly Catalog[];
  /** Tests and stories fix the language instead of reading the browser's. */
  locale?: Locale;
  /** Tests make a missing message fail loudly. */
  onError?: IntlConfig['onError'];
  children: ReactNode;
}) {
  const [locale, setLocaleState] = useState<Locale>(
    () =>
      props.locale ??
      storedLocale(localStorageOrUndefined()) ??
      negotiateLocale(navigator.languages),
  );
  const messages = useMemo(() => flattenCatalogs(props.catalogs, locale), [props.catalogs, locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const state = useMemo<LocaleState>(
    () => ({
      locale,
      setLocale(next) {
        rememberLocale(localStorageOrUndefined(), next);
        setLocaleState(next);
      },
    }),
    [locale],
  );
  return (
    <LocaleContext value={state}>
      <IntlProvider
        locale={formattingLocale(locale, navigator.languages)}
        defaultLocale="en"
        messages={messages}
        onError={props.onError ?? reportError}
      >
        {props.children}
      </IntlProvider>
    </LocaleContext>
  );
}
