import { csvCell, looksLikeFormula, toCsv } from './csv';

describe('csvCell', () => {
  it('quotes every cell and doubles the quotes inside', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(undefined)).toBe('""');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(42)).toBe('"42"');
  });

  it('keeps a separator inside the cell, so it cannot start a cell that is a formula', () => {
    // Spreadsheets set to `;` as separator split an unquoted x;=1+1 into x and the formula =1+1.
    expect(csvCell('x;=1+1')).toBe('"x;=1+1"');
    expect(csvCell('Kim,=HYPERLINK("http://evil")')).toBe('"Kim,=HYPERLINK(""http://evil"")"');
  });

  it("disarms OWASP's formula starts with an apostrophe", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('+1 555')).toBe('"\'+1 555"');
    expect(csvCell('-2')).toBe('"\'-2"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('\t=1+1')).toBe('"\'\t=1+1"');
    expect(csvCell('\r=1+1')).toBe('"\'\r=1+1"');
  });

  it('catches full-width and small forms, and formula starts behind leading whitespace', () => {
    for (const text of [
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(A1)',
      '﹦1+1',
      ' =1+1',
      '\n=1+1',
      '\u3000＝1',
    ]) {
      expect(looksLikeFormula(text), JSON.stringify(text)).toBe(true);
      expect(csvCell(text)).toBe(`"'${text}"`);
    }
  });

  it('leaves ordinary text, and formula characters after the first, as they are', () => {
    for (const text of ['Siobhán O’Brien', 'a=b', 'x;=1+1', 'kim@contoso.com', "'quoted", '']) {
      expect(looksLikeFormula(text), JSON.stringify(text)).toBe(false);
    }
  });
});

describe('toCsv', () => {
  it('writes a byte-order mark, the header and one CRLF line per row', () => {
    expect(
      toCsv(
        ['Name', 'UPN'],
        [
          ['Kim', 'kim@contoso.com'],
          ['=1+1', undefined],
        ],
      ),
    ).toBe('\uFEFF"Name","UPN"\r\n"Kim","kim@contoso.com"\r\n"\'=1+1",""\r\n');
  });
});
