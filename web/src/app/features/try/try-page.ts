import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatAnchor } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';

/** Guest mode is not built yet; this page says so plainly. */
@Component({
  selector: 'app-try-page',
  imports: [RouterLink, MatAnchor, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <mat-icon class="icon" aria-hidden="true">construction</mat-icon>
      <h1>Guest mode is on its way</h1>
      <p>
        Soon you will be able to upload a résumé and paste a job description without creating an
        account, and see your match score, ATS warnings and suggested rewrites straight away.
      </p>
      <p>
        It is not available in this build yet. Nothing you do on this page is stored.
      </p>
      <div class="actions">
        <a mat-flat-button routerLink="/">Back to the overview</a>
        <a mat-stroked-button routerLink="/register">Create account</a>
      </div>
    </div>
  `,
  styles: `
    .page {
      max-width: 640px;
      margin: 0 auto;
      padding: 64px 16px;
      font: var(--mat-sys-body-large);
      line-height: 1.6;
      color: var(--mat-sys-on-surface-variant);
    }
    .icon {
      width: 40px;
      height: 40px;
      font-size: 40px;
      color: var(--mat-sys-primary);
    }
    h1 {
      margin: 16px 0;
      font: var(--mat-sys-headline-medium);
      color: var(--mat-sys-on-surface);
    }
    p {
      margin: 0 0 12px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin-top: 24px;
    }
  `,
})
export class TryPage {}
