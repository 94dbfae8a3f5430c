import { AppError } from '../../../platform/errors.ts';

/**
 * Text is accepted only as UTF-8 without NULs: that is what keeps a renamed binary from passing
 * as "plain text". Markdown is told from plain text by its own marks, not by the file name.
 */
export function guardText(bytes: Uint8Array): 'txt' | 'md' {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new AppError('NOT_UTF8_TEXT', { details: { reason: 'UTF-16' } });
  }
  if (bytes.includes(0)) throw new AppError('TEXT_CONTAINS_NUL');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new AppError('NOT_UTF8_TEXT', { cause: error });
  }
  const controls = text.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > Math.max(2, text.length / 1000)) throw new AppError('UNSUPPORTED_FILE_TYPE', { details: { reason: 'binary content' } });
  return looksLikeMarkdown(text) ? 'md' : 'txt';
}

function looksLikeMarkdown(text: string): boolean {
  return /^#{1,6}\s+\S/m.test(text) || /\[[^\]\n]+\]\([^)\s]+\)/.test(text) || /^(\*\*|__)[^*_\n]+(\*\*|__)/m.test(text);
}
