import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { readSessions } from '../../core/api/account-api';
import { signedInGuard } from '../../core/session/signed-in.guard';
import { AccountPage } from './account-page';

@Component({ selector: 'app-fake-sign-in', template: '<h1>Sign in</h1>' })
class FakeSignIn {}
@Component({ selector: 'app-fake-home', template: '<h1>Home</h1>' })
class FakeHome {}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('AccountPage and signedInGuard', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', component: FakeHome },
          { path: 'sign-in', component: FakeSignIn },
          { path: 'account', canActivate: [signedInGuard], component: AccountPage },
        ]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });
  afterEach(() => http.verify());

  const el = () => harness.routeNativeElement as HTMLElement;
  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await macrotask();
      harness.detectChanges();
    }
  }
  const button = (name: RegExp) =>
    Array.from(el().querySelectorAll('button')).find((b) => name.test(b.textContent ?? ''))!;
  const type = (name: string, value: string) => {
    const input = el().querySelector<HTMLInputElement>(`input[name=${name}]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  async function openAsUser(): Promise<void> {
    const navigation = harness.navigateByUrl('/account');
    await macrotask();
    http.expectOne('/api/auth/session').flush({ user: { id: 'u1', email: 'ada@example.com', plan: 'FREE', role: 'USER' } });
    await navigation;
    await settle();
    http.expectOne('/api/auth/me').flush({
      id: 'u1',
      email: 'ada@example.com',
      displayName: '<b>Ada</b>',
      plan: 'FREE',
      role: 'USER',
      createdAt: '2026-01-01T00:00:00Z',
    });
    http.expectOne('/api/auth/sessions').flush({
      sessions: [
        { id: 's1', current: true, method: 'password', device: 'Chrome/Linux', startedAt: '2026-03-01T10:00:00Z', lastUsedAt: '2026-03-01T11:00:00Z' },
        { id: 's2', current: false, method: 'password', device: '<img src=x>', startedAt: '2026-02-01T10:00:00Z' },
      ],
    });
    await settle();
  }

  it('sends a guest to the sign-in page, with the way back', async () => {
    const navigation = harness.navigateByUrl('/account');
    await macrotask();
    http.expectOne('/api/auth/session').flush({ user: null, guest: true, reason: 'missing' });
    await navigation;
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Faccount');
  });

  it('shows plan, e-mail and devices, renames, and signs another device out', async () => {
    await openAsUser();
    expect(el().querySelector('.email')?.textContent).toContain('ada@example.com');
    expect(el().querySelector('.plan')?.textContent).toContain('Free');
    expect(el().querySelector('input[name=displayName]')).toBeTruthy();
    expect((el().querySelector('input[name=displayName]') as HTMLInputElement).value).toBe('<b>Ada</b>');
    expect(el().querySelector('img')).toBeNull();
    expect(el().querySelectorAll('li.session').length).toBe(2);

    type('displayName', 'Ada L.');
    button(/save name/i).click();
    const patch = http.expectOne({ method: 'PATCH', url: '/api/auth/me' });
    expect(patch.request.body).toEqual({ displayName: 'Ada L.' });
    patch.flush({ user: { email: 'ada@example.com', displayName: 'Ada L.' }, position: 4 });
    await settle();
    expect(el().textContent).toContain('Your name is saved.');

    const other = el().querySelectorAll('li.session')[1].querySelector('button')!;
    other.click();
    http.expectOne({ method: 'DELETE', url: '/api/auth/sessions/s2' }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(el().querySelectorAll('li.session').length).toBe(1);
  });

  it('keeps a wrong current password message until that field changes, and lists weak-password reasons', async () => {
    await openAsUser();
    type('currentPassword', 'wrong one');
    type('newPassword', 'a much longer password');
    await settle();
    button(/change password/i).click();
    http.expectOne('/api/auth/password').flush(
      { error: { code: 'PASSWORD_MISMATCH', message: 'No.' } },
      { status: 403, statusText: 'Forbidden' },
    );
    await settle();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('PASSWORD_MISMATCH');
    type('newPassword', 'another much longer one');
    await settle();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('PASSWORD_MISMATCH');
    type('currentPassword', 'right one!');
    await settle();
    expect(el().querySelector('[role=alert]')).toBeNull();

    button(/change password/i).click();
    http.expectOne('/api/auth/password').flush(
      { error: { code: 'WEAK_PASSWORD', message: 'Weak.', details: { problems: ['COMMON', 42] } } },
      { status: 422, statusText: 'Unprocessable' },
    );
    await settle();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('too common');
  });

  it('deletes the account only after the typed confirmation and the password', async () => {
    await openAsUser();
    type('deletePassword', 'correct horse battery');
    await settle();
    expect(button(/delete my account/i).disabled).toBe(true);
    type('deleteConfirm', 'Delete my account');
    await settle();
    expect(button(/delete my account/i).disabled).toBe(false);
    button(/delete my account/i).click();
    const request = http.expectOne({ method: 'DELETE', url: '/api/auth/me' });
    expect(request.request.body).toEqual({ password: 'correct horse battery' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    http.expectOne('/api/auth/session').flush({ user: null, guest: false, reason: 'missing' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/');
  });
});

describe('readSessions', () => {
  it('drops entries without an id and keeps text as text', () => {
    expect(readSessions({ sessions: [null, { id: 3 }, { id: 's', device: 5, current: 'yes' }] })).toEqual([
      { id: 's', current: false, method: null, device: null, startedAt: null, lastUsedAt: null, expiresAt: null },
    ]);
    expect(readSessions('nope')).toEqual([]);
  });
});
