import { ApplicationFailure } from '@temporalio/common';
import { isAppError } from '../../platform/errors.ts';
import type { ExtractedResume } from './extraction/extracted-resume.ts';
import { sharedExtractor, type ResumeExtractor } from './extraction/resume-extractor.ts';
import type { FileStorage } from './storage/file-storage.ts';
import type { ResumeKind } from './upload/resume-kind.ts';

// Retrying cannot change what is in a file: these answers are final. Anything else (the storage or
// the disk hiccuping) is left retryable under the activity's retry policy.
const PERMANENT = new Set([
  'FILE_NOT_FOUND', 'STORAGE_KEY_INVALID', 'FILE_CORRUPT', 'FILE_EMPTY', 'UNSUPPORTED_FILE_TYPE', 'LEGACY_DOC_REFUSED',
  'NOT_UTF8_TEXT', 'TEXT_CONTAINS_NUL', 'DOCX_MACROS_REFUSED', 'ARCHIVE_TOO_LARGE', 'ARCHIVE_TOO_MANY_ENTRIES',
  'ARCHIVE_NESTED', 'XML_ENTITIES_REFUSED', 'PDF_TOO_MANY_PAGES', 'PDF_ENCRYPTED', 'PDF_STREAM_TOO_LARGE',
  'NO_TEXT_LAYER', 'EXTRACTION_TIMEOUT', 'EXTRACTION_OUT_OF_MEMORY',
]);

/** The extract step of the draft pipeline; the workflow's activity wraps it and records the outcome. */
export function createFilesActivities(deps: { storage: FileStorage; extractor?: ResumeExtractor }) {
  const extractor = deps.extractor ?? sharedExtractor(256);
  return {
    async extractText(storageKey: string, kind: ResumeKind): Promise<ExtractedResume> {
      try {
        const bytes = await deps.storage.get(storageKey);
        return await extractor.extract(bytes, kind);
      } catch (error) {
        if (isAppError(error) && PERMANENT.has(error.code)) {
          throw ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: true, details: [error.details ?? null], cause: error });
        }
        throw error;
      }
    },
  };
}

export type FilesActivities = ReturnType<typeof createFilesActivities>;
