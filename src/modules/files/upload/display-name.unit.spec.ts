import { describe, expect, it } from '@jest/globals';
import { sanitizeDisplayName } from './display-name.ts';

const name = (declared: string, ext = 'pdf'): string => sanitizeDisplayName(declared, ext).displayName;

describe('display names', () => {
  it('keeps an ordinary name as it is', () => {
    expect(name('Zoë Müller – CV 2025.pdf')).toBe('Zoë Müller – CV 2025.pdf');
  });

  it('strips path parts, Unix and Windows', () => {
    expect(name('../../x.pdf')).toBe('x.pdf');
    expect(name('C:\\Users\\me\\cv.pdf')).toBe('cv.pdf');
  });

  it('drops NUL and other control characters', () => {
    expect(name('a\0.pdf')).toBe('a.pdf');
    expect(name('cv\r\n\t1.pdf')).toBe('cv 1.pdf');
  });

  it('defuses Windows device names', () => {
    expect(name('CON.pdf')).toBe('_CON.pdf');
    expect(name('lpt1.tar.pdf')).toBe('_lpt1.tar.pdf');
    expect(name('console.pdf')).toBe('console.pdf');
  });

  it('trims a 300-character name to 120 characters and keeps the extension', () => {
    const trimmed = name(`${'a'.repeat(296)}.pdf`);
    expect(trimmed).toHaveLength(120);
    expect(trimmed.endsWith('.pdf')).toBe(true);
  });

  it('never splits an emoji when trimming', () => {
    const trimmed = name(`${'a'.repeat(115)}😀😀😀.pdf`);
    expect(trimmed.isWellFormed()).toBe(true);
    expect(trimmed.endsWith('😀.pdf')).toBe(true);
  });

  it('removes right-to-left overrides and gives the real extension', () => {
    const result = sanitizeDisplayName('cv\u202Efdp.exe', 'pdf');
    expect(result).toEqual({ displayName: 'cvfdp.pdf', extensionMatched: false });
  });

  it('names the file after what it really is when the extension lies', () => {
    expect(sanitizeDisplayName('resume.pdf', 'docx')).toEqual({ displayName: 'resume.docx', extensionMatched: false });
    expect(sanitizeDisplayName('notes.markdown', 'md')).toEqual({ displayName: 'notes.md', extensionMatched: true });
  });

  it('falls back to a neutral name when nothing is left', () => {
    expect(name('\u202e\u0000...', 'txt')).toBe('resume.txt');
    expect(name('', 'docx')).toBe('resume.docx');
  });
});
