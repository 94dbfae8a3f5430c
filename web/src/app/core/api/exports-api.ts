import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { ApiError } from './api-error';
import { StartedJob, startJob } from './jobs-api';
import { arr, bool, num, obj, oneOf, str } from './read';

export const EXPORT_FORMATS = ['PDF', 'DOCX'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_TEMPLATES = ['classic', 'modern', 'compact'] as const;
export type ExportTemplate = (typeof EXPORT_TEMPLATES)[number];

export interface ExportItem {
  id: string;
  format: ExportFormat | 'other';
  template: string;
  fileName: string;
  bytes: number | null;
  pages: number | null;
  watermarked: boolean;
  changesApplied: number | null;
  createdAt: string | null;
}

export function readExport(value: unknown): ExportItem | null {
  const item = obj(value);
  const id = str(item?.['id']);
  if (!id) return null;
  const format = oneOf<ExportFormat | 'other'>(item?.['format'], EXPORT_FORMATS, 'other');
  return {
    id,
    format,
    template: str(item?.['template']) ?? '',
    fileName:
      str(item?.['fileName']) ?? (format === 'other' ? 'export' : `resume.${format.toLowerCase()}`),
    bytes: num(item?.['bytes']),
    pages: num(item?.['pages']),
    watermarked: bool(item?.['watermarked']),
    changesApplied: num(item?.['changesApplied']),
    createdAt: str(item?.['createdAt']),
  };
}

export function readExports(value: unknown): ExportItem[] {
  return arr(obj(value)?.['exports'])
    .map(readExport)
    .filter((item): item is ExportItem => !!item)
    .slice(0, 100);
}

/**
 * A download link from the API, accepted only when it stays on this site (`/api/…` or the same
 * origin) or is an https URL (an S3 presigned GET): never `javascript:` or `data:`.
 */
export function safeDownloadUrl(value: unknown, origin: string): string | null {
  const raw = str(value);
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return null;
  }
  if (url.origin === origin && (url.protocol === 'http:' || url.protocol === 'https:'))
    return url.href;
  return url.protocol === 'https:' ? url.href : null;
}

/** The final résumé: finalize into a file, list the files, get a short-lived download link. */
@Injectable({ providedIn: 'root' })
export class ExportsApi {
  private readonly http = inject(HttpClient);

  finalize(
    draftId: string,
    choice: { format: ExportFormat; template: ExportTemplate },
    idempotencyKey: string,
  ): Observable<StartedJob> {
    return startJob(
      this.http,
      `/api/drafts/${encodeURIComponent(draftId)}/finalize`,
      choice,
      idempotencyKey,
    );
  }

  list(draftId: string): Observable<ExportItem[]> {
    return this.http
      .get<unknown>(`/api/drafts/${encodeURIComponent(draftId)}/exports`)
      .pipe(map(readExports));
  }

  downloadUrl(exportId: string, origin: string): Observable<string> {
    return this.http.get<unknown>(`/api/exports/${encodeURIComponent(exportId)}`).pipe(
      map((body) => {
        const url = safeDownloadUrl(obj(body)?.['downloadUrl'], origin);
        if (!url)
          throw new ApiError({
            code: 'BAD_RESPONSE',
            message: 'The server sent no usable download link.',
            status: 200,
          });
        return url;
      }),
    );
  }
}
