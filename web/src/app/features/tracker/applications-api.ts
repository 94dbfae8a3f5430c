import { HttpClient, HttpResourceRequest } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map, tap } from 'rxjs';
import { ApiError } from '../../core/api/api-error';
import { obj, str } from '../../core/api/read';
import {
  ApplicationChanges,
  ApplicationPage,
  ApplicationStatus,
  ImportReport,
  readApplicationPage,
  readImportReport,
} from './applications';

const BASE = '/api/applications';
/** The board shows every application at once; the API answers up to 500 per page. */
export const BOARD_PAGE_SIZE = 500;
/** Larger CSV files are refused in the browser (the API reads at most 1 000 rows). */
export const MAX_IMPORT_BYTES = 1_000_000;

const RECENT_MS = 60_000;
const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

// Reads are httpResource requests (the pages own the resources); writes are calls here.
export const listRequest = (): HttpResourceRequest => ({
  url: BASE,
  params: { page: 1, pageSize: BOARD_PAGE_SIZE },
});
export const applicationRequest = (id: string): HttpResourceRequest => ({ url: one(id) });
export const historyRequest = (id: string): HttpResourceRequest => ({ url: `${one(id)}/history` });

export interface NewApplication {
  company: string;
  role: string;
  status?: ApplicationStatus;
  postingUrl?: string | null;
  postingId?: string | null;
  draftId?: string | null;
  notes?: string;
}

/** A signed-in user's applications: create, edit, move, delete, CSV out and in. */
@Injectable({ providedIn: 'root' })
export class ApplicationsApi {
  private readonly http = inject(HttpClient);
  /** Applications this tab created (id → when), for pages that open before the read model has them. */
  private readonly created = new Map<string, number>();

  /** Ids created here in the last minute: a list read now may not show them yet. */
  recentlyCreated(now = Date.now()): string[] {
    for (const [id, at] of this.created) if (now - at > RECENT_MS) this.created.delete(id);
    return [...this.created.keys()];
  }

  /** The same list the board reads (for catching up after a write; pages read it with httpResource). */
  list(): Observable<ApplicationPage> {
    const { url, params } = listRequest();
    return this.http.get<unknown>(url, { params }).pipe(map(readApplicationPage));
  }

  create(application: NewApplication): Observable<{ id: string }> {
    return this.http.post<unknown>(BASE, application).pipe(
      map((body) => {
        const id = str(obj(body)?.['id']);
        if (!id)
          throw new ApiError({
            code: 'BAD_RESPONSE',
            message: 'The server did not say which application it created.',
            status: 201,
          });
        return { id };
      }),
      tap(({ id }) => this.created.set(id, Date.now())),
    );
  }

  /** Field changes and/or a status move (the move is recorded in the history). */
  update(id: string, changes: ApplicationChanges): Observable<void> {
    return this.http.patch<unknown>(one(id), changes).pipe(map(() => undefined));
  }

  move(id: string, status: ApplicationStatus): Observable<void> {
    return this.update(id, { status });
  }

  remove(id: string): Observable<void> {
    return this.http.delete<unknown>(one(id)).pipe(
      map(() => undefined),
      tap(() => this.created.delete(id)),
    );
  }

  /** The whole tracker as CSV text (RFC 4180, formula-safe cells). */
  exportCsv(): Observable<string> {
    return this.http.get(`${BASE}/export.csv`, { responseType: 'text' });
  }

  importCsv(csv: string): Observable<ImportReport> {
    return this.http.post<unknown>(`${BASE}/import`, { csv }).pipe(map(readImportReport));
  }
}
