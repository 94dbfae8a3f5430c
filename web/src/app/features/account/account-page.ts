import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { AccountApi, MAX_DISPLAY_NAME, SessionInfo } from '../../core/api/account-api';
import { ApiError, toApiError } from '../../core/api/api-error';
import { errorText } from '../../core/api/error-text';
import { arr, obj, str } from '../../core/api/read';
import { Session } from '../../core/session/session';
import { ApiErrorAlert } from '../../shared/api-error-alert/api-error-alert';

export const MIN_NEW_PASSWORD = 10;
export const MAX_NEW_PASSWORD = 128;
/** What a person types to confirm deleting their account. */
export const DELETE_PHRASE = 'delete my account';

const PLAN_LABELS: Readonly<Record<string, string>> = {
  FREE: 'Free',
  PRO: 'Pro',
  GUEST: 'Guest',
};

const WEAK_PASSWORD_TEXT: Readonly<Record<string, string>> = {
  TOO_SHORT: `Use at least ${MIN_NEW_PASSWORD} characters.`,
  TOO_LONG: `Use at most ${MAX_NEW_PASSWORD} characters.`,
  COMMON: 'This password is too common: pick something less guessable.',
  SAME_AS_EMAIL: 'Do not use your e-mail address as the password.',
};

/** Why a new password was refused, as lines a person can act on. */
export function passwordProblems(error: ApiError): string[] {
  if (error.code !== 'WEAK_PASSWORD') return [];
  return arr(obj(error.details)?.['problems'])
    .map((code) => str(code))
    .filter((code): code is string => !!code)
    .map((code) => WEAK_PASSWORD_TEXT[code] ?? code)
    .slice(0, 4);
}

/** The signed-in person's account: plan, name, password, devices, deletion. */
@Component({
  selector: 'app-account-page',
  imports: [DatePipe, MatButton, MatFormField, MatHint, MatLabel, MatIcon, MatInput, MatProgressBar, ApiErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-page.html',
  styleUrl: './account-page.scss',
})
export class AccountPage {
  private readonly api = inject(AccountApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  readonly errorText = errorText;
  readonly maxName = MAX_DISPLAY_NAME;
  readonly minPassword = MIN_NEW_PASSWORD;
  readonly deletePhrase = DELETE_PHRASE;

  readonly profile = rxResource({ stream: () => this.api.me() });
  readonly sessions = rxResource({ stream: () => this.api.sessions() });

  readonly profileError = computed(() => {
    const error = this.profile.error();
    return error ? toApiError(error) : null;
  });
  readonly sessionsError = computed(() => {
    const error = this.sessions.error();
    return error ? toApiError(error) : null;
  });
  readonly planLabel = computed(() => {
    const plan = this.profile.hasValue() ? this.profile.value().plan : null;
    return plan ? (PLAN_LABELS[plan] ?? plan) : 'Unknown';
  });

  // Display name.
  readonly name = linkedSignal(() =>
    this.profile.hasValue() ? (this.profile.value().displayName ?? '') : '',
  );
  readonly savingName = signal(false);
  readonly nameError = signal<ApiError | null>(null);
  readonly nameSaved = signal('');
  readonly nameProblem = computed(() =>
    this.name().trim().length > MAX_DISPLAY_NAME ? `Keep it to ${MAX_DISPLAY_NAME} characters.` : null,
  );

  // Password.
  readonly currentPassword = signal('');
  readonly newPassword = signal('');
  readonly changingPassword = signal(false);
  readonly passwordError = signal<ApiError | null>(null);
  readonly passwordChanged = signal('');
  readonly newPasswordProblem = computed(() => {
    const length = [...this.newPassword()].length;
    if (length > 0 && length < MIN_NEW_PASSWORD) return `Use at least ${MIN_NEW_PASSWORD} characters.`;
    if (length > MAX_NEW_PASSWORD) return `Use at most ${MAX_NEW_PASSWORD} characters.`;
    return null;
  });
  readonly passwordProblems = computed(() => {
    const error = this.passwordError();
    return error ? passwordProblems(error) : [];
  });

  // Sessions.
  readonly revoking = signal<string | null>(null);
  readonly revokeError = signal<ApiError | null>(null);
  readonly revokedNotice = signal('');
  readonly hiddenSessions = signal<ReadonlySet<string>>(new Set());
  readonly shownSessions = computed<SessionInfo[]>(() =>
    this.sessions.hasValue()
      ? this.sessions.value().filter((s) => !this.hiddenSessions().has(s.id))
      : [],
  );

  // Deletion.
  readonly deletePassword = signal('');
  readonly deleteConfirm = signal('');
  readonly deleting = signal(false);
  readonly deleteError = signal<ApiError | null>(null);
  readonly canDelete = computed(
    () =>
      !!this.deletePassword() &&
      this.deleteConfirm().trim().toLowerCase() === DELETE_PHRASE &&
      !this.deleting(),
  );

  setName(value: string): void {
    this.name.set(value);
    this.nameError.set(null);
    this.nameSaved.set('');
  }

  async saveName(event: Event): Promise<void> {
    event.preventDefault();
    if (this.nameProblem() || this.savingName()) return;
    this.savingName.set(true);
    this.nameError.set(null);
    try {
      const updated = await firstValueFrom(this.api.rename(this.name().trim()));
      if (this.profile.hasValue())
        this.profile.set({ ...this.profile.value(), displayName: updated.displayName ?? this.name().trim() });
      this.nameSaved.set('Your name is saved.');
    } catch (error) {
      this.nameError.set(toApiError(error));
    } finally {
      this.savingName.set(false);
    }
  }

  setCurrentPassword(value: string): void {
    this.currentPassword.set(value);
    // The refusal stays until the person changes the field it is about.
    if (this.passwordError()?.code === 'PASSWORD_MISMATCH') this.passwordError.set(null);
    this.passwordChanged.set('');
  }

  setNewPassword(value: string): void {
    this.newPassword.set(value);
    if (this.passwordError()?.code !== 'PASSWORD_MISMATCH') this.passwordError.set(null);
    this.passwordChanged.set('');
  }

  async changePassword(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.currentPassword() || !this.newPassword() || this.newPasswordProblem()) return;
    this.changingPassword.set(true);
    this.passwordError.set(null);
    try {
      await firstValueFrom(this.api.changePassword(this.currentPassword(), this.newPassword()));
      this.currentPassword.set('');
      this.newPassword.set('');
      this.passwordChanged.set('Password changed. Your other devices are signed out.');
      this.hiddenSessions.set(new Set());
      this.sessions.reload();
    } catch (error) {
      this.passwordError.set(toApiError(error));
    } finally {
      this.changingPassword.set(false);
    }
  }

  async revoke(target: SessionInfo): Promise<void> {
    this.revokeError.set(null);
    this.revoking.set(target.id);
    try {
      await firstValueFrom(this.api.revoke(target.id));
      this.hiddenSessions.update((set) => new Set(set).add(target.id));
      this.revokedNotice.set(`Signed out ${target.device ?? 'that device'}.`);
      if (target.current) {
        await this.session.refresh();
        await this.router.navigateByUrl('/sign-in');
      }
    } catch (error) {
      this.revokeError.set(toApiError(error));
    } finally {
      this.revoking.set(null);
    }
  }

  async deleteAccount(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.canDelete()) return;
    this.deleting.set(true);
    this.deleteError.set(null);
    try {
      await firstValueFrom(this.api.deleteAccount(this.deletePassword()));
      this.deletePassword.set('');
      await this.session.refresh();
      await this.router.navigateByUrl('/');
    } catch (error) {
      this.deleteError.set(toApiError(error));
    } finally {
      this.deleting.set(false);
    }
  }

  setDeletePassword(value: string): void {
    this.deletePassword.set(value);
    this.deleteError.set(null);
  }

  methodLabel(method: string | null): string {
    if (method === 'password' || method === 'login') return 'Signed in with password';
    if (method === 'register') return 'Signed in at registration';
    return method ? `Signed in (${method})` : 'Signed in';
  }
}
