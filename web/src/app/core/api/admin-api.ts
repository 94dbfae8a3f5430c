import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import {
  AdminOverview,
  FlagName,
  Flags,
  JobsFilter,
  JobsPage,
  readFlags,
  readJobsPage,
  readOverview,
} from './staff';

/** The admin console's calls (ADMIN). */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  overview(): Observable<AdminOverview> {
    return this.http.get<unknown>('/api/admin/overview').pipe(map(readOverview));
  }

  jobs(filter: JobsFilter): Observable<JobsPage> {
    let params = new HttpParams()
      .set('page', String(filter.page))
      .set('pageSize', String(filter.pageSize));
    if (filter.status) params = params.set('status', filter.status);
    if (filter.step) params = params.set('step', filter.step);
    if (filter.errorCode) params = params.set('errorCode', filter.errorCode);
    return this.http
      .get<unknown>('/api/admin/jobs', { params })
      .pipe(map((body) => readJobsPage(body, filter)));
  }

  retry(jobId: string): Observable<void> {
    return this.http
      .post<unknown>(`/api/admin/jobs/${encodeURIComponent(jobId)}/retry`, {})
      .pipe(map(() => undefined));
  }

  setPlan(userId: string, plan: 'FREE' | 'PRO', reason: string): Observable<void> {
    return this.http
      .post<unknown>(`/api/admin/users/${encodeURIComponent(userId)}/plan`, { plan, reason })
      .pipe(map(() => undefined));
  }

  flags(): Observable<Flags> {
    return this.http.get<unknown>('/api/admin/flags').pipe(map(readFlags));
  }

  /** Answers the flags after the change. */
  setFlag<F extends FlagName>(flag: F, value: Flags[F], reason: string): Observable<Flags> {
    return this.http
      .put<unknown>(`/api/admin/flags/${encodeURIComponent(flag)}`, { value, reason })
      .pipe(map(readFlags));
  }
}
