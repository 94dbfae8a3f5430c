import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';

/**
 * An inline, announced error box. Pages decide the wording (`message`); the request id, when
 * there is one, is shown so a person can quote it to support.
 */
@Component({
  selector: 'app-api-error-alert',
  imports: [MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'alert', class: 'api-error-alert' },
  template: `
    <mat-icon aria-hidden="true">error</mat-icon>
    <div class="text">
      <p class="message">{{ message() }}</p>
      @if (requestId(); as id) {
        <p class="reference">Reference: <code>{{ id }}</code></p>
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    mat-icon {
      flex: none;
    }
    p {
      margin: 0;
    }
    .message {
      font: var(--mat-sys-body-large);
      overflow-wrap: anywhere;
    }
    .reference {
      margin-top: 4px;
      font: var(--mat-sys-body-small);
    }
    code {
      overflow-wrap: anywhere;
    }
  `,
})
export class ApiErrorAlert {
  readonly message = input.required<string>();
  readonly requestId = input<string | null>(null);
}
