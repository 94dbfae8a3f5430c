import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { form, FormField, FormRoot, maxLength, required } from '@angular/forms/signals';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { firstValueFrom, lastValueFrom, tap } from 'rxjs';
import { ApiError, toApiError } from '../../core/api/api-error';
import { NewDraft as NewDraftBody } from '../../core/api/drafts';
import { DraftsApi } from '../../core/api/drafts-api';
import { errorDetails, errorText } from '../../core/api/error-text';
import { JobsApi, newIdempotencyKey } from '../../core/api/jobs-api';
import { ApiErrorAlert } from '../../shared/api-error-alert/api-error-alert';
import { checkResumeFile } from './file-check';
import { FileDrop } from './file-drop';
import { GeneralResumeForm } from './general-resume-form';

export const MAX_JOB_TEXT = 20_000;

interface DraftForm {
  title: string;
  jobTitle: string;
  company: string;
  jobText: string;
}

type Phase = 'idle' | 'creating' | 'uploading' | 'starting';

/** Codes after which the draft exists and is worth opening even though the analysis did not start. */
const DRAFT_KEPT = new Set([
  'PAYMENT_REQUIRED',
  'FREE_ANALYSIS_USED',
  'RATE_LIMITED',
  'PLAN_UPGRADE_REQUIRED',
]);

/**
 * New draft: title, résumé file, job description. Submitting creates the draft, uploads the file
 * (with a real progress bar), starts the analysis and opens the draft page. A retry after a
 * failure reuses what already succeeded: the same draft, the uploaded file, the same
 * Idempotency-Key while nothing has been edited.
 */
@Component({
  selector: 'app-new-draft',
  imports: [
    RouterLink,
    FormField,
    FormRoot,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatProgressBar,
    ApiErrorAlert,
    FileDrop,
    GeneralResumeForm,
    MatButtonToggle,
    MatButtonToggleGroup,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './new-draft.html',
  styleUrl: './new-draft.scss',
})
export class NewDraft {
  private readonly drafts = inject(DraftsApi);
  private readonly jobs = inject(JobsApi);
  private readonly router = inject(Router);
  private readonly query = inject(ActivatedRoute).snapshot.queryParamMap;

  /** `?from=form` opens "Start from a form"; `?draft=<id>` edits that general résumé's form again. */
  readonly editDraftId = this.query.get('draft');
  readonly mode = signal<'file' | 'form'>(
    this.query.get('from') === 'form' || this.editDraftId ? 'form' : 'file',
  );

  readonly maxJobText = MAX_JOB_TEXT;
  readonly model = signal<DraftForm>({ title: '', jobTitle: '', company: '', jobText: '' });
  readonly form = form(
    this.model,
    (path) => {
      maxLength(path.title, 200, { message: 'Use at most 200 characters.' });
      maxLength(path.jobTitle, 200, { message: 'Use at most 200 characters.' });
      maxLength(path.company, 200, { message: 'Use at most 200 characters.' });
      required(path.jobText, { message: 'Paste the job description.' });
      maxLength(path.jobText, MAX_JOB_TEXT, {
        message: `Use at most ${MAX_JOB_TEXT.toLocaleString('en')} characters.`,
      });
    },
    {
      submission: {
        action: () => this.send(),
        onInvalid: () => this.checkFile(),
      },
    },
  );

  readonly file = signal<File | null>(null);
  /** The file's problem; cleared when another file is chosen. */
  readonly fileError = linkedSignal<File | null, string | null>({
    source: this.file,
    computation: () => null,
  });

  readonly phase = signal<Phase>('idle');
  readonly progress = signal<number | null>(null);
  readonly busy = computed(() => this.phase() !== 'idle');

  /** The last failure; editing anything clears it. */
  readonly apiError = linkedSignal<unknown, ApiError | null>({
    source: () => [this.model(), this.file()],
    computation: () => null,
  });
  readonly errorMessage = computed(() => {
    const error = this.apiError();
    return error ? errorText(error) : '';
  });
  readonly errorLines = computed(() => {
    const error = this.apiError();
    return error ? errorDetails(error) : [];
  });
  readonly keptDraftId = signal<string | null>(null);

  /** What has already been done for this submission, so a retry does not repeat it. */
  private draftId: string | null = null;
  private savedModel: DraftForm | null = null;
  private uploadedFile: File | null = null;
  private minPosition: number | null = null;
  /** One key per click; a retry of the same unchanged submission sends it again. */
  readonly analysisKey = linkedSignal<unknown, string | null>({
    source: () => [this.model(), this.file()],
    computation: () => null,
  });

  readonly statusText = computed(() => {
    switch (this.phase()) {
      case 'creating':
        return 'Saving your draft…';
      case 'uploading': {
        const progress = this.progress();
        return progress === null
          ? 'Uploading your résumé…'
          : `Uploading your résumé… ${Math.round(progress * 100)}%`;
      }
      case 'starting':
        return 'Starting the analysis…';
      default:
        return '';
    }
  });

  readonly jobTextError = computed(() => this.form.jobText().errors()[0]?.message ?? '');
  readonly titleError = computed(() => this.form.title().errors()[0]?.message ?? '');
  readonly jobTitleError = computed(() => this.form.jobTitle().errors()[0]?.message ?? '');
  readonly companyError = computed(() => this.form.company().errors()[0]?.message ?? '');

  onFile(file: File | null): void {
    this.file.set(file);
    if (file) this.fileError.set(checkResumeFile(file));
  }

  /** Returns whether the chosen file can be sent; shows why not otherwise. */
  checkFile(): boolean {
    const file = this.file();
    const problem = file ? checkResumeFile(file) : 'Choose the file that holds your résumé.';
    this.fileError.set(problem);
    return problem === null;
  }

  private body(): NewDraftBody {
    const { title, jobTitle, company, jobText } = this.model();
    const body: NewDraftBody = { job: { text: jobText.trim() } };
    if (title.trim()) body.title = title.trim();
    if (jobTitle.trim()) body.job!.title = jobTitle.trim();
    if (company.trim()) body.job!.company = company.trim();
    return body;
  }

  private async send(): Promise<undefined> {
    if (!this.checkFile()) return undefined;
    const file = this.file()!;
    const key = this.analysisKey() ?? newIdempotencyKey();
    this.analysisKey.set(key);
    this.apiError.set(null);
    this.keptDraftId.set(null);
    try {
      const draftId = await this.saveDraft();
      if (this.uploadedFile !== file) await this.upload(draftId, file);
      this.phase.set('starting');
      const started = await firstValueFrom(this.jobs.startAnalysis(draftId, key));
      await this.router.navigate(['/drafts', draftId], {
        queryParams: { job: started.jobId },
        state: { minPosition: this.minPosition },
      });
    } catch (error) {
      const apiError = toApiError(error);
      this.apiError.set(apiError);
      // Keep the key after a failure only if nothing changed (linkedSignal resets it on edits).
      this.analysisKey.set(key);
      if (this.draftId && DRAFT_KEPT.has(apiError.code)) this.keptDraftId.set(this.draftId);
    } finally {
      this.phase.set('idle');
      this.progress.set(null);
    }
    return undefined;
  }

  private async saveDraft(): Promise<string> {
    const model = this.model();
    if (this.draftId) {
      if (this.savedModel !== model) {
        this.phase.set('creating');
        await firstValueFrom(this.drafts.update(this.draftId, this.body()));
        this.savedModel = model;
      }
      return this.draftId;
    }
    this.phase.set('creating');
    const created = await firstValueFrom(this.drafts.create(this.body()));
    this.draftId = created.id;
    this.savedModel = model;
    this.minPosition = created.position;
    return created.id;
  }

  private async upload(draftId: string, file: File): Promise<void> {
    this.phase.set('uploading');
    this.progress.set(0);
    const last = await lastValueFrom(
      this.drafts.uploadResume(draftId, file).pipe(
        tap((event) => {
          if (event.type === 'progress') this.progress.set(event.fraction);
          else this.progress.set(1);
        }),
      ),
    );
    if (last.type === 'done') {
      this.uploadedFile = file;
      if (last.upload.position !== null)
        this.minPosition = Math.max(this.minPosition ?? 0, last.upload.position);
    }
  }
}
