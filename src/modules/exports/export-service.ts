import type { CommandContext, EventStore } from '../../platform/event-store/index.ts';
import type { ExtractedResume, FileOwner, FileStorage } from '../files/index.ts';
import { exportStream, type ExportCreatedData, type ExportFormat } from './events.ts';
import { finalResumeOf, type BulletChange } from './final-resume.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';
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

const contentTypes: Record<ExportFormat, string> = {
  PDF: 'application/pdf',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** `exports/<user|guest>-<id>/<jobId>.<ext>`: one owner's files sit together, the name says nothing personal. */
export function exportKey(owner: FileOwner, jobId: string, format: ExportFormat): string {
  return `exports/${owner.kind}-${owner.id}/${jobId}.${format.toLowerCase()}`;
}

/** "Resume - Maria Lopez.pdf": the download's name only (never part of a key), stripped of anything a file system refuses. */
export function exportFileName(name: string | null, format: ExportFormat): string {
  const person = (name ?? '').replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '').replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${person ? `Resume - ${person}` : 'Resume'}.${format.toLowerCase()}`;
}

export function createExportService(deps: { eventStore: EventStore; storage: FileStorage; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    async exportResume(request: ExportRequest): Promise<{ exportId: string; position: number; renderMs: number; data: ExportCreatedData }> {
      // A retry after the event was written answers what was written (the event's time is part of it).
      const earlier = (await deps.eventStore.readStream(exportStream(request.jobId))).find((e) => e.type === 'ExportCreated');
      if (earlier) return { exportId: request.jobId, position: earlier.position, renderMs: 0, data: earlier.data as ExportCreatedData };
      const resume = finalResumeOf(request.extracted, request.changes);
      const template = templateOf(request.template);
      const title = resume.name ? `${resume.name} — résumé` : 'Résumé';
      const started = performance.now();
      const render = request.format === 'PDF' ? renderPdf : renderDocx;
      const file = await render(resume, template, { watermark: request.watermark, title });
      const renderMs = performance.now() - started;
      const storageKey = exportKey(request.owner, request.jobId, request.format);
      await deps.storage.put(storageKey, file.bytes, { contentType: contentTypes[request.format] });
      const data: ExportCreatedData = {
        exportId: request.jobId, jobId: request.jobId, draftId: request.draftId, owner: request.owner, kind: 'resume',
        format: request.format, template: template.name, storageKey, fileName: exportFileName(resume.name, request.format),
        bytes: file.bytes.byteLength, pages: file.pages, watermarked: request.watermark, changesApplied: request.changes.length,
        at: now().toISOString(),
      };
      const command: CommandContext = { commandId: `export:${request.jobId}`, correlationId: request.jobId, actor: { kind: 'system', id: 'exports' }, now: now() };
      const written = await deps.eventStore.append(exportStream(request.jobId), [{ type: 'ExportCreated', data }], { expectedRevision: 'any', command });
      return { exportId: request.jobId, position: written.position, renderMs, data };
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
