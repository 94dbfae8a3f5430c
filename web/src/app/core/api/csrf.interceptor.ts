import { HttpClient, HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, shareReplay, switchMap, throwError } from 'rxjs';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const tokenPath = '/api/auth/csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The API's signed double-submit token. Its cookie name changes with the deployment (`__Host-csrf`
 * behind HTTPS), so the app asks `/api/auth/csrf` for the value instead of reading a cookie.
 */
@Injectable({ providedIn: 'root' })
export class CsrfToken {
  private readonly http = inject(HttpClient);
  private current?: Observable<string>;

  get(): Observable<string> {
    this.current ??= this.http
      .get<{ csrfToken: string }>(tokenPath, { withCredentials: true })
      .pipe(map((answer) => answer.csrfToken), shareReplay(1));
    return this.current;
  }

  forget(): void {
    this.current = undefined;
  }
}

function needsToken(req: HttpRequest<unknown>): boolean {
  return unsafeMethods.has(req.method) && req.url.startsWith('/api/') && !req.url.startsWith(tokenPath);
}

function isCsrfRefusal(error: unknown): boolean {
  const body = error instanceof HttpErrorResponse ? (error.error as { error?: { code?: string } } | null) : null;
  return error instanceof HttpErrorResponse && error.status === 403 && body?.error?.code === 'CSRF_FAILED';
}

/** Adds the token to unsafe API calls; a refused token (expired cookie) is fetched again once. */
export const csrfInterceptor: HttpInterceptorFn = (req, next) => {
  if (!needsToken(req)) return next(req);
  const csrf = inject(CsrfToken);
  const send = () => csrf.get().pipe(switchMap((token) => next(req.clone({ setHeaders: { [CSRF_HEADER]: token } }))));
  return send().pipe(
    catchError((error: unknown) => {
      if (!isCsrfRefusal(error)) return throwError(() => error);
      csrf.forget();
      return send();
    }),
  );
};
