import { HttpClient, HttpInterceptorFn } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, finalize, map, shareReplay, switchMap, throwError } from 'rxjs';
import { toApiError } from './api-error';
import { obj, str } from './read';

const refreshPath = '/api/auth/refresh';

/** One POST /api/auth/refresh at a time, shared by every request that found its token expired. */
@Injectable({ providedIn: 'root' })
export class SessionRefresher {
  private readonly http = inject(HttpClient);
  private inFlight: Observable<void> | null = null;

  refresh(): Observable<void> {
    this.inFlight ??= this.http.post<unknown>(refreshPath, {}).pipe(
      map(() => undefined),
      finalize(() => (this.inFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.inFlight;
  }
}

function isExpired(error: unknown): boolean {
  const apiError = toApiError(error);
  return apiError.status === 401 && str(obj(apiError.details)?.['reason']) === 'expired';
}

/**
 * An expired access token (401 with `details.reason: 'expired'`) on any /api call but the auth
 * routes: refresh the session once (shared among concurrent requests) and send the request again,
 * once. If the refresh fails, the caller sees the original 401.
 */
export const sessionRefreshInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith('/api/') || req.url.startsWith('/api/auth/')) return next(req);
  const refresher = inject(SessionRefresher);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (!isExpired(error)) return throwError(() => error);
      return refresher.refresh().pipe(
        catchError(() => throwError(() => error)),
        switchMap(() => next(req)),
      );
    }),
  );
};
