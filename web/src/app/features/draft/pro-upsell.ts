import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Session } from '../../core/session/session';
import { RouterLink } from '@angular/router';
import { MatIcon } from '@angular/material/icon';

/** In place of a panel the plan does not include: what it would show, and how to get it. */
@Component({
  selector: 'app-pro-upsell',
  imports: [RouterLink, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="preview" aria-hidden="true"><span></span><span></span><span></span></div>
    <div class="body">
      <p class="badge"><mat-icon aria-hidden="true">workspace_premium</mat-icon> PRO</p>
      <p class="text">{{ description() }}</p>
      @if (session.user()) {
        <p class="text">Part of the PRO plan.</p>
      } @else {
        <a routerLink="/register" class="link">Create an account to unlock PRO panels</a>
      }
    </div>
  `,
  styles: `
    :host {
      position: relative;
      display: block;
      overflow: hidden;
      padding: 20px;
      border-radius: var(--mat-sys-corner-large);
      border: 1px solid var(--mat-sys-outline-variant);
      background: linear-gradient(
        135deg,
        var(--mat-sys-surface-container-low),
        var(--mat-sys-tertiary-container)
      );
    }
    .preview {
      position: absolute;
      inset: 16px;
      display: grid;
      gap: 10px;
      filter: blur(3px);
      opacity: 0.35;
    }
    .preview span {
      height: 12px;
      border-radius: 6px;
      background: var(--mat-sys-on-surface-variant);
    }
    .preview span:nth-child(2) {
      width: 80%;
    }
    .preview span:nth-child(3) {
      width: 60%;
    }
    .body {
      position: relative;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      margin: 0 0 8px;
      padding: 2px 10px;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-tertiary);
      color: var(--mat-sys-on-tertiary);
      font: var(--mat-sys-label-large);
    }
    .badge mat-icon {
      width: 18px;
      height: 18px;
      font-size: 18px;
    }
    .text {
      margin: 0 0 8px;
    }
    .link {
      font: var(--mat-sys-label-large);
    }
  `,
})
export class ProUpsell {
  readonly session = inject(Session);
  readonly description = input.required<string>();
}
