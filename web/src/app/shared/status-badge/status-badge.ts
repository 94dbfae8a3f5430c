import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { statusLabel } from '../../core/api/drafts';

/** A draft's status as a small coloured badge; an unknown status is shown as its own text. */
@Component({
  selector: 'app-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': 'tone()' },
  template: `{{ label() }}`,
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: var(--mat-sys-corner-full);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
    :host(.status-in_review) {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    :host(.status-ready) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    :host(.status-finalized) {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class StatusBadge {
  readonly status = input<string | null>(null);
  readonly label = computed(() => statusLabel(this.status()));
  /** Prefixed so it never collides with a class of the page the badge sits in. */
  readonly tone = computed(
    () => `status-${(this.status() ?? 'unknown').toLowerCase().replace(/[^a-z_]/g, '')}`,
  );
}
