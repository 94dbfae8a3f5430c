import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatSort, MatSortHeader, Sort } from '@angular/material/sort';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import { APPLICATION_STATUSES, Application, applicationStatusLabel } from './applications';

export type SortKey = 'role' | 'company' | 'status' | 'appliedOn' | 'updatedAt';

/** Sorts a copy; empty values go last whatever the direction, statuses in pipeline order. */
export function sortApplications(items: readonly Application[], sort: Sort): Application[] {
  const key = sort.active as SortKey;
  if (!sort.direction || !['role', 'company', 'status', 'appliedOn', 'updatedAt'].includes(key))
    return [...items];
  const factor = sort.direction === 'asc' ? 1 : -1;
  const rank = (a: Application) => {
    const index = (APPLICATION_STATUSES as readonly string[]).indexOf(a.status);
    return index === -1 ? APPLICATION_STATUSES.length : index;
  };
  return [...items].sort((a, b) => {
    if (key === 'status') return (rank(a) - rank(b)) * factor;
    const x = a[key] ?? '';
    const y = b[key] ?? '';
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    return x.localeCompare(y, undefined, { sensitivity: 'base', numeric: true }) * factor;
  });
}

/** The tracker as a sortable table (click a column header; the sort is announced by MatSort). */
@Component({
  selector: 'app-tracker-table',
  imports: [
    DatePipe,
    RouterLink,
    MatSort,
    MatSortHeader,
    MatTable,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatCell,
    MatCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatRow,
    MatRowDef,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="scroll">
      <table
        mat-table
        [dataSource]="rows()"
        matSort
        [matSortActive]="sort().active"
        [matSortDirection]="sort().direction"
        (matSortChange)="sort.set($event)"
        aria-label="Applications"
      >
        <ng-container matColumnDef="role">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>Role</th>
          <td mat-cell *matCellDef="let a">
            <a [routerLink]="['/tracker', a.id]">{{ a.role || 'Untitled role' }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="company">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>Company</th>
          <td mat-cell *matCellDef="let a">{{ a.company }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>Status</th>
          <td mat-cell *matCellDef="let a">{{ label(a.status) }}</td>
        </ng-container>
        <ng-container matColumnDef="appliedOn">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>Applied</th>
          <td mat-cell *matCellDef="let a">
            {{ a.appliedOn ? (a.appliedOn | date: 'mediumDate' : 'UTC') : '—' }}
          </td>
        </ng-container>
        <ng-container matColumnDef="updatedAt">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>Updated</th>
          <td mat-cell *matCellDef="let a">
            {{ a.updatedAt ? (a.updatedAt | date: 'mediumDate') : '—' }}
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </div>
  `,
  styles: `
    .scroll {
      overflow-x: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    table {
      width: 100%;
      min-width: 560px;
    }
    td a {
      overflow-wrap: anywhere;
    }
  `,
})
export class TrackerTable {
  readonly applications = input.required<readonly Application[]>();
  readonly sort = signal<Sort>({ active: 'updatedAt', direction: 'desc' });
  readonly columns = ['role', 'company', 'status', 'appliedOn', 'updatedAt'];
  readonly rows = computed(() => sortApplications(this.applications(), this.sort()));
  readonly label = applicationStatusLabel;
}
