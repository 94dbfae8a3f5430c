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
      @if (details().length) {
        <ul class="details">
          @for (line of details(); track $index) {
            <li>{{ line }}</li>
          }
        </ul>
      }
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
    .details {
      margin: 4px 0 0;
      padding-left: 20px;
      font: var(--mat-sys-body-medium);
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
  /** Optional lines under the message, e.g. which fields a VALIDATION_FAILED answer named. */
  readonly details = input<readonly string[]>([]);
}
