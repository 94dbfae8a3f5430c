import { HttpErrorResponse } from '@angular/common/http';

/** The API's error body: `{ error: { code, message, details? }, requestId }`. */
export interface ErrorEnvelope {
  error: { code: string; message: string; details?: unknown };
  requestId?: string;
}

/** What every page sees when a request fails, whatever went wrong underneath. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** Stable machine code from the API's error catalog, or `NETWORK` / `HTTP_<status>` / `BAD_RESPONSE`. */
  readonly code: string;
  /** The request id to quote to support; `null` when the server never answered. */
  readonly requestId: string | null;
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  readonly details: unknown;

  constructor(init: {
    code: string;
    message: string;
    status: number;
    requestId?: string | null;
    details?: unknown;
  }) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId ?? null;
    this.details = init.details;
  }
}

export const NETWORK_ERROR_MESSAGE =
  'Cannot reach the server. Check your connection and try again.';

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

export function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

const fallbackByStatus: Readonly<Record<number, { code: string; message: string }>> = {
  404: { code: 'NOT_FOUND', message: 'Nothing was found at this address.' },
  429: { code: 'RATE_LIMITED', message: 'Too many attempts. Please wait and try again.' },
  502: { code: 'BAD_GATEWAY', message: 'The server is not answering right now. Please try again.' },
  503: { code: 'NOT_READY', message: 'The service is not available right now. Please try again.' },
  504: { code: 'TIMEOUT', message: 'The server took too long to answer. Please try again.' },
};

/**
 * Turns anything a request can fail with into an {@link ApiError}:
 * an error envelope keeps its code, message, details and request id; a failure to reach the
 * server becomes `NETWORK`; any other answer (an HTML error page, a proxy's 502) gets a code from
 * its status so the page still has something honest to say.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (!(error instanceof HttpErrorResponse)) {
    return new ApiError({
      code: 'UNKNOWN',
      message: 'Something unexpected went wrong. Please try again.',
      status: 0,
    });
  }
  const headerRequestId = error.headers?.get('x-request-id') ?? null;
  if (error.status === 0) {
    return new ApiError({ code: 'NETWORK', message: NETWORK_ERROR_MESSAGE, status: 0 });
  }
  const body: unknown = parseMaybeJson(error.error);
  if (isErrorEnvelope(body)) {
    return new ApiError({
      code: body.error.code,
      message: body.error.message,
      status: error.status,
      requestId: body.requestId ?? headerRequestId,
      details: body.error.details,
    });
  }
  if (error.status >= 200 && error.status < 300) {
    // A success status whose body could not be parsed as JSON.
    return new ApiError({
      code: 'BAD_RESPONSE',
      message: 'The server sent an answer this page cannot read.',
      status: error.status,
      requestId: headerRequestId,
    });
  }
  const fallback = fallbackByStatus[error.status] ?? {
    code: error.status >= 500 ? 'SERVER_ERROR' : `HTTP_${error.status}`,
    message:
      error.status >= 500
        ? 'Something went wrong on our side. Please try again.'
        : `The request failed (HTTP ${error.status}).`,
  };
  return new ApiError({ ...fallback, status: error.status, requestId: headerRequestId });
}

/** Error bodies arrive as text when the request asked for text, or when JSON parsing failed. */
function parseMaybeJson(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}
