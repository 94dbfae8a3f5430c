import { z } from 'zod';
import { defineEvent, type EventOf } from '../../platform/event-store/index.ts';
import { CoverLetterSaved } from './cover-letter.ts';
import { templateNames } from './templates.ts';

// One stream per export (`export-<exportId>`). An export is named after the finalize job that made
// it (exportId = jobId), so a retried export step writes the same file and the same event again.

const at = z.iso.datetime({ offset: true });
export const ExportFormat = z.enum(['PDF', 'DOCX']);
export type ExportFormat = z.infer<typeof ExportFormat>;
const Owner = z.object({ kind: z.enum(['user', 'guest']), id: z.string().min(1).max(64) });

export const ExportCreated = defineEvent('ExportCreated', z.object({
  exportId: z.uuid(),
  jobId: z.uuid(),
  draftId: z.uuid(),
  owner: Owner,
  kind: z.enum(['resume', 'cover-letter']),
  format: ExportFormat,
  template: z.enum(templateNames),
  storageKey: z.string().min(1).max(512),
  fileName: z.string().min(1).max(200),
  bytes: z.number().int().positive(),
  pages: z.number().int().positive().nullable(),
  watermarked: z.boolean(),
  /** Bullet changes taken from the review: how many of the rewrite's changes went into the file. */
  changesApplied: z.number().int().nonnegative(),
  at,
}), { redact: ['storageKey', 'fileName'] });

/** The export's own event, and the saved cover letter it renders (`cover-letter-<draftId>`, cover-letter.ts). */
export const exportEvents = [ExportCreated, CoverLetterSaved] as const;
export type ExportEvent = EventOf<typeof ExportCreated>;
export type ExportCreatedData = ExportEvent['data'];
export const exportStream = (exportId: string) => `export-${exportId}`;
