import { AppError } from '../../platform/errors.ts';

// Just enough of multipart/form-data (RFC 7578) for one file upload: the body is already read
// (bounded) into memory, split on the boundary, and each part's Content-Disposition read for its
// field name and file name. Anything that does not parse is UPLOAD_MALFORMED, never a guess.

export type FormPart = { name: string; fileName: string | null; contentType: string | null; data: Buffer };

/** The boundary of a multipart/form-data Content-Type, or null when the type is anything else. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^\s*multipart\/form-data\s*;/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

const malformed = (reason: string) => new AppError('UPLOAD_MALFORMED', { details: { reason } });

export function parseMultipart(body: Buffer, boundary: string, maxParts = 20): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const separator = Buffer.from(`\r\n--${boundary}`);
  let start = body.indexOf(delimiter);
  if (start < 0) throw malformed('no boundary');
  // `start` sits on a delimiter line: `--boundary` then CRLF (another part) or `--` (the end).
  const parts: FormPart[] = [];
  for (;;) {
    const after = start + delimiter.length;
    if (body.subarray(after, after + 2).toString('latin1') === '--') return parts;
    if (body.subarray(after, after + 2).toString('latin1') !== '\r\n') throw malformed('bad delimiter line');
    const next = body.indexOf(separator, after + 2);
    if (next < 0) throw malformed('unterminated part');
    if (parts.length >= maxParts) throw malformed('too many parts');
    parts.push(parsePart(body.subarray(after + 2, next)));
    start = next + 2;
  }
}

function parsePart(raw: Buffer): FormPart {
  const headerEnd = raw.indexOf('\r\n\r\n');
  if (headerEnd < 0 || headerEnd > 8192) throw malformed('part headers');
  // Browsers send non-ASCII file names as raw UTF-8 inside the quotes.
  const headers = raw.subarray(0, headerEnd).toString('utf8').split('\r\n');
  let disposition: string | undefined;
  let contentType: string | null = null;
  for (const line of headers) {
    const colon = line.indexOf(':');
    if (colon < 0) throw malformed('part header line');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') disposition = value;
    if (name === 'content-type') contentType = value;
  }
  if (!disposition || !/^form-data\b/i.test(disposition)) throw malformed('content-disposition');
  const name = dispositionParam(disposition, 'name');
  if (name === null) throw malformed('field name');
  return { name, fileName: dispositionParam(disposition, 'filename'), contentType, data: raw.subarray(headerEnd + 4) };
}

/** A parameter of a Content-Disposition value, quoted (with `\"` escapes) or bare. */
export function dispositionParam(value: string, param: string): string | null {
  const pattern = new RegExp(`;\\s*${param}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i');
  const match = pattern.exec(value);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? null);
}

/** The one file in `field`; UPLOAD_FIELD_MISSING when the form has no such file part. */
export function fileField(parts: readonly FormPart[], field: string): FormPart & { fileName: string } {
  const part = parts.find((p) => p.name === field && p.fileName !== null);
  if (!part) throw new AppError('UPLOAD_FIELD_MISSING', { details: { field } });
  return { ...part, fileName: part.fileName ?? '' };
}
