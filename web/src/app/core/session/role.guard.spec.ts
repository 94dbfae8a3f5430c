import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { apiErrorInterceptor } from '../api/api-error.interceptor';
import { NotAllowed } from '../../features/not-allowed/not-allowed';
import { roleGuard } from './role.guard';
import { Session } from './session';

@Component({ selector: 'app-fake-admin', template: '<h1>Admin console</h1>' })
class FakeAdmin {}
@Component({ selector: 'app-fake-support', template: '<h1>Support console</h1>' })
class FakeSupport {}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('roleGuard and the not-allowed page', () => {
  let httpTesting: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'admin', canMatch: [roleGuard('ADMIN')], component: FakeAdmin },
            { path: 'admin', component: NotAllowed, data: { area: 'admin console' } },
            { path: 'support', canMatch: [roleGuard('SUPPORT', 'ADMIN')], component: FakeSupport },
            { path: 'support', component: NotAllowed, data: { area: 'support console' } },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => httpTesting.verify());

  async function visit(url: string, user: object | null): Promise<string> {
    const navigation = harness.navigateByUrl(url);
    await settle();
    httpTesting
      .expectOne('/api/auth/session')
      .flush(user ? { user } : { user: null, guest: true, reason: 'missing' });
    await navigation;
    harness.detectChanges();
    return (harness.routeNativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ') ?? '';
  }

  it('lets an admin into both consoles (waiting for the session first)', async () => {
    expect(await visit('/admin', { id: 'u1', email: 'boss@example.com', role: 'ADMIN' })).toContain(
      'Admin console',
    );
    await harness.navigateByUrl('/support');
    expect(harness.routeNativeElement?.textContent).toContain('Support console');
  });

  it('lets support into /support but shows /admin as not allowed', async () => {
    expect(
      await visit('/support', { id: 'u2', email: 'help@example.com', role: 'SUPPORT' }),
    ).toContain('Support console');
    await harness.navigateByUrl('/admin');
    const text = harness.routeNativeElement?.textContent ?? '';
    expect(text).toContain('Not allowed');
    expect(text).toContain('The admin console is for the Résumé coach team only');
    expect(text).toContain('help@example.com');
  });

  it('shows a plain user, an unknown role and a guest the not-allowed page', async () => {
    expect(await visit('/support', { id: 'u3', email: 'ada@example.com', role: 'USER' })).toContain(
      'Not allowed',
    );
    const session = TestBed.inject(Session);
    let refreshed = session.refresh();
    httpTesting
      .expectOne('/api/auth/session')
      .flush({ user: { email: 'x@example.com', role: 'SUPERUSER' } });
    await refreshed;
    expect(session.isStaff()).toBe(false);
    await harness.navigateByUrl('/admin');
    expect(harness.routeNativeElement?.textContent).toContain('Not allowed');

    refreshed = session.refresh();
    httpTesting.expectOne('/api/auth/session').flush({ user: null, guest: true });
    await refreshed;
    await harness.navigateByUrl('/support');
    harness.detectChanges();
    const root = harness.routeNativeElement as HTMLElement;
    expect(root.textContent).toContain('Sign in with a staff account');
    expect(root.querySelector('a[href="/sign-in?returnUrl=%2Fsupport"]')).not.toBeNull();
  });
});
