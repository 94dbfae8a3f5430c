import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { MatAnchor, MatButton, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatToolbar } from '@angular/material/toolbar';
import { filter, skip } from 'rxjs';
import { StatusChip } from './core/status/status-chip';
import { Session } from './core/session/session';

/** The shell: top bar (drafts + account), routed page, footer with attribution and service status. */
@Component({
  selector: 'app-root',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatAnchor,
    MatButton,
    MatIconButton,
    MatIcon,
    MatToolbar,
    StatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly router = inject(Router);
  readonly session = inject(Session);
  readonly signingOut = signal(false);
  /** A short message about the account (announced politely). */
  readonly notice = signal('');

  constructor() {
    void this.session.refresh();

    // After each in-app navigation (not the first load), move focus to the new page so keyboard
    // and screen-reader users start at its content rather than on the link they used.
    const subscription = this.router
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        skip(1),
      )
      .subscribe(() => this.main().nativeElement.focus({ preventScroll: true }));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  async signOut(): Promise<void> {
    this.signingOut.set(true);
    try {
      await this.session.signOut();
      this.notice.set('You are signed out.');
      await this.router.navigateByUrl('/');
    } catch {
      this.notice.set('Signing out failed. Please try again.');
    } finally {
      this.signingOut.set(false);
    }
  }
}
