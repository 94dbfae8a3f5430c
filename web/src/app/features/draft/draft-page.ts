import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { rxResource } from '@angular/core/rxjs-interop';
import { DatePipe } from '@angular/common';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { firstValueFrom, of } from 'rxjs';
import { ApiError, toApiError } from '../../core/api/api-error';
import { formatBytes } from '../../core/api/drafts';
import { DraftsApi } from '../../core/api/drafts-api';
import { errorText } from '../../core/api/error-text';
import { JobsApi, newIdempotencyKey } from '../../core/api/jobs-api';
import { JobView, isFinished } from '../../core/api/jobs';
import { AnalysisAnswer } from '../../core/api/analysis';
import { PRODUCT_NAME } from '../../core/page-title-strategy';
import { ApiErrorAlert } from '../../shared/api-error-alert/api-error-alert';
import { StatusBadge } from '../../shared/status-badge/status-badge';
import { AnalysisView } from './analysis-view';
import { ExportPanel } from './export-panel';
import { ResumeUpload } from './resume-upload';
import { RewriteReview } from './rewrite-review';
import { JobWatcher } from './job-watcher';
import { PipelineStepper } from './pipeline-stepper';
import { PayStep, PaymentReturn } from './pay-step';
import { Price, readPrice } from '../../core/api/payments-api';
import { obj } from '../../core/api/read';

/** Read-your-writes: the new-draft page passes the position of its last write in the history state. */
function minPositionFromHistory(): number | null {
  const state: unknown = typeof history === 'undefined' ? null : history.state;
  const value = (state as { minPosition?: unknown } | null)?.minPosition;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * One draft: its job description and résumé, the analysis pipeline live (SSE with polling
 * fallback) and, once an analysis exists, its results. `?job=<id>` names the job to follow;
 * without it the latest analysis job of the draft is shown.
 */
@Component({
  selector: 'app-draft-page',
  imports: [
    DatePipe,
    RouterLink,
    MatButton,
    MatIcon,
    MatProgressBar,
    ApiErrorAlert,
    StatusBadge,
    AnalysisView,
    PipelineStepper,
    RewriteReview,
    ExportPanel,
    PayStep,
    ResumeUpload,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './draft-page.html',
  styleUrl: './draft-page.scss',
})
export class DraftPage {
  private readonly drafts = inject(DraftsApi);
  private readonly jobsApi = inject(JobsApi);
  private readonly watcher = inject(JobWatcher);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** Route parameter. */
  readonly id = input.required<string>();
  /** Query parameter: the job to follow. */
  readonly job = input<string | undefined>(undefined);
  /** Query parameter set by the payment page on the way back: `done` or `cancelled`. */
  readonly payment = input<PaymentReturn, string | undefined>(null, {
    transform: (value) => (value === 'done' || value === 'cancelled' ? value : null),
  });

  readonly errorText = errorText;
  readonly formatBytes = formatBytes;
  /** Reads ask for at least this position: the write that led here, then an upload on this page. */
  private minPosition = minPositionFromHistory();
  /** Jobs followed over the stream (not read as already finished from the list). */
  private readonly streamedJobs = new Set<string>();

  readonly draft = rxResource({
    params: () => ({ id: this.id() }),
    stream: ({ params }) => this.drafts.get(params.id, this.minPosition),
  });

  readonly jobs = rxResource({
    params: () => ({ id: this.id() }),
    stream: ({ params }) => this.jobsApi.jobsOfDraft(params.id),
  });

  /** The latest analysis job from the draft's list (the API may list them in any order). */
  private readonly latestAnalysisJob = computed<JobView | null>(() => {
    if (!this.jobs.hasValue()) return null;
    const analyses = this.jobs.value().filter((job) => job.kind === 'analysis');
    return analyses.reduce<JobView | null>(
      (latest, job) => (!latest || (job.createdAt ?? '') > (latest.createdAt ?? '') ? job : latest),
      null,
    );
  });

  readonly followedJobId = computed(() => this.job() ?? this.latestAnalysisJob()?.id ?? null);

  /** The followed job, live until it finishes. */
  readonly liveJob = rxResource({
    params: () => {
      const jobId = this.followedJobId();
      return jobId ? { jobId } : undefined;
    },
    stream: ({ params }) => {
      // A job the list already shows as finished needs no stream.
      const known = untracked(() =>
        this.jobs.hasValue() ? this.jobs.value().find((job) => job.id === params.jobId) : undefined,
      );
      if (known && isFinished(known)) return of(known);
      this.streamedJobs.add(params.jobId);
      return this.watcher.watch(params.jobId);
    },
  });

  readonly currentJob = computed<JobView | null>(() => {
    if (this.liveJob.hasValue()) return this.liveJob.value();
    const jobId = this.followedJobId();
    return (this.jobs.hasValue() && this.jobs.value().find((job) => job.id === jobId)) || null;
  });

  readonly jobError = computed(() => {
    const error = this.liveJob.error();
    return error ? toApiError(error) : null;
  });

  /** Load the analysis once nothing is running (a finished job, or no job at all). */
  readonly analysis = rxResource({
    params: () => {
      if (this.jobs.isLoading() && !this.job()) return undefined;
      const job = this.currentJob();
      // A job is named but its state is not known yet: wait for it (unless following it failed).
      if (this.followedJobId() && !job && !this.liveJob.error()) return undefined;
      if (job && !isFinished(job)) return undefined;
      return { id: this.id(), after: job ? `${job.id}:${job.status}` : 'none' };
    },
    stream: ({ params }) => this.jobsApi.analysis(params.id),
  });

  /**
   * The results on screen: the latest loaded analysis, kept while a new run is in progress (the
   * resource goes idle then) so the page does not go blank.
   */
  readonly shownAnalysis = linkedSignal<
    { id: string; value: AnalysisAnswer | undefined },
    AnalysisAnswer | null
  >({
    source: () => ({
      id: this.id(),
      value: this.analysis.hasValue() ? this.analysis.value() : undefined,
    }),
    // Never carry one draft's results over to another (the router reuses this component).
    computation: (source, previous) =>
      source.value ?? (previous?.source.id === source.id ? previous.value : null),
  });

  readonly analysisMissing = computed(() => {
    const error = this.analysis.error();
    return !!error && toApiError(error).status === 404;
  });
  readonly analysisError = computed(() => {
    const error = this.analysis.error();
    if (!error) return null;
    const apiError = toApiError(error);
    return apiError.status === 404 ? null : apiError;
  });

  readonly draftError = computed(() => {
    const error = this.draft.error();
    return error ? toApiError(error) : null;
  });

  readonly title = computed(() => {
    if (!this.draft.hasValue()) return 'Draft';
    const draft = this.draft.value();
    return draft.title?.trim() || draft.job?.title?.trim() || 'Untitled draft';
  });

  readonly starting = signal(false);
  readonly startError = signal<ApiError | null>(null);
  /** A 402 PAYMENT_REQUIRED answer to "Run analysis": its price (null when unreadable). */
  readonly paymentRequired = signal<{ price: Price | null } | null>(null);
  readonly showPayStep = computed(() => !!this.paymentRequired() || this.payment() !== null);
  /** Kept across retries of the same "Run again" until a job starts (a new click after that gets a new key). */
  private runKey: { draftId: string; key: string } | null = null;

  /** The review of better bullets is read only for a draft that has had a rewrite. */
  readonly hasRewriteJob = computed(
    () => this.jobs.hasValue() && this.jobs.value().some((job) => job.kind === 'rewrite'),
  );

  /** A finalized draft refuses changes (DRAFT_FINALIZED): nothing on the page offers them. */
  readonly finalized = computed(
    () => this.draft.hasValue() && this.draft.value().status === 'FINALIZED',
  );

  readonly running = computed(() => {
    const job = this.currentJob();
    return !!job && !isFinished(job);
  });

  constructor() {
    // The tab names the draft ("Acme — senior frontend · Résumé coach").
    const tabTitle = inject(Title);
    effect(() => {
      if (this.draft.hasValue()) tabTitle.setTitle(`${this.title()} · ${PRODUCT_NAME}`);
    });

    // When a job we followed live finishes, the draft has changed (status, extracted text): read it
    // again, once per job.
    const reloadedFor = new Set<string>();
    effect(() => {
      const job = this.liveJob.hasValue() ? this.liveJob.value() : null;
      if (!job || !isFinished(job) || !this.streamedJobs.has(job.id) || reloadedFor.has(job.id))
        return;
      reloadedFor.add(job.id);
      untracked(() => this.draft.reload());
    });
  }

  async runAgain(): Promise<void> {
    this.startError.set(null);
    this.paymentRequired.set(null);
    this.starting.set(true);
    const draftId = this.id();
    if (this.runKey?.draftId !== draftId) this.runKey = { draftId, key: newIdempotencyKey() };
    try {
      const started = await firstValueFrom(this.jobsApi.startAnalysis(draftId, this.runKey.key));
      this.runKey = null;
      await this.router.navigate([], {
        relativeTo: this.route,
        queryParams: { job: started.jobId },
        replaceUrl: true,
      });
    } catch (error) {
      const apiError = toApiError(error);
      // Payment needed: the pay step explains and offers to pay, instead of an error.
      if (apiError.status === 402 && apiError.code === 'PAYMENT_REQUIRED')
        this.paymentRequired.set({ price: readPrice(obj(apiError.details)) });
      else this.startError.set(apiError);
    } finally {
      this.starting.set(false);
    }
  }

  /** The credit arrived after the payment page: start the analysis it paid for. */
  onPaid(): void {
    this.paymentRequired.set(null);
    void this.runAgain();
  }

  /** A résumé was added on this page: read the draft again, at least as fresh as the upload. */
  onResumeUploaded(position: number | null): void {
    if (position !== null) this.minPosition = Math.max(this.minPosition ?? 0, position);
    this.draft.reload();
  }

  retryLoad(): void {
    this.draft.reload();
    this.jobs.reload();
  }
}
