import { describe, expect, it } from '@jest/globals';
import { garbageRatio, normalizeText, truncateText } from './normalize-text.ts';

describe('normalizeText', () => {
  it('applies NFKC: ligatures and full-width forms become plain letters', () => {
    expect(normalizeText(['ﬁnance ｓｋｉｌｌｓ'])).toBe('finance skills');
  });

  it('strips control characters, zero-width and bidi marks but keeps lines and tabs', () => {
    expect(normalizeText(['Ma\u0000ria\u200b Lo\u202epez', 'SQL\tPython\u0007'])).toBe('Maria Lopez\nSQL\tPython');
  });

  it('rejoins a word hyphenated at a line end, dropping the hyphen when the document spells it whole', () => {
    expect(normalizeText(['Improved devel-', 'oping speed; developing teams'])).toBe('Improved developing speed; developing teams');
  });

  it('keeps the hyphen of a compound broken at a line end', () => {
    expect(normalizeText(['built cloud-', 'native systems'])).toBe('built cloud-native systems');
  });

  it('removes soft hyphens and joins across them', () => {
    expect(normalizeText(['organi\u00ad', 'sation'])).toBe('organisation');
  });

  it('collapses runs of spaces and blank lines', () => {
    expect(normalizeText(['a   b', '', '', '', 'c'])).toBe('a b\n\nc');
  });
});

describe('truncateText', () => {
  it('cuts at a line end under the limit', () => {
    const text = `${'x'.repeat(95)}\n${'y'.repeat(20)}`;
    expect(truncateText(text, 100)).toEqual({ text: 'x'.repeat(95), truncated: true });
  });
});

describe('garbageRatio', () => {
  it('counts private-use glyphs and replacement characters', () => {
    expect(garbageRatio('ab\ue000\ufffd')).toBe(0.5);
    expect(garbageRatio('plain text')).toBe(0);
  });
});
