import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../../platform/errors.ts';
import { guardDocx } from './docx-guard.ts';
import type { ResumeKind } from './resume-kind.ts';
import { guardText } from './text-guard.ts';
import type { UploadLimits } from './upload-limits.ts';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * What the bytes are, whatever the name says. Containers are checked before file-type opens them:
 * an OLE file is an old .doc (or a password-protected Office file), and a zip must pass the DOCX
 * guard — its directory and limits — before anything inflates it.
 */
export async function detectKind(bytes: Uint8Array, limits: UploadLimits, declaredExt: string): Promise<ResumeKind> {
  if (startsWith(bytes, OLE)) throw new AppError('LEGACY_DOC_REFUSED');
  if (startsWith(bytes, ZIP)) {
    guardDocx(bytes, limits);
    const type = await fileTypeFromBuffer(bytes);
    if (type?.ext === 'docm' || type?.ext === 'dotm') throw new AppError('DOCX_MACROS_REFUSED');
    if (type?.ext !== 'docx') throw new AppError('UNSUPPORTED_FILE_TYPE', { details: { detected: type?.ext ?? 'zip' } });
    return 'docx';
  }
  const type = await fileTypeFromBuffer(bytes);
  if (type?.mime === 'application/pdf' || (!type && hasPdfHeader(bytes))) return 'pdf';
  if (type) throw new AppError('UNSUPPORTED_FILE_TYPE', { details: { detected: type.ext } });
  try {
    return guardText(bytes);
  } catch (error) {
    // Binary that merely is not text: say "not a supported type" unless the person meant to send text.
    if (error instanceof AppError && !['txt', 'md', 'markdown', 'text'].includes(declaredExt)) {
      throw new AppError('UNSUPPORTED_FILE_TYPE', { cause: error, details: { detected: 'binary' } });
    }
    throw error;
  }
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** pdf.js, like Acrobat, accepts a header within the first kilobyte; file-type only looks at offset 0. */
function hasPdfHeader(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes('%PDF-');
}
