import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { WorkflowHistory, formatWhen } from '../../core/api/staff';

/** A workflow's Temporal history (no payloads) as a table; failures are highlighted. */
@Component({
  selector: 'app-workflow-table',
  imports: [MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="summary">
      @if (workflow().workflowId; as id) {
        Workflow <code>{{ id }}</code> ·
      }
      {{ workflow().history.length }} events ·
      <span [class.bad]="failures() > 0">{{ failures() }} {{ failures() === 1 ? 'failure' : 'failures' }}</span>
      @if (workflow().temporalUi; as link) {
        ·
        <a [href]="link" target="_blank" rel="noopener noreferrer">
          Open in Temporal UI <mat-icon class="inline" aria-hidden="true">open_in_new</mat-icon>
        </a>
      }
    </p>
    <div class="scroll">
      <table>
        <caption class="visually-hidden">Workflow history</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Time</th>
            <th scope="col">Event</th>
            <th scope="col">Activity / signal</th>
            <th scope="col">Attempt</th>
            <th scope="col">Failure</th>
          </tr>
        </thead>
        <tbody>
          @for (line of workflow().history; track $index) {
            <tr [class.failed]="line.failed">
              <td>{{ line.id }}</td>
              <td class="nowrap">{{ when(line.at) }}</td>
              <td>
                @if (line.failed) {
                  <mat-icon class="inline" aria-hidden="true">error</mat-icon>
                  <span class="visually-hidden">Failure: </span>
                }
                {{ line.type }}
              </td>
              <td>{{ line.activity ?? line.signal ?? '' }}</td>
              <td>{{ line.attempt ?? '' }}</td>
              <td class="failure">
                @if (line.errorType) {
                  <strong>{{ line.errorType }}</strong>
                }
                {{ line.message ?? '' }}
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="6">No history events.</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .summary {
      margin: 0 0 8px;
      font: var(--mat-sys-body-medium);
      overflow-wrap: anywhere;
    }
    .bad {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-small);
    }
    th, td {
      padding: 4px 8px;
      text-align: left;
      vertical-align: top;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    th {
      font: var(--mat-sys-label-medium);
    }
    tr.failed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .failure {
      max-width: 420px;
      overflow-wrap: anywhere;
    }
    .nowrap {
      white-space: nowrap;
    }
    .inline {
      width: 16px;
      height: 16px;
      font-size: 16px;
      vertical-align: text-bottom;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
})
export class WorkflowTable {
  readonly workflow = input.required<WorkflowHistory>();
  readonly failures = computed(() => this.workflow().history.filter((line) => line.failed).length);
  readonly when = (at: string | null) => formatWhen(at);
}
