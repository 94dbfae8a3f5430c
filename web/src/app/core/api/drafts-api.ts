import { HttpClient, HttpEventType, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, filter, map } from 'rxjs';
import {
  CreatedDraft,
  DraftDetail,
  DraftPage,
  DraftQuery,
  NewDraft,
  UploadedResume,
  readCreated,
  readDraft,
  readDraftPage,
  readUpload,
} from './drafts';
import { ApiError } from './api-error';

export type UploadProgress =
  | { type: 'progress'; loaded: number; total: number | null; fraction: number | null }
  | { type: 'done'; upload: UploadedResume };

const badResponse = (what: string) =>
  new ApiError({
    code: 'BAD_RESPONSE',
    message: `The server sent ${what} this page cannot read.`,
    status: 200,
  });

/** Projections catch up asynchronously: after a write, reads ask for at least its position. */
function positionHeaders(minPosition?: number | null): HttpHeaders | undefined {
  return minPosition === null || minPosition === undefined
    ? undefined
    : new HttpHeaders({ 'x-min-position': String(minPosition) });
}

/**
 * /api/drafts. Guests may call it too: the API creates a guest (cookie) on first use. Answers are
 * read through `read…` so templates only ever see complete shapes.
 */
@Injectable({ providedIn: 'root' })
export class DraftsApi {
  private readonly http = inject(HttpClient);

  list(query: DraftQuery = {}): Observable<DraftPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    if (query.status) params = params.set('status', query.status);
    const q = query.q?.trim();
    if (q) params = params.set('q', q);
    return this.http
      .get<unknown>('/api/drafts', { params })
      .pipe(map((body) => readDraftPage(body, { page, pageSize })));
  }

  get(id: string, minPosition?: number | null): Observable<DraftDetail> {
    return this.http
      .get<unknown>(`/api/drafts/${encodeURIComponent(id)}`, {
        headers: positionHeaders(minPosition),
      })
      .pipe(
        map((body) => {
          const draft = readDraft(body);
          if (!draft) throw badResponse('a draft');
          return draft;
        }),
      );
  }

  create(draft: NewDraft): Observable<CreatedDraft> {
    return this.http.post<unknown>('/api/drafts', draft).pipe(
      map((body) => {
        const created = readCreated(body);
        if (!created) throw badResponse('a new draft');
        return created;
      }),
    );
  }

  /** PATCH: change the title or the job description of a draft that already exists. */
  update(id: string, changes: NewDraft): Observable<unknown> {
    return this.http.patch<unknown>(`/api/drafts/${encodeURIComponent(id)}`, changes);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`/api/drafts/${encodeURIComponent(id)}`);
  }

  /**
   * Multipart upload in the `file` field, reporting real progress from the browser (the XHR
   * backend; `reportUploadProgress` is Angular 22's name for the upload half of `reportProgress`).
   */
  uploadResume(id: string, file: File): Observable<UploadProgress> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http
      .post<unknown>(`/api/drafts/${encodeURIComponent(id)}/resume`, body, {
        reportUploadProgress: true,
        observe: 'events',
      })
      .pipe(
        map((event): UploadProgress | null => {
          if (event.type === HttpEventType.UploadProgress) {
            const total = event.total ?? null;
            const fraction = total ? Math.min(1, event.loaded / total) : null;
            return { type: 'progress', loaded: event.loaded, total, fraction };
          }
          if (event.type === HttpEventType.Response)
            return { type: 'done', upload: readUpload(event.body) };
          return null;
        }),
        filter((event): event is UploadProgress => event !== null),
      );
  }
}
