import { charKind, spellInGroups, spokenForm } from './spelling';

describe('spelling a Temporary Access Pass', () => {
  it('says the case of every letter with its NATO word', () => {
    expect(spokenForm('G')).toBe('capital Golf');
    expect(spokenForm('g')).toBe('lower golf');
    expect(spokenForm('x')).toBe('lower x-ray');
  });

  it('names digits and the symbols Graph puts in passes', () => {
    expect(spokenForm('0')).toBe('digit zero');
    expect(spokenForm('+')).toBe('plus');
    expect(spokenForm('&')).toBe('ampersand');
    expect(spokenForm('=')).toBe('equals');
    expect(spokenForm('!')).toBe('exclamation mark');
  });

  it('names every printable ASCII character', () => {
    for (let code = 0x21; code <= 0x7e; code++) {
      expect(spokenForm(String.fromCharCode(code))).not.toMatch(/^symbol U\+|undefined/);
    }
  });

  it('tells O from 0 and l from 1 and I by kind', () => {
    expect([charKind('O'), charKind('0'), charKind('l'), charKind('1'), charKind('I')]).toEqual([
      'upper',
      'digit',
      'lower',
      'digit',
      'upper',
    ]);
  });

  it('splits the pass into groups of four, keeping every character in order', () => {
    const groups = spellInGroups('+drkzqAD9');
    expect(groups.map((group) => group.map((c) => c.char).join(''))).toEqual(['+drk', 'zqAD', '9']);
  });
});
