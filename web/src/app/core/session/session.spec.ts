import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { apiErrorInterceptor } from '../api/api-error.interceptor';
import { Session } from './session';

describe('Session', () => {
  let session: Session;
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    session = TestBed.inject(Session);
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpTesting.verify());

  it('is a user when /api/auth/me answers 200, with cookies', async () => {
    const done = session.refresh();
    const request = httpTesting.expectOne('/api/auth/me');
    expect(request.request.withCredentials).toBe(true);
    request.flush({ id: 'u1', email: 'ada@example.com', plan: 'PRO' });
    await done;
    expect(session.user()).toEqual({ email: 'ada@example.com', plan: 'PRO' });
  });

  it('is a guest on 401, on a network failure and on a body without an email', async () => {
    let done = session.refresh();
    httpTesting
      .expectOne('/api/auth/me')
      .flush(
        { error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } },
        { status: 401, statusText: 'Unauthorized' },
      );
    await done;
    expect(session.current()).toEqual({ kind: 'guest' });

    done = session.refresh();
    httpTesting.expectOne('/api/auth/me').error(new ProgressEvent('error'));
    await done;
    expect(session.user()).toBeNull();

    done = session.refresh();
    httpTesting.expectOne('/api/auth/me').flush({ id: 'u1' });
    await done;
    expect(session.current()).toEqual({ kind: 'guest' });
  });

  it('signs out with a POST and forgets the user', async () => {
    const refreshed = session.refresh();
    httpTesting.expectOne('/api/auth/me').flush({ user: { email: 'ada@example.com' } });
    await refreshed;
    expect(session.user()?.email).toBe('ada@example.com');

    const done = session.signOut();
    const request = httpTesting.expectOne('/api/auth/logout');
    expect(request.request.method).toBe('POST');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await done;
    expect(session.user()).toBeNull();
  });
});
