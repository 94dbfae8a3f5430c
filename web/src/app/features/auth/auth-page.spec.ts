import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { AuthPage } from './auth-page';

/** Lets the form's async submit reach the HTTP layer. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('AuthPage', () => {
  let fixture: ComponentFixture<AuthPage>;
  let httpTesting: HttpTestingController;
  let root: HTMLElement;

  async function create(mode: 'sign-in' | 'register', returnUrl?: string): Promise<void> {
    fixture = TestBed.createComponent(AuthPage);
    fixture.componentRef.setInput('mode', mode);
    if (returnUrl !== undefined) fixture.componentRef.setInput('returnUrl', returnUrl);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [AuthPage],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpTesting.verify());

  const emailInput = () => root.querySelector<HTMLInputElement>('input[type="email"]')!;
  const passwordInput = () => root.querySelectorAll<HTMLInputElement>('input')[1]!;
  const alert = () => root.querySelector('[role="alert"]');

  async function type(input: HTMLInputElement, value: string): Promise<void> {
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();
  }

  it('posts the credentials to /api/auth/login with cookies', async () => {
    await create('sign-in');
    await type(emailInput(), 'ada@example.com');
    await type(passwordInput(), 'correct horse');
    await submit();

    const request = httpTesting.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'ada@example.com', password: 'correct horse' });
    expect(request.request.withCredentials).toBe(true);
    request.flush({ ok: true });
    await settle();
    httpTesting
      .expectOne('/api/auth/session')
      .flush({ user: { id: 'u1', email: 'ada@example.com' } });
  });

  it('shows a 404 envelope as "not available yet" and keeps it until a field is edited', async () => {
    await create('sign-in');
    await type(emailInput(), 'ada@example.com');
    await type(passwordInput(), 'correct horse');
    await submit();
    httpTesting
      .expectOne('/api/auth/login')
      .flush(
        {
          error: { code: 'NOT_FOUND', message: 'Nothing was found at this address.' },
          requestId: 'req-42',
        },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    await fixture.whenStable();

    expect(alert()?.textContent).toContain('Sign-in is not available yet (NOT_FOUND)');
    expect(alert()?.textContent).toContain('req-42');

    // Things that are not edits leave the message in place.
    emailInput().dispatchEvent(new Event('blur'));
    root.querySelector<HTMLButtonElement>('button[aria-label="Show password"]')!.click();
    await fixture.whenStable();
    expect(alert()?.textContent).toContain('Sign-in is not available yet (NOT_FOUND)');

    // Editing a field clears it.
    await type(passwordInput(), 'correct horse battery');
    expect(alert()).toBeNull();
  });

  it('shows the API message and code for other errors, and clears it when the email changes', async () => {
    await create('register');
    await type(emailInput(), 'ada@example.com');
    await type(passwordInput(), 'long enough password');
    await submit();
    httpTesting
      .expectOne('/api/auth/register')
      .flush(
        {
          error: { code: 'CONFLICT', message: 'This email is already registered.' },
          requestId: 'r-7',
        },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    await fixture.whenStable();

    expect(alert()?.textContent).toContain('This email is already registered. (CONFLICT)');

    await type(emailInput(), 'ada@example.org');
    expect(alert()).toBeNull();
  });

  it('explains a network failure', async () => {
    await create('sign-in');
    await type(emailInput(), 'ada@example.com');
    await type(passwordInput(), 'pw');
    await submit();
    httpTesting.expectOne('/api/auth/login').error(new ProgressEvent('error'));
    await settle();
    await fixture.whenStable();

    expect(alert()?.textContent).toContain('Cannot reach the server');
  });

  it('does not send an invalid form and says what is wrong', async () => {
    await create('register');
    await type(emailInput(), 'not-an-email');
    await type(passwordInput(), 'short');
    await submit();
    await fixture.whenStable();

    httpTesting.expectNone('/api/auth/register');
    const errors = Array.from(root.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
    expect(errors).toContain('Enter an email address like name@example.com.');
    expect(errors).toContain('Use at least 8 characters.');
  });

  it('toggles password visibility with an accessible button', async () => {
    await create('sign-in');
    const toggle = root.querySelector<HTMLButtonElement>('button[aria-label="Show password"]')!;
    expect(passwordInput().type).toBe('password');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');

    toggle.click();
    await fixture.whenStable();

    expect(passwordInput().type).toBe('text');
    expect(toggle.getAttribute('aria-label')).toBe('Hide password');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
  });

  it('goes to the home page after a successful sign-in', async () => {
    await create('sign-in');
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl');
    await type(emailInput(), 'ada@example.com');
    await type(passwordInput(), 'correct horse');
    await submit();
    httpTesting.expectOne('/api/auth/login').flush({ user: { id: 'u1' } });
    await settle();
    // The shell's session is refreshed so the top bar shows the account.
    httpTesting
      .expectOne('/api/auth/session')
      .flush({ user: { id: 'u1', email: 'ada@example.com', plan: 'FREE' } });
    await settle();

    expect(navigate).toHaveBeenCalledWith('/');
    expect(alert()).toBeNull();
  });

  async function signInAs(email: string): Promise<void> {
    await type(emailInput(), email);
    await type(passwordInput(), 'correct horse');
    await submit();
    httpTesting.expectOne('/api/auth/login').flush({ user: { id: 'u1' } });
    await settle();
    httpTesting.expectOne('/api/auth/session').flush({ user: { id: 'u1', email, plan: 'FREE' } });
    await settle();
  }

  it('returns to the page the guard sent the user from', async () => {
    await create('sign-in', '/drafts/42?tab=export');
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await signInAs('ada@example.com');
    expect(navigate).toHaveBeenCalledWith('/drafts/42?tab=export');
  });

  it('never follows a return address outside the app', async () => {
    await create('sign-in', 'https://evil.example/phish');
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl');
    await signInAs('ada@example.com');
    expect(navigate).toHaveBeenCalledWith('/');
    expect(navigate).not.toHaveBeenCalledWith(expect.stringContaining('evil'));
  });

  it('keeps the return address on the link to the other form', async () => {
    await create('sign-in', '/account');
    const link = root.querySelector<HTMLAnchorElement>('.switch a')!;
    expect(link.getAttribute('href')).toBe('/register?returnUrl=%2Faccount');
  });
});
