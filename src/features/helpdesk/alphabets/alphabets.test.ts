import { spokenForm } from '../spelling';
import { ALPHABETS, defaultSpellingLanguage, SPELLING_LANGUAGES, spellingLanguageOf } from '.';

/**
 * Each standard's full table as published, letter by letter, written out independently of the
 * tables the app uses: a typo or a missing letter on either side fails.
 */
const PUBLISHED: Record<string, { letters: string; digits: string }> = {
  // ICAO Annex 10 Vol. II §5.2.1.3
  en: {
    letters:
      'A Alfa, B Bravo, C Charlie, D Delta, E Echo, F Foxtrot, G Golf, H Hotel, I India, J Juliett, K Kilo, L Lima, M Mike, N November, O Oscar, P Papa, Q Quebec, R Romeo, S Sierra, T Tango, U Uniform, V Victor, W Whiskey, X X-ray, Y Yankee, Z Zulu',
    digits: 'zero one two three four five six seven eight nine',
  },
  // DIN 5009:2022-06, Buchstabiertafel für Wirtschaft und Verwaltung
  de: {
    letters:
      'A Aachen, Ä Umlaut Aachen, B Berlin, C Chemnitz, D Düsseldorf, E Essen, F Frankfurt, G Goslar, H Hamburg, I Ingelheim, J Jena, K Köln, L Leipzig, M München, N Nürnberg, O Offenbach, Ö Umlaut Offenbach, P Potsdam, Q Quickborn, R Rostock, S Salzwedel, ß Eszett, T Tübingen, U Unna, Ü Umlaut Unna, V Völklingen, W Wuppertal, X Xanten, Y Ypsilon, Z Zwickau',
    digits: 'null eins zwo drei vier fünf sechs sieben acht neun',
  },
  fr: {
    letters:
      'A Anatole, B Berthe, C Célestin, D Désiré, E Eugène, F François, G Gaston, H Henri, I Irma, J Joseph, K Kléber, L Louis, M Marcel, N Nicolas, O Oscar, P Pierre, Q Quintal, R Raoul, S Suzanne, T Thérèse, U Ursule, V Victor, W William, X Xavier, Y Yvonne, Z Zoé',
    digits: 'zéro un deux trois quatre cinq six sept huit neuf',
  },
  nl: {
    letters:
      'A Anton, B Bernard, C Cornelis, D Dirk, E Eduard, F Ferdinand, G Gerard, H Hendrik, I Izaak, J Johannes, K Karel, L Lodewijk, M Maria, N Nico, O Otto, P Pieter, Q Quotiënt, R Rudolf, S Simon, T Teunis, U Utrecht, V Victor, W Willem, X Xantippe, Y Ypsilon, Z Zaandam',
    digits: 'nul een twee drie vier vijf zes zeven acht negen',
  },
  es: {
    letters:
      'A Antonio, B Barcelona, C Carmen, D Dolores, E Enrique, F Francia, G González, H Historia, I Inés, J José, K Kilo, L Lorenzo, M Madrid, N Navarra, Ñ Ñoño, O Oviedo, P París, Q Querido, R Ramón, S Sábado, T Tarragona, U Ulises, V Valencia, W Washington, X Xilófono, Y Yegua, Z Zaragoza',
    digits: 'cero uno dos tres cuatro cinco seis siete ocho nueve',
  },
  it: {
    letters:
      'A Ancona, B Bologna, C Como, D Domodossola, E Empoli, F Firenze, G Genova, H Hotel, I Imola, J i lunga, K kappa, L Livorno, M Milano, N Napoli, O Otranto, P Padova, Q Quarto, R Roma, S Savona, T Torino, U Udine, V Venezia, W vu doppia, X ics, Y ipsilon, Z Zara',
    digits: 'zero uno due tre quattro cinque sei sette otto nove',
  },
};

function table(letters: string): Record<string, string> {
  return Object.fromEntries(
    letters
      .split(', ')
      .map((entry) => [entry.slice(0, entry.indexOf(' ')), entry.slice(entry.indexOf(' ') + 1)]),
  );
}

const ASCII_SYMBOLS = Array.from({ length: 0x7f - 0x20 }, (_, i) =>
  String.fromCharCode(0x20 + i),
).filter((char) => !/[A-Za-z0-9]/.test(char));

describe.each(SPELLING_LANGUAGES)('the %s spelling alphabet', (lang) => {
  const alphabet = ALPHABETS[lang];
  const published = PUBLISHED[lang]!;

  it('has exactly the letters of the cited standard, A to Z and its extra letters', () => {
    expect(alphabet.letters).toEqual(table(published.letters));
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
      expect(alphabet.letters).toHaveProperty(letter);
  });

  it('has the digits 0 to 9 as the standard says them', () => {
    expect(alphabet.digits).toEqual(published.digits.split(' '));
  });

  it('names every symbol a pass can hold, and the space, in the language', () => {
    for (const char of ASCII_SYMBOLS) {
      expect(spokenForm(char, alphabet)).toBe(alphabet.symbols[char]);
      expect(alphabet.symbols[char]).toMatch(/\S/);
    }
  });

  it('says the case before the word, in the language', () => {
    const word = alphabet.letters.G!;
    expect(spokenForm('G', alphabet)).toBe(`${alphabet.upper} ${word}`);
    expect(spokenForm('g', alphabet)).toBe(`${alphabet.lower} ${word.toLocaleLowerCase(lang)}`);
    expect(spokenForm('7', alphabet)).toBe(`${alphabet.digit} ${published.digits.split(' ')[7]}`);
  });
});

describe('German spelling (DIN 5009)', () => {
  it('says A, b and 7 with DIN 5009 words and German case names', () => {
    const de = ALPHABETS.de;
    expect(['A', 'b', '7'].map((char) => spokenForm(char, de))).toEqual([
      'groß Aachen',
      'klein berlin',
      'Ziffer sieben',
    ]);
  });

  it('spells the extra letters Ä, Ö, Ü and ß', () => {
    const de = ALPHABETS.de;
    expect(['Ä', 'ö', 'Ü', 'ß'].map((char) => spokenForm(char, de))).toEqual([
      'groß Umlaut Aachen',
      'klein umlaut offenbach',
      'groß Umlaut Unna',
      'klein eszett',
    ]);
  });
});

describe('the default spelling language', () => {
  it('is the remembered pick, then the configuration, then the browser, then English', () => {
    const browser = ['fr-BE', 'de'];
    expect(defaultSpellingLanguage({ remembered: 'it', configured: 'nl', browser })).toBe('it');
    expect(defaultSpellingLanguage({ remembered: null, configured: 'nl', browser })).toBe('nl');
    expect(defaultSpellingLanguage({ configured: undefined, browser })).toBe('fr');
    expect(defaultSpellingLanguage({ browser: ['pt-BR', 'de-DE'] })).toBe('de');
    expect(defaultSpellingLanguage({ browser: ['pt-BR', 'ja'] })).toBe('en');
  });

  it('reads the primary subtag of a BCP 47 tag and ignores anything else', () => {
    expect(spellingLanguageOf('de-AT')).toBe('de');
    expect(spellingLanguageOf('ES_mx')).toBe('es');
    expect(spellingLanguageOf('deutsch')).toBeUndefined();
    expect(spellingLanguageOf('')).toBeUndefined();
  });
});
