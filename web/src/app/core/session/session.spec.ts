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

  it('is a user when /api/auth/session names one, with cookies', async () => {
    const done = session.refresh();
    const request = httpTesting.expectOne('/api/auth/session');
    expect(request.request.withCredentials).toBe(true);
    request.flush({ user: { id: 'u1', email: 'ada@example.com', plan: 'PRO' }, guest: false });
    await done;
    expect(session.user()).toEqual({
      id: 'u1',
      email: 'ada@example.com',
      plan: 'PRO',
      role: 'USER',
    });
  });

  it('refreshes an expired session once and asks again', async () => {
    const done = session.refresh();
    httpTesting
      .expectOne('/api/auth/session')
      .flush({ user: null, guest: false, reason: 'expired' });
    await Promise.resolve();
    const refresh = httpTesting.expectOne('/api/auth/refresh');
    expect(refresh.request.method).toBe('POST');
    refresh.flush({ rotated: true });
    await new Promise((r) => setTimeout(r));
    httpTesting
      .expectOne('/api/auth/session')
      .flush({ user: { email: 'ada@example.com', plan: 'FREE' } });
    await done;
    expect(session.user()?.email).toBe('ada@example.com');
  });

  it('is a guest without a user, when the refresh fails, on a network failure and on a body without an email', async () => {
    let done = session.refresh();
    httpTesting
      .expectOne('/api/auth/session')
      .flush({ user: null, guest: true, reason: 'missing' });
    await done;
    expect(session.current()).toEqual({ kind: 'guest' });

    done = session.refresh();
    httpTesting.expectOne('/api/auth/session').flush({ user: null, reason: 'expired' });
    await Promise.resolve();
    httpTesting
      .expectOne('/api/auth/refresh')
      .flush(
        { error: { code: 'SESSION_EXPIRED', message: 'Sign in again.' } },
        { status: 401, statusText: 'Unauthorized' },
      );
    await done;
    expect(session.user()).toBeNull();

    done = session.refresh();
    httpTesting.expectOne('/api/auth/session').error(new ProgressEvent('error'));
    await done;
    expect(session.user()).toBeNull();

    done = session.refresh();
    httpTesting.expectOne('/api/auth/session').flush({ user: { id: 'u1' } });
    await done;
    expect(session.current()).toEqual({ kind: 'guest' });
  });

  it('signs out with a POST and forgets the user', async () => {
    const refreshed = session.refresh();
    httpTesting.expectOne('/api/auth/session').flush({ user: { email: 'ada@example.com' } });
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
