import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  InjectionToken,
  computed,
  inject,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { firstValueFrom, tap } from 'rxjs';
import { AdminApi } from '../../core/api/admin-api';
import { ApiError, toApiError } from '../../core/api/api-error';
import { errorDetails, errorText } from '../../core/api/error-text';
import { JOB_STATUSES } from '../../core/api/jobs';
import {
  AdminJob,
  ENGINES,
  FlagName,
  Flags,
  JOB_STEPS,
  JobsFilter,
  formatMoney,
  formatWhen,
} from '../../core/api/staff';
import { SupportApi, isUuid } from '../../core/api/support-api';
import { ApiErrorAlert } from '../../shared/api-error-alert/api-error-alert';
import { NotAllowed } from '../not-allowed/not-allowed';
import { AnalysesChart } from './analyses-chart';
import { ReasonDialog, ReasonDialogData } from './reason-dialog';

/** How often a retried job is looked up again in the list (tests set a few ms). */
export const JOB_FOLLOW_MS = new InjectionToken<number>('JOB_FOLLOW_MS', { factory: () => 2000 });
/** How long a retried job is followed before the page stops looking. */
export const JOB_FOLLOW_LIMIT_MS = new InjectionToken<number>('JOB_FOLLOW_LIMIT_MS', {
  factory: () => 90_000,
});

const PAGE_SIZE = 25;
const ERROR_CODE = /^[A-Z_]{2,60}$/;

interface Followed {
  jobId: string;
  /** The row as it was when the retry was asked for: a change of it means the job moved. */
  updatedAt: string | null;
  moved: boolean;
  since: number;
}

const refusal = (error: unknown): ApiError | null => {
  if (!error) return null;
  const apiError = toApiError(error);
  return apiError.status === 401 || apiError.status === 403 ? apiError : null;
};
const failure = (error: unknown): ApiError | null =>
  error && !refusal(error) ? toApiError(error) : null;

const FLAG_TEXT: Readonly<Record<FlagName, { label: string; help: string }>> = {
  ENABLE_SSE: {
    label: 'Live job updates (SSE)',
    help: 'Off: pages poll a job every 2 s instead of keeping a stream open.',
  },
  ENABLE_WATERMARKED_EXPORT: {
    label: 'Watermarked export',
    help: 'Exports of free plans carry a watermark.',
  },
  ANALYSIS_ENGINE: {
    label: 'Analysis engine',
    help: '“offline” never calls the model provider.',
  },
};

/**
 * /admin (ADMIN): the overview (cards and analyses per day), jobs with filters and a retry for
 * failed ones (followed by asking the list again), a user's plan, and the feature flags — every
 * change with a reason the API records.
 */
@Component({
  selector: 'app-admin-console',
  imports: [
    MatButton,
    MatFormField,
    MatLabel,
    MatIcon,
    MatInput,
    MatPaginator,
    MatProgressBar,
    ApiErrorAlert,
    NotAllowed,
    AnalysesChart,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './admin-console.html',
  styleUrl: './admin-console.scss',
})
export class AdminConsole {
  private readonly api = inject(AdminApi);
  private readonly support = inject(SupportApi);
  private readonly dialog = inject(MatDialog);
  private readonly followLimit = inject(JOB_FOLLOW_LIMIT_MS);

  readonly errorText = errorText;
  readonly errorDetails = errorDetails;
  readonly when = (at: string | null) => formatWhen(at);
  readonly money = formatMoney;
  readonly statuses = JOB_STATUSES;
  readonly steps = JOB_STEPS;
  readonly engines = ENGINES;
  readonly flagText = FLAG_TEXT;
  readonly booleanFlags = ['ENABLE_SSE', 'ENABLE_WATERMARKED_EXPORT'] as const;

  // ---- Overview ----
  readonly overview = rxResource({ stream: () => this.api.overview() });
  readonly overviewError = computed(() => failure(this.overview.error()));
  readonly draftsTotal = computed(() =>
    this.overview.hasValue() ? this.overview.value().draftsByStatus.reduce((s, d) => s + d.n, 0) : 0,
  );
  readonly failurePercent = computed(() =>
    this.overview.hasValue()
      ? new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(
          this.overview.value().failureRate,
        )
      : '',
  );

  // ---- Jobs ----
  readonly filter = signal<JobsFilter>({
    status: null,
    step: null,
    errorCode: null,
    page: 1,
    pageSize: PAGE_SIZE,
  });
  readonly errorCodeText = signal('');
  readonly errorCodeInvalid = computed(() => {
    const code = this.errorCodeText().trim();
    return code !== '' && !ERROR_CODE.test(code);
  });
  readonly jobs = rxResource({
    params: () => this.filter(),
    // Followed retries are checked as each answer arrives (before the next poll can start).
    stream: ({ params }) => this.api.jobs(params).pipe(tap((page) => this.check(page.items))),
  });
  readonly jobItems = computed<AdminJob[]>(() => (this.jobs.hasValue() ? this.jobs.value().items : []));
  readonly jobsError = computed(() => failure(this.jobs.error()));
  readonly retrying = signal<string | null>(null);
  readonly retryError = signal<ApiError | null>(null);
  readonly following = signal<readonly Followed[]>([]);
  /** What happened to retried jobs (announced politely). */
  readonly followNote = signal('');

  // ---- Plan ----
  readonly planUser = signal('');
  readonly plan = signal<'FREE' | 'PRO'>('PRO');
  readonly planReason = signal('');
  readonly planSaving = signal(false);
  readonly planNote = signal('');
  readonly planError = signal<ApiError | null>(null);
  readonly planReady = computed(
    () => this.planUser().trim() !== '' && this.planReason().trim().length >= 3 && !this.planSaving(),
  );

  // ---- Flags ----
  readonly flags = rxResource({ stream: () => this.api.flags() });
  readonly flagsError = computed(() => failure(this.flags.error()));
  readonly flagSaving = signal<FlagName | null>(null);
  readonly flagError = signal<ApiError | null>(null);
  readonly flagNote = signal('');

  private readonly actionRefusal = signal<ApiError | null>(null);
  readonly refused = computed(
    () =>
      refusal(this.overview.error()) ??
      refusal(this.jobs.error()) ??
      refusal(this.flags.error()) ??
      this.actionRefusal(),
  );

  constructor() {
    // While a retried job is followed, ask the list again every JOB_FOLLOW_MS.
    const timer = setInterval(() => {
      if (this.following().length && !this.jobs.isLoading()) this.jobs.reload();
    }, inject(JOB_FOLLOW_MS));
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  // ---- Jobs ----

  setFilter(change: Partial<Pick<JobsFilter, 'status' | 'step'>>): void {
    this.filter.update((f) => ({ ...f, ...change, page: 1 }));
  }

  applyErrorCode(event: Event): void {
    event.preventDefault();
    if (this.errorCodeInvalid()) return;
    const code = this.errorCodeText().trim() || null;
    this.filter.update((f) => ({ ...f, errorCode: code, page: 1 }));
  }

  onPage(event: PageEvent): void {
    this.filter.update((f) => ({ ...f, page: event.pageIndex + 1 }));
  }

  isFollowed(jobId: string): boolean {
    return this.following().some((f) => f.jobId === jobId);
  }

  async retry(job: AdminJob): Promise<void> {
    this.retrying.set(job.jobId);
    this.retryError.set(null);
    try {
      await firstValueFrom(this.api.retry(job.jobId));
    } catch (error) {
      this.handle(error, (e) => this.retryError.set(e));
      return;
    } finally {
      this.retrying.set(null);
    }
    this.following.update((list) => [
      ...list.filter((f) => f.jobId !== job.jobId),
      { jobId: job.jobId, updatedAt: job.updatedAt, moved: false, since: Date.now() },
    ]);
    this.followNote.set(`Retry of job ${short(job.jobId)} requested. Following it…`);
    this.jobs.reload();
  }

  /** After each list answer: has a followed job moved on, left the list, or finished? */
  private check(items: readonly AdminJob[]): void {
    const followed = this.following();
    if (!followed.length) return;
    const notes: string[] = [];
    const still: Followed[] = [];
    for (const f of followed) {
      const row = items.find((job) => job.jobId === f.jobId);
      const moved = f.moved || (!!row && (row.updatedAt !== f.updatedAt || row.status === 'queued' || row.status === 'running'));
      if (!row) {
        notes.push(
          this.filter().status === 'failed'
            ? `Job ${short(f.jobId)} left the failed list: it is running again.`
            : `Job ${short(f.jobId)} is no longer in this list.`,
        );
      } else if (row && moved && row.status === 'succeeded') {
        notes.push(`Job ${short(f.jobId)} succeeded.`);
      } else if (row && moved && row.status === 'failed') {
        notes.push(`Job ${short(f.jobId)} failed again (${row.errorCode ?? 'no code'}).`);
      } else if (Date.now() - f.since > this.followLimit) {
        notes.push(`Stopped following job ${short(f.jobId)}: no change seen yet. Refresh the list later.`);
      } else {
        if (row && moved) notes.push(`Job ${short(f.jobId)} is ${row.status}${row.currentStep ? ` (${row.currentStep})` : ''}…`);
        still.push({ ...f, moved });
      }
    }
    this.following.set(still);
    if (notes.length) this.followNote.set(notes.join(' '));
  }

  // ---- Plan ----

  async changePlan(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.planReady()) return;
    this.planSaving.set(true);
    this.planNote.set('');
    this.planError.set(null);
    const who = this.planUser().trim();
    try {
      let userId = who;
      if (!isUuid(who)) {
        const found = await firstValueFrom(this.support.findUser(who));
        if (!found.user) throw new ApiError({ code: 'NOT_FOUND', message: 'No user with this e-mail.', status: 404 });
        userId = found.user.id;
      }
      await firstValueFrom(this.api.setPlan(userId, this.plan(), this.planReason().trim()));
      this.planNote.set(`${who} is now on ${this.plan()}.`);
      this.planReason.set('');
    } catch (error) {
      const apiError = toApiError(error);
      this.handle(
        apiError.status === 404 && apiError.code === 'NOT_FOUND'
          ? new ApiError({ code: 'NOT_FOUND', message: 'No user with this e-mail or id.', status: 404, requestId: apiError.requestId })
          : apiError,
        (e) => this.planError.set(e),
      );
    } finally {
      this.planSaving.set(false);
    }
  }

  onPlan(value: string): void {
    this.plan.set(value === 'FREE' ? 'FREE' : 'PRO');
  }

  // ---- Flags ----

  /** Asks for a reason, then sets the flag; true when it was changed. */
  async setFlag<F extends FlagName>(flag: F, value: Flags[F]): Promise<boolean> {
    const shown = typeof value === 'boolean' ? (value ? 'on' : 'off') : value;
    const reason = await firstValueFrom(
      this.dialog
        .open<ReasonDialog, ReasonDialogData, string>(ReasonDialog, {
          data: {
            title: `Set ${flag} to ${shown}?`,
            message: `${FLAG_TEXT[flag].label}: every process reads the new value within 5 seconds.`,
            confirm: 'Change flag',
          },
          width: '480px',
          maxWidth: '90vw',
        })
        .afterClosed(),
    );
    if (!reason) return false;
    this.flagSaving.set(flag);
    this.flagError.set(null);
    this.flagNote.set('');
    try {
      const flags = await firstValueFrom(this.api.setFlag(flag, value, reason));
      this.flags.set(flags);
      this.flagNote.set(`${flag} is now ${shown}.`);
      return true;
    } catch (error) {
      this.handle(error, (e) => this.flagError.set(e));
      return false;
    } finally {
      this.flagSaving.set(null);
    }
  }

  async onEngine(select: HTMLSelectElement): Promise<void> {
    const engine = ENGINES.find((e) => e === select.value);
    const changed = engine ? await this.setFlag('ANALYSIS_ENGINE', engine) : false;
    // Cancelled or refused: the select shows the stored value again.
    if (!changed && this.flags.hasValue()) select.value = this.flags.value().ANALYSIS_ENGINE;
  }

  short = short;

  private handle(error: unknown, show: (error: ApiError) => void): void {
    const apiError = toApiError(error);
    if (apiError.status === 401 || apiError.status === 403) this.actionRefusal.set(apiError);
    else show(apiError);
  }
}

function short(id: string): string {
  return id.length > 8 ? id.slice(0, 8) : id;
}
