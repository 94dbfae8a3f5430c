import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { apiErrorInterceptor } from './api-error.interceptor';
import { CSRF_HEADER, csrfInterceptor } from './csrf.interceptor';
import { sessionRefreshInterceptor } from './session-refresh.interceptor';

const expired = {
  error: { code: 'UNAUTHENTICATED', message: 'Please sign in to continue.', details: { reason: 'expired' } },
};
const unauthorized = { status: 401, statusText: 'Unauthorized' };

describe('sessionRefreshInterceptor', () => {
  let http: HttpClient;
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor, sessionRefreshInterceptor, csrfInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpTesting.verify());

  it('refreshes once on an expired token and retries the request once', () => {
    let answer: unknown;
    http.get('/api/drafts').subscribe((body) => (answer = body));
    httpTesting.expectOne('/api/drafts').flush(expired, unauthorized);
    httpTesting.expectOne('/api/auth/csrf').flush({ csrfToken: 't.mac' });
    const refresh = httpTesting.expectOne('/api/auth/refresh');
    expect(refresh.request.method).toBe('POST');
    expect(refresh.request.headers.get(CSRF_HEADER)).toBe('t.mac');
    refresh.flush({ rotated: true });
    httpTesting.expectOne('/api/drafts').flush({ items: [] });
    expect(answer).toEqual({ items: [] });
  });

  it('shares one refresh among concurrent requests, and retries unsafe calls with the CSRF token', () => {
    const answers: unknown[] = [];
    http.get('/api/drafts/a').subscribe((b) => answers.push(b));
    http.get('/api/drafts/b').subscribe((b) => answers.push(b));
    http.post('/api/drafts', { title: 't' }).subscribe((b) => answers.push(b));
    httpTesting.expectOne('/api/auth/csrf').flush({ csrfToken: 't.mac' });
    httpTesting.expectOne('/api/drafts/a').flush(expired, unauthorized);
    httpTesting.expectOne('/api/drafts/b').flush(expired, unauthorized);
    httpTesting.expectOne((r) => r.url === '/api/drafts' && r.method === 'POST').flush(expired, unauthorized);
    // One refresh for all three.
    httpTesting.expectOne('/api/auth/refresh').flush({ rotated: true });
    httpTesting.expectOne('/api/drafts/a').flush('a');
    httpTesting.expectOne('/api/drafts/b').flush('b');
    const retried = httpTesting.expectOne((r) => r.url === '/api/drafts' && r.method === 'POST');
    expect(retried.request.headers.get(CSRF_HEADER)).toBe('t.mac');
    expect(retried.request.body).toEqual({ title: 't' });
    retried.flush('c');
    expect(answers).toEqual(['a', 'b', 'c']);

    // A later expiry refreshes again (the shared refresh is over).
    http.get('/api/drafts/a').subscribe();
    httpTesting.expectOne('/api/drafts/a').flush(expired, unauthorized);
    httpTesting.expectOne('/api/auth/refresh').flush({ rotated: true });
    httpTesting.expectOne('/api/drafts/a').flush('again');
  });

  it('retries only once: a second expiry is the caller’s error', () => {
    let failed: unknown;
    http.get('/api/jobs/j1').subscribe({ error: (e: unknown) => (failed = e) });
    httpTesting.expectOne('/api/jobs/j1').flush(expired, unauthorized);
    httpTesting.expectOne('/api/auth/csrf').flush({ csrfToken: 't.mac' });
    httpTesting.expectOne('/api/auth/refresh').flush({ rotated: true });
    httpTesting.expectOne('/api/jobs/j1').flush(expired, unauthorized);
    expect(failed).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('gives the original 401 when the refresh fails', () => {
    let failed: unknown;
    http.get('/api/drafts').subscribe({ error: (e: unknown) => (failed = e) });
    httpTesting.expectOne('/api/drafts').flush(expired, unauthorized);
    httpTesting.expectOne('/api/auth/csrf').flush({ csrfToken: 't.mac' });
    httpTesting
      .expectOne('/api/auth/refresh')
      .flush({ error: { code: 'SESSION_REVOKED', message: 'Sign in again.' } }, unauthorized);
    expect(failed).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'expired' } });
  });

  it('leaves other 401s, /api/auth/* and non-API calls alone', () => {
    const failures: unknown[] = [];
    http.get('/api/drafts').subscribe({ error: (e: unknown) => failures.push(e) });
    httpTesting
      .expectOne('/api/drafts')
      .flush({ error: { code: 'UNAUTHENTICATED', message: 'x', details: { reason: 'missing' } } }, unauthorized);
    http.get('/api/auth/me').subscribe({ error: (e: unknown) => failures.push(e) });
    httpTesting.expectOne('/api/auth/me').flush(expired, unauthorized);
    http.get('/readyz').subscribe({ error: (e: unknown) => failures.push(e) });
    httpTesting.expectOne('/readyz').flush(expired, unauthorized);
    http.get('/api/drafts').subscribe({ error: (e: unknown) => failures.push(e) });
    httpTesting.expectOne('/api/drafts').flush('not json', unauthorized);
    expect(failures).toHaveLength(4);
    httpTesting.expectNone('/api/auth/refresh');
  });
});
