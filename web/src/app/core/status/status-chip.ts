import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { httpResource } from '@angular/common/http';
import { MatIcon } from '@angular/material/icon';
import { isApiError } from '../api/api-error';

/** `/readyz` when every dependency answers: `{ status: 'ready', checks: { postgres: { status: 'up', ms } } }`. */
export interface ReadyzBody {
  status: string;
  checks?: Record<string, { status: string; ms?: number }>;
}

export type ServiceStatus =
  | { kind: 'checking' }
  | { kind: 'normal' }
  | { kind: 'degraded'; names: string[] }
  | { kind: 'unknown' };

function downChecks(checks: unknown): string[] {
  if (typeof checks !== 'object' || checks === null) return [];
  return Object.entries(checks as Record<string, unknown>)
    .filter(([, check]) => (check as { status?: unknown } | null)?.status !== 'up')
    .map(([name]) => name)
    .sort();
}

/** A small footer chip that says whether the service is healthy, read from `/readyz`. */
@Component({
  selector: 'app-status-chip',
  imports: [MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="chip" [class]="'chip--' + status().kind" role="status">
      <mat-icon aria-hidden="true">{{ icon() }}</mat-icon>
      <span class="label">{{ label() }}</span>
    </span>
  `,
  styles: `
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 4px 12px 4px 8px;
      border-radius: var(--mat-sys-corner-full);
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-large);
    }
    mat-icon {
      width: 18px;
      height: 18px;
      font-size: 18px;
    }
    .chip--normal mat-icon {
      color: var(--app-success, #1b6e3c);
    }
    .chip--degraded {
      border-color: var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class StatusChip {
  private readonly readyz = httpResource<ReadyzBody>(() => '/readyz');

  readonly status = computed<ServiceStatus>(() => {
    if (this.readyz.isLoading() && !this.readyz.hasValue()) return { kind: 'checking' };
    const error = this.readyz.error();
    if (error) {
      // A 503 from /readyz carries the same checks inside the error envelope's details.
      const details = isApiError(error) ? error.details : undefined;
      const names = downChecks((details as { checks?: unknown } | undefined)?.checks);
      if (isApiError(error) && error.code === 'NOT_READY') {
        return { kind: 'degraded', names };
      }
      return { kind: 'unknown' };
    }
    if (!this.readyz.hasValue()) return { kind: 'checking' };
    const body = this.readyz.value();
    const names = downChecks(body.checks);
    return body.status === 'ready' && names.length === 0
      ? { kind: 'normal' }
      : { kind: 'degraded', names };
  });

  readonly label = computed(() => {
    const status = this.status();
    switch (status.kind) {
      case 'checking':
        return 'Checking service status…';
      case 'normal':
        return 'All systems normal';
      case 'degraded':
        return status.names.length > 0 ? `Degraded: ${status.names.join(', ')}` : 'Degraded';
      case 'unknown':
        return 'Service status unavailable';
    }
  });

  readonly icon = computed(() => {
    switch (this.status().kind) {
      case 'checking':
        return 'progress_activity';
      case 'normal':
        return 'check_circle';
      case 'degraded':
        return 'warning';
      case 'unknown':
        return 'help';
    }
  });
}
