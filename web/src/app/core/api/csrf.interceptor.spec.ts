import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CSRF_HEADER, csrfInterceptor } from './csrf.interceptor';

describe('csrfInterceptor', () => {
  let http: HttpClient;
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([csrfInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpTesting.verify());

  it('fetches the token once and sends it on every unsafe API call', () => {
    http.post('/api/auth/login', {}).subscribe();
    httpTesting.expectOne('/api/auth/csrf').flush({ csrfToken: 'n.mac', header: CSRF_HEADER });
    expect(httpTesting.expectOne('/api/auth/login').request.headers.get(CSRF_HEADER)).toBe('n.mac');
    http.delete('/api/drafts/1').subscribe();
    expect(httpTesting.expectOne('/api/drafts/1').request.headers.get(CSRF_HEADER)).toBe('n.mac');
  });

  it('leaves safe calls and other origins alone', () => {
    http.get('/api/me').subscribe();
    http.post('https://elsewhere.example/x', {}).subscribe();
    expect(httpTesting.expectOne('/api/me').request.headers.has(CSRF_HEADER)).toBe(false);
    expect(httpTesting.expectOne('https://elsewhere.example/x').request.headers.has(CSRF_HEADER)).toBe(false);
  });

  it('fetches a fresh token and retries once when the API refuses the old one', () => {
    let answered: unknown;
    http.post('/api/auth/register', {}).subscribe((body) => (answered = body));
    httpTesting.expectOne('/api/auth/csrf').flush({ csrfToken: 'old.mac' });
    httpTesting
      .expectOne('/api/auth/register')
      .flush({ error: { code: 'CSRF_FAILED', message: 'expired' } }, { status: 403, statusText: 'Forbidden' });
    httpTesting.expectOne('/api/auth/csrf').flush({ csrfToken: 'new.mac' });
    const retry = httpTesting.expectOne('/api/auth/register');
    expect(retry.request.headers.get(CSRF_HEADER)).toBe('new.mac');
    retry.flush({ ok: true });
    expect(answered).toEqual({ ok: true });
  });

  it('does not retry other refusals', () => {
    let failed: unknown;
    http.post('/api/auth/login', {}).subscribe({ error: (e: unknown) => (failed = e) });
    httpTesting.expectOne('/api/auth/csrf').flush({ csrfToken: 't.mac' });
    httpTesting
      .expectOne('/api/auth/login')
      .flush({ error: { code: 'INVALID_CREDENTIALS', message: 'no' } }, { status: 401, statusText: 'Unauthorized' });
    expect(failed).toBeDefined();
  });
});
