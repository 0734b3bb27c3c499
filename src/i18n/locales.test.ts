import { LANGUAGE_STORAGE_KEY, negotiateLocale, rememberLocale, storedLocale } from './locales';

describe('choosing the interface language', () => {
  it("follows the browser's first language that TAP Desk speaks, regional forms included", () => {
    expect(negotiateLocale(['de-AT', 'en-GB'])).toBe('de');
    expect(negotiateLocale(['fr-FR', 'DE'])).toBe('de');
    expect(negotiateLocale(['en-US', 'de-DE'])).toBe('en');
  });

  it('falls back to English when the browser asks for nothing TAP Desk speaks', () => {
    expect(negotiateLocale(['fr-FR', 'nl'])).toBe('en');
    expect(negotiateLocale([])).toBe('en');
  });

  it('keeps a choice and ignores what it does not know, or storage it may not use', () => {
    const storage = new Map<string, string>();
    const fake = {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    };
    rememberLocale(fake, 'de');
    expect(storedLocale(fake)).toBe('de');
    storage.set(LANGUAGE_STORAGE_KEY, 'klingon');
    expect(storedLocale(fake)).toBeUndefined();
    const blocked = {
      getItem: (): string | null => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    expect(storedLocale(blocked)).toBeUndefined();
    expect(() => rememberLocale(blocked, 'en')).not.toThrow();
  });
});
