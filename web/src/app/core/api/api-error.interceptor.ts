import { HttpInterceptorFn } from '@angular/common/http';
import { catchError, throwError } from 'rxjs';
import { toApiError } from './api-error';

/** Requests to our own origin: relative URLs such as `/api/...` and `/readyz`. */
function isSameOrigin(url: string): boolean {
  if (url.startsWith('/') && !url.startsWith('//')) return true;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//')) return true;
  return typeof location !== 'undefined' && url.startsWith(`${location.origin}/`);
}

/**
 * Sends cookies with every same-origin request (the session lives in HttpOnly cookies only) and
 * turns every failure into an {@link ApiError}, so pages and `httpResource.error()` see one type.
 */
export const apiErrorInterceptor: HttpInterceptorFn = (req, next) => {
  const request = isSameOrigin(req.url) ? req.clone({ withCredentials: true }) : req;
  return next(request).pipe(catchError((error: unknown) => throwError(() => toApiError(error))));
};
