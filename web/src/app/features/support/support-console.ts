import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../../core/api/api-error';
import { errorText } from '../../core/api/error-text';
import {
  PROJECTIONS,
  ProjectionName,
  ReplayVerdict,
  formatWhen,
} from '../../core/api/staff';
import { SupportApi } from '../../core/api/support-api';
import { ApiErrorAlert } from '../../shared/api-error-alert/api-error-alert';
import { ConfirmDialog, ConfirmDialogData } from '../../shared/confirm-dialog/confirm-dialog';
import { SAVE_FILE } from '../../shared/save-file/save-file';
import { StatusBadge } from '../../shared/status-badge/status-badge';
import { NotAllowed } from '../not-allowed/not-allowed';
import { EventTimeline } from './event-timeline';
import { WorkflowTable } from './workflow-table';

const refusal = (error: unknown): ApiError | null => {
  if (!error) return null;
  const apiError = toApiError(error);
  return apiError.status === 401 || apiError.status === 403 ? apiError : null;
};
const failure = (error: unknown): ApiError | null => {
  if (!error) return null;
  const apiError = toApiError(error);
  return apiError.status === 401 || apiError.status === 403 ? null : apiError;
};

/**
 * /support (SUPPORT or ADMIN): find a user by e-mail or id and list their drafts; for one draft,
 * its event timeline, the workflow's history with a replay check, and the support bundle; and
 * rebuilding a read model. The search and the open draft live in the URL (`?q=&draft=`).
 */
@Component({
  selector: 'app-support-console',
  imports: [
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatIcon,
    MatInput,
    MatProgressBar,
    ApiErrorAlert,
    StatusBadge,
    NotAllowed,
    EventTimeline,
    WorkflowTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './support-console.html',
  styleUrl: './support-console.scss',
})
export class SupportConsole {
  private readonly api = inject(SupportApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly saveFile = inject(SAVE_FILE);

  /** Query parameters: the search, and the draft being inspected. */
  readonly q = input<string | undefined>(undefined);
  readonly draft = input<string | undefined>(undefined);

  readonly errorText = errorText;
  readonly when = (at: string | null) => formatWhen(at);
  readonly projections = PROJECTIONS;

  readonly searchText = linkedSignal(() => this.q() ?? '');

  readonly lookup = rxResource({
    params: () => this.q()?.trim() || undefined,
    stream: ({ params }) => this.api.findUser(params),
  });
  readonly timeline = rxResource({
    params: () => this.draft() || undefined,
    stream: ({ params }) => this.api.timeline(params),
  });
  readonly workflow = rxResource({
    params: () => this.draft() || undefined,
    stream: ({ params }) => this.api.workflow(params),
  });

  /** The API refused: the role changed since sign-in (403) or the session is gone (401). */
  readonly refused = computed(
    () =>
      refusal(this.lookup.error()) ??
      refusal(this.timeline.error()) ??
      refusal(this.workflow.error()) ??
      this.actionRefusal(),
  );
  private readonly actionRefusal = signal<ApiError | null>(null);

  readonly lookupNotFound = computed(() => failure(this.lookup.error())?.status === 404);
  readonly lookupError = computed(() => {
    const error = failure(this.lookup.error());
    return error && error.status !== 404 ? error : null;
  });
  readonly timelineError = computed(() => failure(this.timeline.error()));
  readonly workflowError = computed(() => failure(this.workflow.error()));

  readonly replaying = signal(false);
  /** The verdict for the draft it was asked about (a new draft clears it). */
  readonly verdict = linkedSignal<string | undefined, ReplayVerdict | null>({
    source: () => this.draft(),
    computation: () => null,
  });
  readonly replayError = linkedSignal<string | undefined, ApiError | null>({
    source: () => this.draft(),
    computation: () => null,
  });

  readonly downloading = signal(false);
  readonly bundleError = linkedSignal<string | undefined, ApiError | null>({
    source: () => this.draft(),
    computation: () => null,
  });

  readonly projection = signal<ProjectionName>('drafts');
  readonly rebuilding = signal(false);
  readonly rebuildNote = signal('');
  readonly rebuildError = signal<ApiError | null>(null);

  search(event: Event): void {
    event.preventDefault();
    const q = this.searchText().trim();
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { q: q || null, draft: null },
      queryParamsHandling: 'merge',
    });
  }

  async replay(): Promise<void> {
    const draftId = this.draft();
    if (!draftId) return;
    this.replaying.set(true);
    this.verdict.set(null);
    this.replayError.set(null);
    try {
      const verdict = await firstValueFrom(this.api.replay(draftId));
      if (this.draft() === draftId) this.verdict.set(verdict);
    } catch (error) {
      this.handle(error, (e) => this.replayError.set(e));
    } finally {
      this.replaying.set(false);
    }
  }

  async downloadBundle(): Promise<void> {
    const draftId = this.draft();
    if (!draftId) return;
    this.downloading.set(true);
    this.bundleError.set(null);
    try {
      const bundle = await firstValueFrom(this.api.bundle(draftId));
      this.saveFile(bundle.filename, bundle.text, 'application/json');
      this.snackBar.open(`Saved ${bundle.filename}.`, undefined, { duration: 4000 });
    } catch (error) {
      this.handle(error, (e) => this.bundleError.set(e));
    } finally {
      this.downloading.set(false);
    }
  }

  onProjection(value: string): void {
    const name = PROJECTIONS.find((p) => p === value);
    if (name) this.projection.set(name);
  }

  async rebuild(): Promise<void> {
    const name = this.projection();
    const data: ConfirmDialogData = {
      title: `Rebuild “${name}”?`,
      message: `The running projector replays the ${name} read model from the first event. Pages that read it may show old or missing rows until it catches up.`,
      confirm: 'Rebuild',
    };
    const confirmed = await firstValueFrom(
      this.dialog
        .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '90vw' })
        .afterClosed(),
    );
    if (confirmed !== true) return;
    this.rebuilding.set(true);
    this.rebuildNote.set('');
    this.rebuildError.set(null);
    try {
      await firstValueFrom(this.api.rebuild(name));
      this.rebuildNote.set(`Rebuilding ${name}: the projector is replaying it from the start.`);
    } catch (error) {
      this.handle(error, (e) => this.rebuildError.set(e));
    } finally {
      this.rebuilding.set(false);
    }
  }

  titleOf(title: string | null): string {
    return title?.trim() || 'Untitled draft';
  }

  private handle(error: unknown, show: (error: ApiError) => void): void {
    const apiError = toApiError(error);
    if (apiError.status === 401 || apiError.status === 403) this.actionRefusal.set(apiError);
    else show(apiError);
  }
}

