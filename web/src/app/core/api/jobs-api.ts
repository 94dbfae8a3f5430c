import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { AnalysisAnswer, readAnalysis } from './analysis';
import { ApiError } from './api-error';
import { JobView, readJob, readJobs } from './jobs';
import { num, obj, str } from './read';

export interface StartedJob {
  jobId: string;
  position: number | null;
}

/**
 * POSTs a request that starts work on a draft (analysis, rewrite, finalize) with its
 * Idempotency-Key and reads the 202's job id; an answer without one is a BAD_RESPONSE.
 */
export function startJob(
  http: HttpClient,
  url: string,
  body: object,
  idempotencyKey: string,
): Observable<StartedJob> {
  const headers = new HttpHeaders({ 'Idempotency-Key': idempotencyKey });
  return http.post<unknown>(url, body, { headers }).pipe(
    map((answer) => {
      const jobId = str(obj(answer)?.['jobId']);
      if (!jobId)
        throw new ApiError({
          code: 'BAD_RESPONSE',
          message: 'The server did not say which job started.',
          status: 202,
        });
      return { jobId, position: num(obj(answer)?.['position']) };
    }),
  );
}

/** A fresh key for one click; keep it and send it again when retrying that same click. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function')
    return crypto.randomUUID();
  // Older browsers without randomUUID: still unique enough for one person's retries.
  const random = () => Math.random().toString(36).slice(2, 10);
  return `${Date.now().toString(36)}-${random()}-${random()}`;
}

/** Work on a draft: start an analysis, follow jobs, read the latest analysis. */
@Injectable({ providedIn: 'root' })
export class JobsApi {
  private readonly http = inject(HttpClient);

  startAnalysis(draftId: string, idempotencyKey: string): Observable<StartedJob> {
    return startJob(
      this.http,
      `/api/drafts/${encodeURIComponent(draftId)}/analyses`,
      {},
      idempotencyKey,
    );
  }

  jobsOfDraft(draftId: string): Observable<JobView[]> {
    return this.http
      .get<unknown>(`/api/drafts/${encodeURIComponent(draftId)}/jobs`)
      .pipe(map(readJobs));
  }

  job(jobId: string): Observable<JobView> {
    return this.http.get<unknown>(`/api/jobs/${encodeURIComponent(jobId)}`).pipe(
      map((body) => {
        const job = readJob(body);
        if (!job)
          throw new ApiError({
            code: 'BAD_RESPONSE',
            message: 'The server sent a job this page cannot read.',
            status: 200,
          });
        return job;
      }),
    );
  }

  analysis(draftId: string): Observable<AnalysisAnswer> {
    return this.http
      .get<unknown>(`/api/drafts/${encodeURIComponent(draftId)}/analysis`)
      .pipe(map(readAnalysis));
  }

  streamUrl(jobId: string): string {
    return `/api/jobs/${encodeURIComponent(jobId)}/stream`;
  }
}
