import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  resource,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Subscription, firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../../core/api/api-error';
import { errorText } from '../../core/api/error-text';
import { newIdempotencyKey } from '../../core/api/jobs-api';
import { JobView } from '../../core/api/jobs';
import { explainFailure } from './job-explanations';
import {
  BulletChange,
  ChangeDecision,
  DecisionVerb,
  MAX_EDIT_LENGTH,
  RewriteAnswer,
  RewritesApi,
  cleanEdit,
  retryAt,
} from '../../core/api/rewrites-api';
import { ApiErrorAlert } from '../../shared/api-error-alert/api-error-alert';
import { JobWatcher } from './job-watcher';
import { diffWords, sideOf } from './word-diff';

/** How often (and how long apart) the review is read again while the read model catches up. */
export const REVIEW_CATCH_UP = { tries: 10, delayMs: 500 };

const DECISION_LABELS: Readonly<Record<ChangeDecision, string>> = {
  pending: 'Not decided',
  accepted: 'Accepted',
  rejected: 'Rejected',
  edited: 'Accepted with your edit',
};

const STATE_OF: Readonly<Record<DecisionVerb, ChangeDecision>> = {
  accept: 'accepted',
  reject: 'rejected',
  edit: 'edited',
};

interface ShownChange extends BulletChange {
  before: ReturnType<typeof sideOf>;
  after: ReturnType<typeof sideOf>;
  label: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * "Suggest better bullets": starts a rewrite, follows its job, then lists each suggested change as
 * a word diff with Accept / Reject / Edit. Decisions show at once and are rolled back if the API
 * refuses them.
 */
@Component({
  selector: 'app-rewrite-review',
  imports: [DatePipe, RouterLink, MatButton, MatIcon, MatProgressBar, ApiErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rewrite-review.html',
  styleUrl: './rewrite-review.scss',
})
export class RewriteReview {
  private readonly api = inject(RewritesApi);
  private readonly watcher = inject(JobWatcher);

  readonly draftId = input.required<string>();
  /** The draft's status: a FINALIZED draft is locked. */
  readonly status = input<string | null>(null);
  /**
   * Whether the draft has had a rewrite (from its job list). Without one the review is not asked
   * for: its 404 would only add a failed request to the console.
   */
  readonly hasRewrite = input(true);

  readonly maxLength = MAX_EDIT_LENGTH;
  readonly errorText = errorText;
  readonly explainFailure = explainFailure;
  readonly locked = computed(() => this.status() === 'FINALIZED');

  /** The rewrite job that was just started (the review must name it before it is shown). */
  private readonly expectJob = signal<string | null>(null);
  private readonly reloadCount = signal(0);

  readonly answer = resource({
    params: () =>
      this.hasRewrite() || this.expectJob()
        ? { draftId: this.draftId(), expect: this.expectJob(), n: this.reloadCount() }
        : undefined,
    loader: async ({ params }): Promise<RewriteAnswer | null> => {
      let answer: RewriteAnswer | null = null;
      for (let attempt = 0; attempt < REVIEW_CATCH_UP.tries; attempt++) {
        try {
          answer = await firstValueFrom(this.api.get(params.draftId));
        } catch (error) {
          const apiError = toApiError(error);
          if (apiError.code !== 'REWRITE_NOT_FOUND' && apiError.status !== 404) throw apiError;
          answer = null;
          if (!params.expect) return null;
        }
        if (!params.expect || answer?.review?.jobId === params.expect) return answer;
        await sleep(REVIEW_CATCH_UP.delayMs);
      }
      return answer;
    },
  });

  readonly review = computed(() =>
    this.answer.hasValue() ? (this.answer.value()?.review ?? null) : null,
  );

  /** The changes as shown, including decisions not yet confirmed by the API. */
  readonly changes = linkedSignal<BulletChange[]>(() => this.review()?.changes ?? []);

  readonly shown = computed<ShownChange[]>(() =>
    this.changes().map((change) => {
      const text = change.decision === 'edited' && change.text ? change.text : change.suggested;
      const parts = diffWords(change.original, text);
      return {
        ...change,
        before: sideOf(parts, 'before'),
        after: sideOf(parts, 'after'),
        label: DECISION_LABELS[change.decision],
      };
    }),
  );

  readonly counts = computed(() => {
    const changes = this.changes();
    const decided = changes.filter((c) => c.decision !== 'pending').length;
    const kept = changes.filter((c) => c.decision === 'accepted' || c.decision === 'edited').length;
    return { total: changes.length, decided, kept };
  });

  readonly loadError = computed(() => {
    const error = this.answer.error();
    return error ? toApiError(error) : null;
  });

  // Starting and following a rewrite job.
  readonly starting = signal(false);
  readonly startError = signal<ApiError | null>(null);
  readonly job = signal<JobView | null>(null);
  readonly jobError = signal<ApiError | null>(null);
  readonly running = computed(() => {
    const job = this.job();
    return !!job && job.status !== 'succeeded' && job.status !== 'failed';
  });
  readonly failedJob = computed(() => {
    const job = this.job();
    return job?.status === 'failed' ? job : null;
  });
  /** The instant a refused rewrite becomes possible again. */
  readonly possibleAgainAt = computed(() => {
    const error = this.startError();
    return error ? retryAt(error) : null;
  });
  readonly needsUpgrade = computed(() => this.startError()?.code === 'PLAN_UPGRADE_REQUIRED');

  private startKey: { draftId: string; key: string } | null = null;
  private following: Subscription | null = null;

  // Decisions.
  readonly busy = signal<ReadonlySet<number>>(new Set());
  readonly decisionError = signal<{ index: number; error: ApiError } | null>(null);
  readonly editing = signal<number | null>(null);
  readonly editText = signal('');
  readonly editProblem = computed(() => {
    const text = cleanEdit(this.editText());
    if (!text) return 'Write the bullet, or cancel.';
    if (text.length > MAX_EDIT_LENGTH) return `Keep it to ${MAX_EDIT_LENGTH} characters.`;
    return null;
  });
  private readonly editor = viewChild<ElementRef<HTMLTextAreaElement>>('editor');

  /** Announced to screen readers after each decision. */
  readonly announcement = signal('');

  constructor() {
    inject(DestroyRef).onDestroy(() => this.following?.unsubscribe());
    // A new draft on the same component: forget the last one's job and errors.
    effect(() => {
      this.draftId();
      untracked(() => {
        this.following?.unsubscribe();
        this.job.set(null);
        this.jobError.set(null);
        this.startError.set(null);
        this.editing.set(null);
        this.expectJob.set(null);
      });
    });
    // Focus the editor when it opens.
    effect(() => {
      this.editor()?.nativeElement.focus();
    });
  }

  async suggest(): Promise<void> {
    if (this.locked() || this.starting() || this.running()) return;
    this.startError.set(null);
    this.jobError.set(null);
    this.starting.set(true);
    const draftId = this.draftId();
    if (this.startKey?.draftId !== draftId) this.startKey = { draftId, key: newIdempotencyKey() };
    try {
      const started = await firstValueFrom(this.api.start(draftId, this.startKey.key));
      this.startKey = null;
      this.follow(started.jobId);
    } catch (error) {
      this.startError.set(toApiError(error));
    } finally {
      this.starting.set(false);
    }
  }

  private follow(jobId: string): void {
    this.following?.unsubscribe();
    this.job.set({
      id: jobId,
      draftId: this.draftId(),
      kind: 'rewrite',
      status: 'queued',
      currentStep: null,
      attempts: 0,
      errorCode: null,
      steps: {},
      createdAt: null,
      updatedAt: null,
    });
    this.following = this.watcher.watch(jobId).subscribe({
      next: (job) => {
        this.job.set(job);
        if (job.status === 'succeeded') {
          this.editing.set(null);
          this.expectJob.set(job.id);
          this.reloadCount.update((n) => n + 1);
        }
      },
      error: (error: unknown) => this.jobError.set(toApiError(error)),
    });
  }

  startEdit(change: BulletChange): void {
    this.editing.set(change.index);
    this.editText.set(change.decision === 'edited' && change.text ? change.text : change.suggested);
  }

  cancelEdit(): void {
    this.editing.set(null);
  }

  editKey(event: KeyboardEvent, change: BulletChange): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.cancelEdit();
    } else if (event.key === 'Enter' && !event.shiftKey) {
      // One line: Enter saves instead of breaking the bullet.
      event.preventDefault();
      void this.saveEdit(change);
    }
  }

  async saveEdit(change: BulletChange): Promise<void> {
    if (this.editProblem()) return;
    const text = cleanEdit(this.editText());
    this.editing.set(null);
    await this.decide(change, 'edit', text);
  }

  async decide(change: BulletChange, verb: DecisionVerb, text?: string): Promise<void> {
    const review = this.review();
    if (!review || this.locked() || this.busy().has(change.index)) return;
    const previous = this.changes().find((c) => c.index === change.index);
    if (!previous) return;
    const next: BulletChange = {
      ...previous,
      decision: STATE_OF[verb],
      text: verb === 'edit' ? (text ?? null) : null,
    };
    this.decisionError.set(null);
    this.replace(next);
    this.busy.update((set) => new Set(set).add(change.index));
    try {
      await firstValueFrom(
        this.api.decide(this.draftId(), review.jobId, [
          verb === 'edit' ? { index: change.index, decision: verb, text } : { index: change.index, decision: verb },
        ]),
      );
      this.announcement.set(`Bullet ${this.position(change.index)}: ${DECISION_LABELS[next.decision]}.`);
    } catch (error) {
      const apiError = toApiError(error);
      // Roll back only if nothing newer replaced our optimistic state.
      if (this.changes().find((c) => c.index === change.index) === next) this.replace(previous);
      this.decisionError.set({ index: change.index, error: apiError });
      if (apiError.code === 'REWRITE_OUTDATED') this.reload();
    } finally {
      this.busy.update((set) => {
        const copy = new Set(set);
        copy.delete(change.index);
        return copy;
      });
    }
  }

  reload(): void {
    this.reloadCount.update((n) => n + 1);
  }

  position(index: number): number {
    return this.changes().findIndex((c) => c.index === index) + 1;
  }

  private replace(change: BulletChange): void {
    this.changes.update((list) => list.map((c) => (c.index === change.index ? change : c)));
  }
}
