import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { filter, map } from 'rxjs';
import { MatAnchor } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { ApiError } from '../../core/api/api-error';
import { returnTo } from '../../core/session/return-url';
import { Session } from '../../core/session/session';

/**
 * A staff page for someone without the role: the route's fallback when the role guard does not
 * match (no request is made, so nothing is refused in the console), and what a console shows when
 * the API itself answers 401/403 (a role changed since sign-in) — then with the API's message.
 */
@Component({
  selector: 'app-not-allowed',
  imports: [RouterLink, MatAnchor, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <mat-icon class="icon" aria-hidden="true">lock</mat-icon>
      <h1>Not allowed</h1>
      <p>
        The {{ area() }} is for the Résumé coach team only.
        @if (session.user(); as user) {
          You are signed in as <strong>{{ user.email }}</strong>, which does not have access.
        } @else {
          Sign in with a staff account to continue.
        }
      </p>
      @if (apiMessage(); as message) {
        <p class="api-message" role="status">The server says: {{ message }}</p>
      }
      <div class="actions">
        @if (!session.user()) {
          <a mat-flat-button routerLink="/sign-in" [queryParams]="signInParams()">Sign in</a>
        }
        <a mat-button routerLink="/drafts">Go to my drafts</a>
      </div>
    </div>
  `,
  styles: `
    .page {
      max-width: 640px;
      margin: 0 auto;
      padding: 64px 16px;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .icon {
      width: 48px;
      height: 48px;
      font-size: 48px;
      color: var(--mat-sys-primary);
    }
    h1 {
      margin: 8px 0 16px;
      font: var(--mat-sys-headline-medium);
      color: var(--mat-sys-on-surface);
    }
    p {
      margin: 0 0 16px;
      overflow-wrap: anywhere;
    }
    .api-message {
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container);
      font: var(--mat-sys-body-medium);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class NotAllowed {
  readonly session = inject(Session);
  private readonly router = inject(Router);
  // Created while the navigation to this page is still running: the address is final only at its end.
  private readonly here = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.url),
    ),
    { initialValue: this.router.url },
  );
  /** A staff member signing in here comes back to this console. */
  readonly signInParams = computed(() => returnTo(this.here()));
  /** The area's name (route data or the console using it). */
  readonly area = input<string>('staff console');
  /** The API's refusal, when there was one. */
  readonly error = input<ApiError | null>(null);

  readonly apiMessage = computed(() => {
    const error = this.error();
    return error ? `${error.message} (${error.code})` : null;
  });
}
