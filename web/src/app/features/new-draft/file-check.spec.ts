import { checkResumeFile, extensionOf, MAX_RESUME_BYTES } from './file-check';

describe('checkResumeFile', () => {
  const file = (name: string, size: number) => ({ name, size });

  it('accepts PDF, DOCX, TXT and MD up to 5 MB, whatever the case of the extension', () => {
    for (const name of [
      'cv.pdf',
      'CV.PDF',
      'cv.docx',
      'notes.txt',
      'readme.md',
      'my.cv.final.pdf',
    ]) {
      expect(checkResumeFile(file(name, 1000))).toBeNull();
    }
    expect(checkResumeFile(file('cv.pdf', MAX_RESUME_BYTES))).toBeNull();
  });

  it('refuses other types, with a specific message for old Word files', () => {
    expect(checkResumeFile(file('cv.doc', 10))).toMatch(/\.doc.*\.docx or PDF/);
    expect(checkResumeFile(file('cv.png', 10))).toMatch(/PDF, a Word document/);
    expect(checkResumeFile(file('cv', 10))).toMatch(/PDF, a Word document/);
  });

  it('refuses empty and oversized files with their size in the message', () => {
    expect(checkResumeFile(file('cv.pdf', 0))).toMatch(/empty/);
    expect(checkResumeFile(file('cv.pdf', MAX_RESUME_BYTES + 1))).toMatch(
      /5\.0 MB; the limit is 5 MB/,
    );
    expect(checkResumeFile(file('cv.pdf', 12 * 1024 * 1024))).toMatch(/12\.0 MB/);
  });

  it('finds extensions', () => {
    expect(extensionOf('a.b.PDF')).toBe('.pdf');
    expect(extensionOf('noext')).toBe('');
  });
});
