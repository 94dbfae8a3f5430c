import { HttpClient, HttpResourceRequest } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { ApiError } from '../../core/api/api-error';
import { num, obj, str } from '../../core/api/read';
import { SearchQuery, queryBody } from './postings';

const badResponse = (what: string) =>
  new ApiError({
    code: 'BAD_RESPONSE',
    message: `The server sent ${what} this page cannot read.`,
    status: 200,
  });

// Reads are httpResource requests (the page owns the resources); writes are calls here.

/** POST /api/jobs/search: open to everyone; a signed-in user's first page is kept as history. */
export function searchRequest(query: SearchQuery, page: number): HttpResourceRequest {
  return { url: '/api/jobs/search', method: 'POST', body: { ...queryBody(query), page } };
}

/** POST /api/postings/best: the search's top postings scored against a draft's résumé. */
export function bestRequest(draftId: string, query: SearchQuery): HttpResourceRequest {
  return { url: '/api/postings/best', method: 'POST', body: { ...queryBody(query), draftId } };
}

export const HISTORY_URL = '/api/postings/searches';
export const SAVED_URL = '/api/postings/saved-searches';

/** Saved searches and "aim a draft at a posting". */
@Injectable({ providedIn: 'root' })
export class PostingsApi {
  private readonly http = inject(HttpClient);

  saveSearch(name: string, query: SearchQuery): Observable<{ id: string }> {
    return this.http
      .post<unknown>(SAVED_URL, { name: name.trim().slice(0, 100), query: queryBody(query) })
      .pipe(
        map((body) => {
          const id = str(obj(body)?.['id']);
          if (!id) throw badResponse('a saved search');
          return { id };
        }),
      );
  }

  removeSaved(id: string): Observable<void> {
    return this.http
      .delete<unknown>(`${SAVED_URL}/${encodeURIComponent(id)}`)
      .pipe(map(() => undefined));
  }

  /** A new draft (the caller's, guest or user) whose job is the posting; answers its id. */
  aim(postingId: string): Observable<{ draftId: string; position: number | null }> {
    return this.http.post<unknown>(`/api/postings/${encodeURIComponent(postingId)}/draft`, {}).pipe(
      map((body) => {
        const draftId = str(obj(body)?.['id']);
        if (!draftId) throw badResponse('a new draft');
        return { draftId, position: num(obj(body)?.['position']) };
      }),
    );
  }
}
