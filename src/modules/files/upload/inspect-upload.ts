import { createHash } from 'node:crypto';
import { AppError } from '../../../platform/errors.ts';
import { sharedExtractor, type ResumeExtractor } from '../extraction/resume-extractor.ts';
import { detectKind } from './detect-kind.ts';
import { sanitizeDisplayName } from './display-name.ts';
import { guardPdfStreams } from './pdf-guard.ts';
import { mediaTypes, type ResumeKind } from './resume-kind.ts';
import { defaultUploadLimits, type UploadLimits } from './upload-limits.ts';

export interface UploadWarning {
  code: 'NAME_EXTENSION_MISMATCH' | 'CONTENT_TYPE_MISMATCH';
  message: string;
}

/** An upload that passed every check, described in the terms the drafts module records. */
export interface InspectedUpload {
  kind: ResumeKind;
  mediaType: string;
  /** Size in bytes. */
  bytes: number;
  sha256: string;
  displayName: string;
  warnings: UploadWarning[];
}

export interface ClientClaims {
  /** The Content-Type the browser sent for the part; compared, never trusted. */
  contentType?: string;
  /** Where the PDF probe runs; the shared bounded worker pool by default. */
  extractor?: ResumeExtractor;
}

/** Every check an uploaded résumé passes before anything parses it; each refusal has its own code. */
export async function inspectUpload(bytes: Uint8Array, declaredName: string, limits: Partial<UploadLimits> = {}, client: ClientClaims = {}): Promise<InspectedUpload> {
  const rules = { ...defaultUploadLimits, ...limits };
  if (bytes.length === 0) throw new AppError('FILE_EMPTY');
  if (bytes.length > rules.maxBytes) throw new AppError('FILE_TOO_LARGE', { details: { bytes: bytes.length, limit: rules.maxBytes } });

  const declaredExt = /\.([A-Za-z0-9]{1,8})$/.exec(declaredName.trim())?.[1]?.toLowerCase() ?? '';
  const kind = await detectKind(bytes, rules, declaredExt);
  if (kind === 'pdf') await checkPdf(bytes, rules, client.extractor);

  const { displayName, extensionMatched } = sanitizeDisplayName(declaredName, kind);
  const warnings: UploadWarning[] = [];
  if (!extensionMatched) warnings.push({ code: 'NAME_EXTENSION_MISMATCH', message: `The file is a ${kind.toUpperCase()} file; it is saved as "${displayName}".` });
  const claimed = client.contentType?.split(';')[0]?.trim().toLowerCase();
  if (claimed && claimed !== 'application/octet-stream' && claimed !== mediaTypes[kind].split(';')[0]) {
    warnings.push({ code: 'CONTENT_TYPE_MISMATCH', message: `The browser called it ${claimed}; its content says ${kind.toUpperCase()}.` });
  }
  return {
    kind,
    mediaType: mediaTypes[kind],
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    displayName,
    warnings,
  };
}

async function checkPdf(bytes: Uint8Array, rules: UploadLimits, extractor: ResumeExtractor | undefined): Promise<void> {
  // A PDF ends with %%EOF (give or take trailing junk); without it the upload was cut short.
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + Math.max(0, bytes.byteLength - 2048), Math.min(bytes.byteLength, 2048));
  if (!tail.includes('%%EOF')) throw new AppError('FILE_CORRUPT', { details: { reason: 'truncated PDF' } });
  guardPdfStreams(bytes, rules.maxPdfInflatedBytes);
  await (extractor ?? sharedExtractor(256)).probePdf(bytes, rules.maxPdfPages, rules.probeTimeoutMs);
}
