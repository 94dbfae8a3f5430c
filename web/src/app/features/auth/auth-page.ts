import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { email, form, FormField, FormRoot, minLength, required } from '@angular/forms/signals';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../../core/api/api-error';
import { RETURN_URL_PARAM, safeReturnUrl } from '../../core/session/return-url';
import { Session } from '../../core/session/session';
import { ApiErrorAlert } from '../../shared/api-error-alert/api-error-alert';
import { AuthApi, AuthMode, Credentials } from './auth-api';

export const MIN_PASSWORD_LENGTH = 8;

const copy = {
  'sign-in': {
    heading: 'Sign in',
    lead: 'Welcome back. Pick up your drafts and applications where you left them.',
    submit: 'Sign in',
    busy: 'Signing in…',
    unavailable: 'Sign-in is not available yet',
    done: 'You are signed in.',
    switchText: 'New here?',
    switchLink: 'Create an account',
    switchRoute: '/register',
    passwordAutocomplete: 'current-password',
  },
  register: {
    heading: 'Create your account',
    lead: 'Keep your résumés, match results and application tracker in one place.',
    submit: 'Create account',
    busy: 'Creating account…',
    unavailable: 'Registration is not available yet',
    done: 'Your account is ready.',
    switchText: 'Already have an account?',
    switchLink: 'Sign in',
    switchRoute: '/sign-in',
    passwordAutocomplete: 'new-password',
  },
} as const;

/** Sign-in and registration: one form, two modes (set by the route's `data.mode`). */
@Component({
  selector: 'app-auth-page',
  imports: [
    RouterLink,
    FormField,
    FormRoot,
    MatButton,
    MatIconButton,
    MatCard,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatProgressSpinner,
    MatSuffix,
    ApiErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './auth-page.html',
  styleUrl: './auth-page.scss',
})
export class AuthPage {
  private readonly authApi = inject(AuthApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly session = inject(Session);

  readonly mode = input<AuthMode>('sign-in');
  /** Bound from `?returnUrl=` (set by the signed-in guard); checked before it is followed. */
  readonly returnUrl = input<string | undefined>(undefined);
  private readonly destination = computed(() => safeReturnUrl(this.returnUrl()));
  /** Switching between sign-in and register keeps the way back. */
  readonly switchParams = computed(() => {
    const destination = this.destination();
    return destination ? { [RETURN_URL_PARAM]: destination } : {};
  });
  readonly text = computed(() => copy[this.mode()]);
  readonly minPasswordLength = MIN_PASSWORD_LENGTH;

  readonly model = signal<Credentials>({ email: '', password: '' });
  readonly form = form(
    this.model,
    (path) => {
      required(path.email, { message: 'Enter your email address.' });
      email(path.email, { message: 'Enter an email address like name@example.com.' });
      required(path.password, { message: 'Enter your password.' });
      minLength(
        path.password,
        () => (this.mode() === 'register' ? MIN_PASSWORD_LENGTH : undefined),
        {
          message: `Use at least ${MIN_PASSWORD_LENGTH} characters.`,
        },
      );
    },
    { submission: { action: () => this.send() } },
  );

  /** The last failed submission. Any edit to the form resets it (the model is its source). */
  readonly apiError = linkedSignal<Credentials, ApiError | null>({
    source: this.model,
    computation: () => null,
  });

  readonly errorMessage = computed(() => {
    const error = this.apiError();
    if (!error) return '';
    if (error.code === 'NOT_FOUND' || error.code === 'METHOD_NOT_ALLOWED') {
      return `${this.text().unavailable} (${error.code}).`;
    }
    if (error.code === 'NETWORK') return error.message;
    return `${error.message} (${error.code})`;
  });

  readonly passwordVisible = signal(false);
  readonly emailError = computed(() => this.form.email().errors()[0]?.message ?? '');
  readonly passwordError = computed(() => this.form.password().errors()[0]?.message ?? '');

  togglePasswordVisibility(): void {
    this.passwordVisible.update((visible) => !visible);
  }

  private async send(): Promise<undefined> {
    this.apiError.set(null);
    try {
      await firstValueFrom(this.authApi.submit(this.mode(), this.model()));
    } catch (error) {
      this.apiError.set(toApiError(error));
      return undefined;
    }
    // The top bar shows who is signed in: ask the API now that the cookies are set.
    void this.session.refresh();
    this.snackBar.open(this.text().done, undefined, { duration: 4000 });
    await this.router.navigateByUrl(this.destination() ?? '/');
    return undefined;
  }
}
