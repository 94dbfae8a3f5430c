import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { App } from './app';
import { routes } from './app.routes';
import { apiErrorInterceptor } from './core/api/api-error.interceptor';

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('App shell', () => {
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter(routes),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpTesting.verify());

  async function create(me: { status: 200; body: object } | { status: 401 }) {
    const fixture = TestBed.createComponent(App);
    TestBed.tick();
    httpTesting.expectOne('/readyz').flush({ status: 'ready', checks: { postgres: { status: 'up', ms: 1 } } });
    const sessionRequest = httpTesting.expectOne('/api/auth/session');
    if (me.status === 200) sessionRequest.flush({ user: me.body, guest: false });
    else sessionRequest.flush({ user: null, guest: false, reason: 'missing' });
    await settle();
    await fixture.whenStable();
    return { fixture, root: fixture.nativeElement as HTMLElement };
  }

  const linksOf = (root: HTMLElement, nav: string) =>
    Array.from(root.querySelectorAll(`nav[aria-label="${nav}"] a`)).map((a) => [
      (a.querySelector('.nav-label') ?? a).textContent?.replace(/\s+/g, ' ').trim(),
      a.getAttribute('href'),
    ]);

  it('has landmarks, the product name, drafts and account links and the O*NET attribution', async () => {
    const { root } = await create({ status: 401 });

    expect(root.querySelector('header')?.textContent).toContain('Résumé coach');
    expect(root.querySelector('main')).not.toBeNull();
    expect(linksOf(root, 'Drafts')).toEqual([
      ['My drafts', '/drafts'],
      ['New draft', '/drafts/new'],
    ]);
    expect(linksOf(root, 'Account')).toEqual([
      ['Sign in', '/sign-in'],
      ['Create account', '/register'],
    ]);
    // Searching is open to everyone; the tracker is a signed-in person's.
    expect(linksOf(root, 'Jobs')).toEqual([['Job search', '/jobs']]);
    const footer = root.querySelector('footer')?.textContent?.replace(/\s+/g, ' ');
    expect(footer).toContain('Skills vocabulary: O*NET (CC BY 4.0)');
    expect(footer).toContain('All systems normal');
  });

  it('shows the signed-in email and signs out with POST /api/auth/logout', async () => {
    const { root, fixture } = await create({ status: 200, body: { id: 'u1', email: 'ada@example.com', plan: 'FREE' } });
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);

    expect(root.querySelector('.account-email')?.textContent).toContain('ada@example.com');
    // The e-mail links to the account page (name, password, devices, deletion).
    expect(linksOf(root, 'Account').map(([, href]) => href)).toEqual(['/account']);
    expect(linksOf(root, 'Jobs')).toEqual([
      ['Job search', '/jobs'],
      ['Tracker', '/tracker'],
    ]);

    const signOut = Array.from(root.querySelectorAll<HTMLButtonElement>('nav[aria-label="Account"] button')).find(
      (b) => b.textContent?.trim() === 'Sign out',
    )!;
    signOut.click();
    const logout = httpTesting.expectOne('/api/auth/logout');
    expect(logout.request.method).toBe('POST');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith('/');
    expect(root.querySelector('.account-notice')?.textContent).toContain('You are signed out.');
    expect(linksOf(root, 'Account').map(([text]) => text)).toEqual(['Sign in', 'Create account']);
  });

  it('shows the staff links by role: none for a user, Support for SUPPORT, both for ADMIN', async () => {
    let { root } = await create({ status: 200, body: { id: 'u1', email: 'ada@example.com', role: 'USER' } });
    expect(root.querySelector('nav[aria-label="Staff"]')).toBeNull();
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter(routes),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    ({ root } = await create({ status: 200, body: { id: 'u2', email: 'help@example.com', role: 'SUPPORT' } }));
    expect(linksOf(root, 'Staff')).toEqual([['Support', '/support']]);
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter(routes),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    ({ root } = await create({ status: 200, body: { id: 'u3', email: 'boss@example.com', role: 'ADMIN' } }));
    expect(linksOf(root, 'Staff')).toEqual([
      ['Support', '/support'],
      ['Admin', '/admin'],
    ]);
    expect(linksOf(root, 'Drafts')).toHaveLength(2);
  });
});
