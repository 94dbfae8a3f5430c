import { describe, expect, it } from '@jest/globals';
import { anyLexemeOf, onlyOr, segmentsOf } from './search.ts';

// The pieces of search that work on Postgres' rendering of a tsquery and of a headline.

describe('the query\'s lexemes', () => {
  it('joins every lexeme with "or", negated and phrase ones included, once each', () => {
    expect(anyLexemeOf("'machin' <-> 'learn' & !'junior'")).toBe("'machin' | 'learn' | 'junior'");
    expect(anyLexemeOf("'team' & ( 'lead' | 'team' )")).toBe("'team' | 'lead'");
  });

  it('keeps Postgres\' escaping, so the joined text is valid tsquery input', () => {
    expect(anyLexemeOf("'o''reilli' & 'c:\\\\temp'")).toBe("'o''reilli' | 'c:\\\\temp'");
  });

  it('tells a pure "or" of words from anything that needs the whole document', () => {
    expect(onlyOr("'engin'")).toBe(true);
    expect(onlyOr("'salesforc' | 'hubspot'")).toBe(true);
    expect(onlyOr("'senior' & 'engin'")).toBe(false);
    expect(onlyOr("'machin' <-> 'learn'")).toBe(false);
    expect(onlyOr("'figma' & !'junior'")).toBe(false);
    expect(onlyOr("!'junior'")).toBe(false);
    expect(onlyOr("'a|b' | 'c'")).toBe(true);
  });
});

describe('snippets', () => {
  it('answers marked words as hits and drops stray markers, so text never becomes markup', () => {
    expect(segmentsOf('Work with the \u0002nurse\u0003 managers <b>')).toEqual([
      { text: 'Work with the ', hit: false }, { text: 'nurse', hit: true }, { text: ' managers <b>', hit: false },
    ]);
    const stray = segmentsOf('a \u0003b\u0002');
    expect(stray.map((s) => s.text).join('')).toBe('a b');
  });
});
