import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import {
  ProjectionName,
  ReplayVerdict,
  TimelineEvent,
  UserLookup,
  WorkflowHistory,
  readReplay,
  readTimeline,
  readUserLookup,
  readWorkflow,
} from './staff';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value.trim());
}

export interface SupportBundle {
  filename: string;
  text: string;
}

/** The support console's calls (SUPPORT or ADMIN): every look is audited by the API. */
@Injectable({ providedIn: 'root' })
export class SupportApi {
  private readonly http = inject(HttpClient);

  /** A user by id (a UUID) or else by e-mail, with their drafts. */
  findUser(query: string): Observable<UserLookup> {
    const value = query.trim();
    const params = new HttpParams({ fromObject: isUuid(value) ? { id: value } : { email: value } });
    return this.http.get<unknown>('/api/support/users', { params }).pipe(map(readUserLookup));
  }

  timeline(draftId: string): Observable<TimelineEvent[]> {
    return this.http.get<unknown>(`${this.draft(draftId)}/timeline`).pipe(map(readTimeline));
  }

  workflow(draftId: string): Observable<WorkflowHistory> {
    return this.http.get<unknown>(`${this.draft(draftId)}/workflow`).pipe(map(readWorkflow));
  }

  replay(draftId: string): Observable<ReplayVerdict> {
    return this.http.post<unknown>(`${this.draft(draftId)}/workflow/replay`, {}).pipe(map(readReplay));
  }

  /** The bundle as text (an error envelope stays readable, unlike a Blob), saved by the page. */
  bundle(draftId: string): Observable<SupportBundle> {
    return this.http
      .get(`${this.draft(draftId)}/bundle`, { responseType: 'text', observe: 'response' })
      .pipe(
        map((response) => ({
          filename: filenameOf(response.headers.get('content-disposition'), draftId),
          text: response.body ?? '',
        })),
      );
  }

  rebuild(name: ProjectionName): Observable<void> {
    return this.http
      .post<unknown>(`/api/support/projections/${encodeURIComponent(name)}/rebuild`, {})
      .pipe(map(() => undefined));
  }

  private draft(draftId: string): string {
    return `/api/support/drafts/${encodeURIComponent(draftId)}`;
  }
}

/** `attachment; filename="x.json"` → "x.json"; anything odd → a safe default name. */
export function filenameOf(disposition: string | null, draftId: string): string {
  const name = /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1]?.trim() ?? '';
  const safe = name.replace(/[^\w.-]+/g, '_').slice(0, 120);
  return safe && safe !== '.' && safe !== '..' ? safe : `support-bundle-${draftId}.json`;
}
