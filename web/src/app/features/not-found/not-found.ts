import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatAnchor } from '@angular/material/button';

@Component({
  selector: 'app-not-found',
  imports: [RouterLink, MatAnchor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <a mat-flat-button routerLink="/">Go to the home page</a>
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
    h1 {
      margin: 0 0 16px;
      font: var(--mat-sys-headline-medium);
      color: var(--mat-sys-on-surface);
    }
    p {
      margin: 0 0 24px;
    }
  `,
})
export class NotFound {}
