import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { CATALOGS } from './catalogs';
import { flattenCatalogs } from '../i18n/catalog';
import { LOCALES } from '../i18n/locales';

/** The names a message's arguments use, and the tags it wraps text in, however deeply nested. */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    found.add(element.type === TYPE.tag ? `<${element.value}>` : element.value);
    if (element.type === TYPE.tag) argumentsOf(element.children, found);
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
  }
  return found;
}

const sorted = (set: Set<string>) => [...set].sort();

describe('message catalogs', () => {
  it('are found for every folder that keeps one', () => {
    const namespaces = CATALOGS.map((catalog) => catalog.namespace);
    expect(namespaces).toEqual(expect.arrayContaining(['app', 'components', 'i18n']));
    expect(new Set(namespaces).size).toBe(namespaces.length);
  });

  it.each(LOCALES)('flatten without two modules claiming one id (%s)', (locale) => {
    expect(() => flattenCatalogs(CATALOGS, locale)).not.toThrow();
  });

  describe.each(CATALOGS.map((catalog) => [catalog.namespace, catalog] as const))(
    '%s',
    (_, catalog) => {
      it('has every English key in every language, and nothing more', () => {
        const english = Object.keys(catalog.messages.en).sort();
        for (const locale of LOCALES) {
          expect(Object.keys(catalog.messages[locale]).sort(), locale).toEqual(english);
        }
      });

      it('has no empty message, and every one parses as ICU with the same arguments as English', () => {
        for (const [key, english] of Object.entries(catalog.messages.en)) {
          const expected = sorted(argumentsOf(parse(english)));
          for (const locale of LOCALES) {
            const message = catalog.messages[locale][key] ?? '';
            expect(message.trim(), `${locale} ${key}`).not.toBe('');
            expect(sorted(argumentsOf(parse(message))), `${locale} ${key}`).toEqual(expected);
          }
        }
      });
    },
  );
});
