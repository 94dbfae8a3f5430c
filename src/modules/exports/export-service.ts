import type { CommandContext, EventStore } from '../../platform/event-store/index.ts';
import type { ExtractedResume, FileOwner, FileStorage } from '../files/index.ts';
import { exportStream, type ExportCreatedData, type ExportFormat } from './events.ts';
import { paragraphsOf } from './cover-letter.ts';
import { finalResumeOf, type BulletChange } from './final-resume.ts';
import { renderDocx } from './render-docx.ts';
import { renderLetterDocx, renderLetterPdf, type FinalLetter } from './render-letter.ts';
import { renderPdf, type RenderedFile } from './render-pdf.ts';
import { templateOf } from './templates.ts';

// Renders a draft's final résumé, stores it under a key the server makes, and records the export.
// Retry-safe: the key and the event id both derive from the job; a try that crashed before the
// append overwrites the same object, a try after it answers the recorded export.

export type ExportRequest = {
  jobId: string;
  draftId: string;
  owner: FileOwner;
  extracted: ExtractedResume;
  changes: readonly BulletChange[];
  format: ExportFormat;
  template: string;
  watermark: boolean;
};

/** A cover letter: the saved text (see cover-letter.ts) under the résumé's name and contact header. */
export type CoverLetterExportRequest = Omit<ExportRequest, 'changes'> & { letter: string };

const contentTypes: Record<ExportFormat, string> = {
  PDF: 'application/pdf',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** `exports/<user|guest>-<id>/<jobId>.<ext>`: one owner's files sit together, the name says nothing personal. */
export function exportKey(owner: FileOwner, jobId: string, format: ExportFormat): string {
  return `exports/${owner.kind}-${owner.id}/${jobId}.${format.toLowerCase()}`;
}

/** "Resume - Maria Lopez.pdf": the download's name only (never part of a key), stripped of anything a file system refuses. */
export function exportFileName(name: string | null, format: ExportFormat, document: 'Resume' | 'Cover letter' = 'Resume'): string {
  const person = (name ?? '').replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '').replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${person ? `${document} - ${person}` : document}.${format.toLowerCase()}`;
}

/** The letter as it is exported: the résumé's header (its cleaned name and contact line) and the paragraphs. */
export function finalLetterOf(request: Pick<CoverLetterExportRequest, 'extracted' | 'letter'>): FinalLetter {
  const { name, contactLine } = finalResumeOf(request.extracted, []);
  return { name, contactLine, paragraphs: paragraphsOf(request.letter) };
}

export function createExportService(deps: { eventStore: EventStore; storage: FileStorage; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const earlierExport = async (jobId: string) => {
    const earlier = (await deps.eventStore.readStream(exportStream(jobId))).find((e) => e.type === 'ExportCreated');
    return earlier ? { exportId: jobId, position: earlier.position, renderMs: 0, data: earlier.data as ExportCreatedData } : null;
  };

  /** Stores the file under the job's key and records it (a retry overwrites the same object, then appends the same event id). */
  const store = async (request: Omit<ExportRequest, 'extracted' | 'changes'>, file: RenderedFile, renderMs: number, fields: Pick<ExportCreatedData, 'kind' | 'template' | 'fileName' | 'changesApplied'>) => {
    const storageKey = exportKey(request.owner, request.jobId, request.format);
    await deps.storage.put(storageKey, file.bytes, { contentType: contentTypes[request.format] });
    const data: ExportCreatedData = {
      exportId: request.jobId, jobId: request.jobId, draftId: request.draftId, owner: request.owner, ...fields,
      format: request.format, storageKey, bytes: file.bytes.byteLength, pages: file.pages, watermarked: request.watermark, at: now().toISOString(),
    };
    const command: CommandContext = { commandId: `export:${request.jobId}`, correlationId: request.jobId, actor: { kind: 'system', id: 'exports' }, now: now() };
    const written = await deps.eventStore.append(exportStream(request.jobId), [{ type: 'ExportCreated', data }], { expectedRevision: 'any', command });
    return { exportId: request.jobId, position: written.position, renderMs, data };
  };

  return {
    async exportResume(request: ExportRequest): Promise<{ exportId: string; position: number; renderMs: number; data: ExportCreatedData }> {
      // A retry after the event was written answers what was written (the event's time is part of it).
      const earlier = await earlierExport(request.jobId);
      if (earlier) return earlier;
      const resume = finalResumeOf(request.extracted, request.changes);
      const template = templateOf(request.template);
      const title = resume.name ? `${resume.name} — résumé` : 'Résumé';
      const started = performance.now();
      const render = request.format === 'PDF' ? renderPdf : renderDocx;
      const file = await render(resume, template, { watermark: request.watermark, title });
      return store(request, file, performance.now() - started, {
        kind: 'resume', template: template.name, fileName: exportFileName(resume.name, request.format), changesApplied: request.changes.length,
      });
    },

    async exportCoverLetter(request: CoverLetterExportRequest): Promise<{ exportId: string; position: number; renderMs: number; data: ExportCreatedData }> {
      const earlier = await earlierExport(request.jobId);
      if (earlier) return earlier;
      const letter = finalLetterOf(request);
      const template = templateOf(request.template);
      const title = letter.name ? `${letter.name} — cover letter` : 'Cover letter';
      const started = performance.now();
      const render = request.format === 'PDF' ? renderLetterPdf : renderLetterDocx;
      const file = await render(letter, template, { watermark: request.watermark, title });
      return store(request, file, performance.now() - started, {
        kind: 'cover-letter', template: template.name, fileName: exportFileName(letter.name, request.format, 'Cover letter'), changesApplied: 0,
      });
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
