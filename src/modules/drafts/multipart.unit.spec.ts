import { describe, expect, it } from '@jest/globals';
import type { AppError } from '../../platform/errors.ts';
import { dispositionParam, fileField, multipartBoundary, parseMultipart } from './multipart.ts';

const boundary = '----formdata-test-7f3a';
function form(parts: { headers: string[]; body: string | Buffer }[]): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n${part.headers.join('\r\n')}\r\n\r\n`, 'utf8'), Buffer.from(part.body), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).code;
  }
  return undefined;
};

describe('multipart upload parsing', () => {
  it('finds the boundary only in a multipart/form-data type', () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${boundary}`)).toBe(boundary);
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/json')).toBeNull();
    expect(multipartBoundary('multipart/form-data')).toBeNull();
    expect(multipartBoundary(undefined)).toBeNull();
  });

  it('reads the file bytes exactly, including CRLFs and boundary-like text inside', () => {
    const bytes = Buffer.from(`%PDF-1.7\r\n--${boundary.slice(0, 10)}\r\n\r\nbinary\u0000end`);
    const parts = parseMultipart(form([
      { headers: ['Content-Disposition: form-data; name="note"'], body: 'hello' },
      { headers: ['Content-Disposition: form-data; name="file"; filename="cv.pdf"', 'Content-Type: application/pdf'], body: bytes },
    ]), boundary);
    const file = fileField(parts, 'file');
    expect(file.fileName).toBe('cv.pdf');
    expect(file.contentType).toBe('application/pdf');
    expect(Buffer.compare(file.data, bytes)).toBe(0);
  });

  it('keeps hostile file names verbatim for the files module to sanitise', () => {
    const parts = parseMultipart(form([{ headers: ['Content-Disposition: form-data; name="file"; filename="../../x.pdf"'], body: 'x' }]), boundary);
    expect(fileField(parts, 'file').fileName).toBe('../../x.pdf');
    expect(dispositionParam('form-data; name="file"; filename="Zoë \\"CV\\".pdf"', 'filename')).toBe('Zoë "CV".pdf');
    expect(dispositionParam('form-data; name=file; filename=cv.pdf', 'name')).toBe('file');
  });

  it('answers UPLOAD_FIELD_MISSING without a file in the field, UPLOAD_MALFORMED for broken bodies', () => {
    const textOnly = parseMultipart(form([{ headers: ['Content-Disposition: form-data; name="file"'], body: 'not a file' }]), boundary);
    expect(codeOf(() => fileField(textOnly, 'file'))).toBe('UPLOAD_FIELD_MISSING');
    expect(codeOf(() => fileField(parseMultipart(form([]), boundary), 'file'))).toBe('UPLOAD_FIELD_MISSING');
    expect(codeOf(() => parseMultipart(Buffer.from('no boundary here'), boundary))).toBe('UPLOAD_MALFORMED');
    const cut = form([{ headers: ['Content-Disposition: form-data; name="file"; filename="a.pdf"'], body: 'abc' }]).subarray(0, 90);
    expect(codeOf(() => parseMultipart(cut, boundary))).toBe('UPLOAD_MALFORMED');
    expect(codeOf(() => parseMultipart(form([{ headers: ['X-Nothing: 1'], body: 'a' }]), boundary))).toBe('UPLOAD_MALFORMED');
  });
});
