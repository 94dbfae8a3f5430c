import { CdkDrag, CdkDragDrop, CdkDropList, CdkDropListGroup } from '@angular/cdk/drag-drop';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import {
  APPLICATION_STATUSES,
  APPLICATION_STATUS_LABELS,
  Application,
  ApplicationStatus,
  isStatus,
} from './applications';

export interface MoveRequest {
  application: Application;
  to: ApplicationStatus;
}

/**
 * The tracker as a kanban board: one column per status. A card moves by drag and drop, or — for
 * keyboards and screen readers — through its "Move to…" menu; both ask the page to move it.
 */
@Component({
  selector: 'app-tracker-board',
  imports: [
    CdkDropListGroup,
    CdkDropList,
    CdkDrag,
    DatePipe,
    RouterLink,
    MatIconButton,
    MatIcon,
    MatMenu,
    MatMenuContent,
    MatMenuItem,
    MatMenuTrigger,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="board" cdkDropListGroup>
      @for (column of columns(); track column.status) {
        <section class="column" [attr.aria-labelledby]="'column-' + column.status">
          <h2 [id]="'column-' + column.status">
            {{ column.label }} <span class="count">({{ column.items.length }})</span>
          </h2>
          <ul
            class="cards"
            cdkDropList
            cdkDropListSortingDisabled
            [cdkDropListData]="column.status"
            (cdkDropListDropped)="dropped($event)"
            [attr.aria-label]="column.label + ' applications'"
            [attr.data-status]="column.status"
          >
            @for (application of column.items; track application.id) {
              <li
                class="card"
                cdkDrag
                [cdkDragData]="application"
                [cdkDragDisabled]="busy() === application.id"
              >
                <div class="card-text">
                  <a class="role" [routerLink]="['/tracker', application.id]">{{
                    application.role || 'Untitled role'
                  }}</a>
                  <span class="company">{{ application.company }}</span>
                  @if (application.appliedOn) {
                    <span class="date"
                      >Applied {{ application.appliedOn | date: 'mediumDate' : 'UTC' }}</span
                    >
                  }
                </div>
                <button
                  mat-icon-button
                  type="button"
                  class="move"
                  [matMenuTriggerFor]="moveMenu"
                  [matMenuTriggerData]="{ application }"
                  [disabled]="busy() === application.id"
                  [attr.aria-label]="
                    'Move ' +
                    (application.role || 'application') +
                    ' at ' +
                    application.company +
                    ' to another status'
                  "
                >
                  <mat-icon aria-hidden="true">more_vert</mat-icon>
                </button>
              </li>
            } @empty {
              <li class="none">Nothing here</li>
            }
          </ul>
        </section>
      }
    </div>

    <mat-menu #moveMenu="matMenu">
      <ng-template matMenuContent let-application="application">
        @for (option of statuses; track option) {
          @if (option !== application.status) {
            <button mat-menu-item type="button" (click)="move.emit({ application, to: option })">
              Move to {{ labels[option] }}
            </button>
          }
        }
      </ng-template>
    </mat-menu>
  `,
  styles: `
    .board {
      display: grid;
      grid-template-columns: repeat(6, minmax(0, 1fr));
      gap: 12px;
    }
    .column {
      display: flex;
      flex-direction: column;
      min-width: 0;
      padding: 8px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
    }
    h2 {
      margin: 4px 4px 8px;
      font: var(--mat-sys-title-small);
    }
    .count {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .cards {
      flex: 1;
      display: grid;
      gap: 8px;
      align-content: start;
      min-height: 72px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      display: flex;
      align-items: flex-start;
      gap: 2px;
      padding: 8px 0 8px 10px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container-lowest);
      cursor: grab;
    }
    .card-text {
      flex: 1 1 auto;
      min-width: 0;
      display: grid;
      gap: 2px;
    }
    .role {
      font: var(--mat-sys-title-small);
      overflow-wrap: anywhere;
    }
    .company,
    .date {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .move {
      flex: none;
      margin-top: -6px;
    }
    .none {
      padding: 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .cdk-drag-preview {
      box-shadow: var(--mat-sys-level3);
      list-style: none;
    }
    .cdk-drag-placeholder {
      opacity: 0.4;
    }
    .cdk-drop-list-dragging .card:not(.cdk-drag-placeholder) {
      transition: transform 200ms;
    }
    @media (max-width: 1000px) {
      .board {
        grid-template-columns: repeat(3, minmax(0, 1fr));
      }
    }
    @media (max-width: 600px) {
      .board {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .cdk-drop-list-dragging .card {
        transition: none;
      }
    }
  `,
})
export class TrackerBoard {
  readonly applications = input.required<readonly Application[]>();
  /** The card being moved (its controls wait). */
  readonly busy = input<string | null>(null);
  readonly move = output<MoveRequest>();

  readonly statuses = APPLICATION_STATUSES;
  readonly labels = APPLICATION_STATUS_LABELS;

  readonly columns = computed(() =>
    APPLICATION_STATUSES.map((status) => ({
      status,
      label: APPLICATION_STATUS_LABELS[status],
      items: this.applications().filter((a) => a.status === status),
    })),
  );

  dropped(event: CdkDragDrop<ApplicationStatus, ApplicationStatus, Application>): void {
    const to = event.container.data;
    const application = event.item.data;
    if (!isStatus(to) || application.status === to) return;
    this.move.emit({ application, to });
  }
}
