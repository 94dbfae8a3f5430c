import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  viewChild,
} from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { MatAnchor } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatToolbar } from '@angular/material/toolbar';
import { filter, skip } from 'rxjs';
import { StatusChip } from './core/status/status-chip';

/** The shell: top bar, routed page, footer with attribution and service status. */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatAnchor, MatIcon, MatToolbar, StatusChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  constructor() {
    // After each in-app navigation (not the first load), move focus to the new page so keyboard
    // and screen-reader users start at its content rather than on the link they used.
    const subscription = inject(Router)
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
}
