import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiError, NETWORK_ERROR_MESSAGE } from './api-error';
import { apiErrorInterceptor } from './api-error.interceptor';

describe('apiErrorInterceptor', () => {
  let http: HttpClient;
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpTesting.verify());

  function failureOf(url: string): { error: unknown } {
    const outcome: { error: unknown } = { error: undefined };
    http.get(url).subscribe({
      next: () => expect.unreachable('the request should fail'),
      error: (error: unknown) => (outcome.error = error),
    });
    return outcome;
  }

  it('turns an error envelope into an ApiError with code, message, details, request id and status', () => {
    const outcome = failureOf('/api/auth/login');
    httpTesting.expectOne('/api/auth/login').flush(
      {
        error: { code: 'VALIDATION_FAILED', message: 'Some fields are missing or invalid.', details: { field: 'email' } },
        requestId: 'req-123',
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );

    expect(outcome.error).toBeInstanceOf(ApiError);
    const error = outcome.error as ApiError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('Some fields are missing or invalid.');
    expect(error.requestId).toBe('req-123');
    expect(error.status).toBe(422);
    expect(error.details).toEqual({ field: 'email' });
  });

  it('keeps the 404 envelope of a route the API does not have yet', () => {
    const outcome = failureOf('/api/nothing-here');
    httpTesting.expectOne('/api/nothing-here').flush(
      { error: { code: 'NOT_FOUND', message: 'Nothing was found at this address.' }, requestId: 'req-404' },
      { status: 404, statusText: 'Not Found' },
    );

    expect(outcome.error).toMatchObject({ code: 'NOT_FOUND', status: 404, requestId: 'req-404' });
  });

  it('reads an envelope that arrives as text', () => {
    const outcome = failureOf('/api/text');
    httpTesting.expectOne('/api/text').flush(
      JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'Too many attempts.' }, requestId: 'r-9' }),
      { status: 429, statusText: 'Too Many Requests' },
    );

    expect(outcome.error).toMatchObject({ code: 'RATE_LIMITED', message: 'Too many attempts.', status: 429 });
  });

  it('maps a network failure to NETWORK with status 0 and no request id', () => {
    const outcome = failureOf('/api/offline');
    httpTesting.expectOne('/api/offline').error(new ProgressEvent('error'));

    expect(outcome.error).toBeInstanceOf(ApiError);
    expect(outcome.error).toMatchObject({
      code: 'NETWORK',
      message: NETWORK_ERROR_MESSAGE,
      status: 0,
      requestId: null,
    });
    expect((outcome.error as ApiError).message).toMatch(/^Cannot reach the server/);
  });

  it('gives a non-envelope answer a code from its status and the request id from the header', () => {
    const outcome = failureOf('/api/proxy');
    httpTesting.expectOne('/api/proxy').flush('<html>Bad Gateway</html>', {
      status: 502,
      statusText: 'Bad Gateway',
      headers: { 'x-request-id': 'hdr-1' },
    });

    expect(outcome.error).toMatchObject({ code: 'BAD_GATEWAY', status: 502, requestId: 'hdr-1' });
  });

  it('falls back to SERVER_ERROR for other 5xx answers without an envelope', () => {
    const outcome = failureOf('/api/boom');
    httpTesting.expectOne('/api/boom').flush(null, { status: 500, statusText: 'Internal Server Error' });

    expect(outcome.error).toMatchObject({ code: 'SERVER_ERROR', status: 500 });
  });

  it('sends cookies with same-origin requests only', () => {
    http.get('/readyz').subscribe();
    http.get('https://elsewhere.example/data').subscribe();

    expect(httpTesting.expectOne('/readyz').request.withCredentials).toBe(true);
    expect(httpTesting.expectOne('https://elsewhere.example/data').request.withCredentials).toBe(false);
  });

  it('lets successful responses through untouched', () => {
    let body: unknown;
    http.get('/api/ok').subscribe((value) => (body = value));
    httpTesting.expectOne('/api/ok').flush({ fine: true });

    expect(body).toEqual({ fine: true });
  });
});
