import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  InjectionToken,
  computed,
  effect,
  inject,
  input,
  output,
  resource,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Subscription, firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../../core/api/api-error';
import { formatBytes } from '../../core/api/drafts';
import { errorText } from '../../core/api/error-text';
import {
  EXPORT_TEMPLATES,
  ExportFormat,
  ExportItem,
  ExportTemplate,
  ExportsApi,
} from '../../core/api/exports-api';
import { newIdempotencyKey } from '../../core/api/jobs-api';
import { JobView } from '../../core/api/jobs';
import { ApiErrorAlert } from '../../shared/api-error-alert/api-error-alert';
import { explainFailure } from './job-explanations';
import { JobWatcher } from './job-watcher';
import { LetterAndPreviewApi, PreviewResume } from './letter-and-preview-api';
import { ResumePreview } from './resume-preview';

/** Opens a download link (tests replace it). The file answers as an attachment: the page stays. */
export const OPEN_DOWNLOAD = new InjectionToken<(url: string) => void>('OPEN_DOWNLOAD', {
  factory: () => (url: string) => window.location.assign(url),
});

export const EXPORTS_CATCH_UP = { tries: 10, delayMs: 500 };

const TEMPLATE_HINTS: Readonly<Record<ExportTemplate, string>> = {
  classic: 'Centred name, black text, rules under headings',
  modern: 'Name on the left, blue accents',
  compact: 'Smaller type and margins: more on a page',
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Finalize the draft into a PDF or DOCX in one of three templates, and download the files. */
@Component({
  selector: 'app-export-panel',
  imports: [DatePipe, MatButton, MatIcon, MatProgressBar, ApiErrorAlert, ResumePreview],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './export-panel.html',
  styleUrl: './export-panel.scss',
})
export class ExportPanel {
  private readonly api = inject(ExportsApi);
  private readonly watcher = inject(JobWatcher);
  private readonly openDownload = inject(OPEN_DOWNLOAD);
  private readonly previewApi = inject(LetterAndPreviewApi);

  readonly draftId = input.required<string>();
  readonly status = input<string | null>(null);
  /** Emitted when an export job finished: the draft is FINALIZED now. */
  readonly finalized = output<string>();

  readonly templates = EXPORT_TEMPLATES.map((key) => ({ key, hint: TEMPLATE_HINTS[key] }));
  readonly formats: readonly ExportFormat[] = ['PDF', 'DOCX'];
  readonly formatBytes = formatBytes;
  readonly errorText = errorText;
  readonly explainFailure = explainFailure;

  readonly format = signal<ExportFormat>('PDF');
  readonly template = signal<ExportTemplate>('classic');

  readonly isFinalized = computed(() => this.status() === 'FINALIZED');
  /** Only a READY draft finalizes; a finalized one exports again. */
  readonly canExport = computed(() => this.status() === 'READY' || this.isFinalized());

  private readonly expectExport = signal<string | null>(null);
  private readonly reloadCount = signal(0);

  readonly exports = resource({
    params: () => {
      const expect = this.expectExport();
      // Only a finalized draft has files; don't ask for the others.
      if (!this.isFinalized() && !expect) return undefined;
      return { draftId: this.draftId(), expect, n: this.reloadCount() };
    },
    loader: async ({ params }): Promise<ExportItem[]> => {
      let list: ExportItem[] = [];
      for (let attempt = 0; attempt < EXPORTS_CATCH_UP.tries; attempt++) {
        list = await firstValueFrom(this.api.list(params.draftId));
        if (!params.expect || list.some((item) => item.id === params.expect)) return list;
        await sleep(EXPORTS_CATCH_UP.delayMs);
      }
      return list;
    },
  });

  /** The preview is asked for when the person opens it (and again after a reload or a new export). */
  readonly previewOpen = signal(false);
  private readonly previewCount = signal(0);
  readonly preview = resource({
    params: () =>
      this.previewOpen() && this.canExport()
        ? { draftId: this.draftId(), n: this.previewCount() }
        : undefined,
    loader: ({ params }): Promise<PreviewResume> =>
      firstValueFrom(this.previewApi.preview(params.draftId)),
  });
  readonly previewError = computed(() => {
    const error = this.preview.error();
    return error ? toApiError(error) : null;
  });

  togglePreview(): void {
    this.previewOpen.update((open) => !open);
  }

  reloadPreview(): void {
    this.previewCount.update((n) => n + 1);
  }

  readonly listError = computed(() => {
    const error = this.exports.error();
    return error ? toApiError(error) : null;
  });

  readonly starting = signal(false);
  readonly startError = signal<ApiError | null>(null);
  readonly job = signal<JobView | null>(null);
  readonly jobError = signal<ApiError | null>(null);
  readonly running = computed(() => {
    const job = this.job();
    return !!job && job.status !== 'succeeded' && job.status !== 'failed';
  });
  readonly failedJob = computed(() => (this.job()?.status === 'failed' ? this.job() : null));

  readonly downloading = signal<string | null>(null);
  readonly downloadError = signal<{ id: string; error: ApiError } | null>(null);

  private startKey: { choice: string; key: string } | null = null;
  private following: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.following?.unsubscribe());
    effect(() => {
      this.draftId();
      untracked(() => {
        this.following?.unsubscribe();
        this.job.set(null);
        this.jobError.set(null);
        this.startError.set(null);
        this.expectExport.set(null);
        this.previewOpen.set(false);
      });
    });
  }

  async exportNow(): Promise<void> {
    if (!this.canExport() || this.starting() || this.running()) return;
    this.startError.set(null);
    this.jobError.set(null);
    this.starting.set(true);
    const draftId = this.draftId();
    const choice = { format: this.format(), template: this.template() };
    const id = `${draftId}:${choice.format}:${choice.template}`;
    if (this.startKey?.choice !== id) this.startKey = { choice: id, key: newIdempotencyKey() };
    try {
      const started = await firstValueFrom(this.api.finalize(draftId, choice, this.startKey.key));
      this.startKey = null;
      this.follow(draftId, started.jobId);
    } catch (error) {
      this.startError.set(toApiError(error));
    } finally {
      this.starting.set(false);
    }
  }

  private follow(draftId: string, jobId: string): void {
    this.following?.unsubscribe();
    this.job.set({
      id: jobId,
      draftId,
      kind: 'finalize',
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
          this.expectExport.set(job.id);
          this.reloadCount.update((n) => n + 1);
          this.finalized.emit(job.id);
        }
      },
      error: (error: unknown) => this.jobError.set(toApiError(error)),
    });
  }

  async download(item: ExportItem): Promise<void> {
    this.downloadError.set(null);
    this.downloading.set(item.id);
    try {
      const url = await firstValueFrom(this.api.downloadUrl(item.id, window.location.origin));
      this.openDownload(url);
    } catch (error) {
      this.downloadError.set({ id: item.id, error: toApiError(error) });
    } finally {
      this.downloading.set(null);
    }
  }

  reload(): void {
    this.reloadCount.update((n) => n + 1);
  }

  templateLabel(key: string): string {
    return key ? key.charAt(0).toUpperCase() + key.slice(1) : 'Unknown template';
  }
}
