import { httpResource } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  InjectionToken,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../../core/api/api-error';
import { errorText } from '../../core/api/error-text';
import { ApiErrorAlert } from '../../shared/api-error-alert/api-error-alert';
import { SAVE_FILE } from '../../shared/save-file/save-file';
import { ApplicationsApi, MAX_IMPORT_BYTES, listRequest } from './applications-api';
import {
  APPLICATION_STATUS_LABELS,
  Application,
  ImportReport,
  readApplicationPage,
} from './applications';
import { MoveRequest, TrackerBoard } from './tracker-board';
import { TrackerTable } from './tracker-table';

type View = 'board' | 'table';
const toView = (value: string | undefined): View => (value === 'table' ? 'table' : 'board');
const today = () => new Date().toISOString().slice(0, 10);
const CATCH_UP_ATTEMPTS = 10;
/** Pause between reads while the tracker catches up with an import (tests set 0). */
export const CATCH_UP_MS = new InjectionToken<number>('CATCH_UP_MS', { factory: () => 300 });

/**
 * /tracker: a signed-in person's job applications as a board (drag a card, or use its menu) or a
 * sortable table (`?view=table`); add one by hand; export everything as CSV; import a CSV and see
 * which rows were refused and why.
 */
@Component({
  selector: 'app-tracker-page',
  imports: [
    RouterLink,
    MatAnchor,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatFormField,
    MatLabel,
    MatIcon,
    MatInput,
    MatProgressBar,
    ApiErrorAlert,
    TrackerBoard,
    TrackerTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tracker-page.html',
  styleUrl: './tracker-page.scss',
})
export class TrackerPage {
  private readonly api = inject(ApplicationsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly saveFile = inject(SAVE_FILE);
  private readonly catchUpMs = inject(CATCH_UP_MS);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('csvFile');

  readonly view = input<View, string | undefined>('board', { transform: toView });

  readonly list = httpResource(() => listRequest(), { parse: readApplicationPage });
  readonly items = computed<Application[]>(() =>
    this.list.hasValue() ? this.list.value().items : [],
  );
  readonly loadError = computed(() => {
    const error = this.list.error();
    return error ? toApiError(error) : null;
  });

  readonly moving = signal<string | null>(null);
  /** Announced politely: what the last move, import or export did. */
  readonly announcement = signal('');
  readonly problem = signal<{ what: string; error: ApiError } | null>(null);
  readonly exporting = signal(false);
  readonly importing = signal(false);
  readonly importReport = signal<ImportReport | null>(null);
  readonly fileProblem = signal('');

  readonly company = signal('');
  readonly role = signal('');
  readonly adding = signal(false);

  readonly errorText = errorText;

  constructor() {
    // Opened right after "Track" on the job search: wait for what this tab just created.
    let checked = false;
    effect(() => {
      if (checked || !this.list.hasValue()) return;
      checked = true;
      const known = new Set(this.list.value().items.map((a) => a.id));
      const missing = untracked(() => this.api.recentlyCreated()).filter((id) => !known.has(id));
      if (missing.length) void this.showNew(missing);
    });
  }

  setView(view: string): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { view: view === 'table' ? 'table' : null },
      replaceUrl: true,
    });
  }

  async move({ application, to }: MoveRequest): Promise<void> {
    this.problem.set(null);
    this.moving.set(application.id);
    // Move the card at once; the server records the move (and its history) behind it.
    const moved = {
      ...application,
      status: to,
      appliedOn: application.appliedOn ?? (to === 'applied' ? today() : null),
    };
    this.replace(moved);
    try {
      await firstValueFrom(this.api.move(application.id, to));
      this.announcement.set(
        `Moved ${application.role} at ${application.company} to ${APPLICATION_STATUS_LABELS[to]}.`,
      );
    } catch (error) {
      this.replace(application);
      this.problem.set({ what: 'The application could not be moved', error: toApiError(error) });
    } finally {
      this.moving.set(null);
    }
  }

  async add(event: Event): Promise<void> {
    event.preventDefault();
    const company = this.company().trim();
    const role = this.role().trim();
    if (!company || !role) return;
    this.adding.set(true);
    this.problem.set(null);
    try {
      const { id } = await firstValueFrom(this.api.create({ company, role, status: 'saved' }));
      const now = new Date().toISOString();
      const added: Application = {
        id,
        company,
        role,
        postingUrl: null,
        postingId: null,
        draftId: null,
        notes: '',
        status: 'saved',
        appliedOn: null,
        followUpDueAt: null,
        createdAt: now,
        updatedAt: now,
      };
      this.list.update((page) => ({
        items: [added, ...(page?.items ?? [])],
        total: (page?.total ?? 0) + 1,
      }));
      this.company.set('');
      this.role.set('');
      this.announcement.set(`Added ${role} at ${company}.`);
    } catch (error) {
      this.problem.set({ what: 'The application could not be added', error: toApiError(error) });
    } finally {
      this.adding.set(false);
    }
  }

  async exportCsv(): Promise<void> {
    this.exporting.set(true);
    this.problem.set(null);
    try {
      const csv = await firstValueFrom(this.api.exportCsv());
      this.saveFile('applications.csv', csv, 'text/csv');
      this.announcement.set('applications.csv is downloading.');
    } catch (error) {
      this.problem.set({ what: 'The export failed', error: toApiError(error) });
    } finally {
      this.exporting.set(false);
    }
  }

  chooseFile(): void {
    this.fileInput()?.nativeElement.click();
  }

  async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.fileProblem.set('');
    this.importReport.set(null);
    this.problem.set(null);
    if (file.size === 0) return this.fileProblem.set(`${file.name} is empty.`);
    if (file.size > MAX_IMPORT_BYTES)
      return this.fileProblem.set(`${file.name} is larger than 1 MB; split it into smaller files.`);
    this.importing.set(true);
    try {
      const report = await firstValueFrom(this.api.importCsv(await file.text()));
      this.importReport.set(report);
      const skipped = report.errors.length;
      this.announcement.set(
        `Imported ${report.imported} ${report.imported === 1 ? 'application' : 'applications'}` +
          (skipped ? `; ${skipped} ${skipped === 1 ? 'row was' : 'rows were'} skipped.` : '.'),
      );
      if (report.ids.length > 0) await this.showNew(report.ids);
    } catch (error) {
      this.problem.set({ what: 'The import failed', error: toApiError(error) });
    } finally {
      this.importing.set(false);
    }
  }

  retry(): void {
    this.list.reload();
  }

  /**
   * The tracker's read model follows a write a moment later (the API offers no read-your-writes
   * position for applications): read the list again until the new ids are in it, a few times at most.
   */
  private async showNew(ids: readonly string[]): Promise<void> {
    for (let attempt = 0; attempt < CATCH_UP_ATTEMPTS; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, this.catchUpMs));
      try {
        const page = await firstValueFrom(this.api.list());
        const known = new Set(page.items.map((a) => a.id));
        if (ids.every((id) => known.has(id)) || attempt === CATCH_UP_ATTEMPTS - 1) {
          this.list.set(page);
          return;
        }
      } catch {
        // The next attempt (or the last) decides; a failure of all of them leaves the board as it was.
      }
    }
  }

  private replace(application: Application): void {
    this.list.update((page) =>
      page
        ? { ...page, items: page.items.map((a) => (a.id === application.id ? application : a)) }
        : page,
    );
  }
}
