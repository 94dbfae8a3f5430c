/**
 * `attachment` with both a plain `filename` (old clients) and an RFC 5987 `filename*` (UTF-8), as
 * RFC 6266 recommends, so "Zoë Müller – CV.pdf" survives every browser without header injection.
 */
export function attachmentDisposition(fileName: string): string {
  const clean = fileName.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'download';
  const asciiFallback = clean.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\%]/g, '_').replace(/\s+/g, ' ').trim() || 'download';
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeRfc5987(clean)}`;
}

function encodeRfc5987(value: string): string {
  // encodeURIComponent leaves a few characters that RFC 5987's attr-char does not allow.
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
