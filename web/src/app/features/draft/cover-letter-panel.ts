import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  InjectionToken,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Subscription, firstValueFrom } from 'rxjs';
import { CoverLetter } from '../../core/api/analysis';
import { ApiError, toApiError } from '../../core/api/api-error';
import { errorText } from '../../core/api/error-text';
import {
  EXPORT_FORMATS,
  EXPORT_TEMPLATES,
  ExportFormat,
  ExportTemplate,
  ExportsApi,
} from '../../core/api/exports-api';
import { newIdempotencyKey } from '../../core/api/jobs-api';
import { JobView } from '../../core/api/jobs';
import { ApiErrorAlert } from '../../shared/api-error-alert/api-error-alert';
import { EXPORTS_CATCH_UP, OPEN_DOWNLOAD } from './export-panel';
import { explainFailure } from './job-explanations';
import { JobWatcher } from './job-watcher';
import { LetterAndPreviewApi } from './letter-and-preview-api';

/** The page's clipboard (tests replace it); null where the Clipboard API is missing (plain http, old browsers). */
export const CLIPBOARD = new InjectionToken<Pick<Clipboard, 'writeText'> | null>('CLIPBOARD', {
  factory: () =>
    typeof navigator !== 'undefined' && navigator.clipboard ? navigator.clipboard : null,
});

/** How long "Copied" stays on the button. */
export const COPIED_MS = { value: 4000 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The suggested cover letter as an editor: the person's own text is saved on the draft (and shown
 * again after a reload), copied with the Clipboard API (a visible "Copied"; where copying is not
 * allowed the text is selected for Ctrl+C), and downloaded as PDF or DOCX in a résumé template via
 * an export job whose progress shows. Sentences we dropped (unsupported claims) are listed.
 */
@Component({
  selector: 'app-cover-letter-panel',
  imports: [MatButton, MatIcon, MatProgressBar, ApiErrorAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="editor-label" for="cover-letter-text">Your cover letter</label>
    <textarea
      #editor
      id="cover-letter-text"
      class="letter"
      rows="14"
      maxlength="12000"
      [value]="text()"
      (input)="edit(editor.value)"
      aria-describedby="cover-letter-state"
    ></textarea>
    <p id="cover-letter-state" class="state" role="status">
      @if (saving()) {
        Saving…
      } @else if (dirty()) {
        Not saved yet
      } @else if (savedOnce()) {
        Saved
      }
      @if (copied()) {
        <span class="copied"><mat-icon aria-hidden="true">check</mat-icon> Copied</span>
      }
      @if (copyFallback()) {
        <span class="fallback"
          >Copying is not allowed here: the text is selected, press Ctrl+C (⌘C on a Mac).</span
        >
      }
    </p>
    <div class="actions">
      <button mat-stroked-button type="button" (click)="copy(editor)">
        <mat-icon aria-hidden="true">{{ copied() ? 'check' : 'content_copy' }}</mat-icon>
        {{ copied() ? 'Copied' : 'Copy' }}
      </button>
      @if (draftId()) {
        <button
          mat-stroked-button
          type="button"
          class="save-button"
          (click)="save()"
          [disabled]="!dirty() || saving()"
        >
          <mat-icon aria-hidden="true">save</mat-icon>
          Save
        </button>
        <button
          mat-stroked-button
          type="button"
          (click)="reset()"
          [disabled]="text() === letter().text"
        >
          Use the suggestion
        </button>
      }
    </div>
    @if (saveError(); as error) {
      <app-api-error-alert
        [message]="'Not saved: ' + errorText(error)"
        [requestId]="error.requestId"
      />
    }

    @if (draftId()) {
      <fieldset class="download" [disabled]="busy()">
        <legend>Download</legend>
        <label>
          Template
          <select #tpl [value]="template()" (change)="template.set(asTemplate(tpl.value))">
            @for (t of templates; track t) {
              <option [value]="t">{{ t.charAt(0).toUpperCase() + t.slice(1) }}</option>
            }
          </select>
        </label>
        @for (f of formats; track f) {
          <button mat-flat-button type="button" (click)="download(f)">
            <mat-icon aria-hidden="true">download</mat-icon>
            {{ f }}
          </button>
        }
      </fieldset>
      @if (busy()) {
        <p class="muted" role="status">Building your cover letter ({{ building() }})…</p>
        <mat-progress-bar mode="indeterminate" aria-label="Building your cover letter" />
      }
      @if (failedJob(); as job) {
        <app-api-error-alert
          [message]="'The download failed. ' + explainFailure(job.errorCode).text"
        />
      }
      @if (downloadError(); as error) {
        <app-api-error-alert
          [message]="'The download could not start: ' + errorText(error)"
          [requestId]="error.requestId"
        />
      }
    }

    @if (letter().dropped.length) {
      <details class="dropped">
        <summary>
          {{ letter().dropped.length }} sentence(s) left out because your résumé does not back them
          up
        </summary>
        <ul>
          @for (item of letter().dropped; track $index) {
            <li>
              <q>{{ item.sentence }}</q>
              @if (item.reasons.length) {
                — {{ item.reasons.join('; ') }}
              }
            </li>
          }
        </ul>
      </details>
    }
  `,
  styles: `
    .editor-label {
      display: block;
      margin-bottom: 4px;
      font: var(--mat-sys-title-small);
    }
    .letter {
      box-sizing: border-box;
      width: 100%;
      margin: 0;
      padding: 16px;
      font: inherit;
      line-height: 1.6;
      color: inherit;
      resize: vertical;
      overflow-wrap: anywhere;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .state {
      min-height: 1.5em;
      margin: 4px 0;
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .copied {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      color: var(--mat-sys-primary);
      font-weight: 500;
    }
    .actions,
    .download {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-top: 8px;
    }
    .download {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      padding: 8px 12px;
    }
    .download label {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .dropped {
      margin-top: 12px;
      font: var(--mat-sys-body-medium);
      overflow-wrap: anywhere;
    }
    summary {
      cursor: pointer;
    }
  `,
})
export class CoverLetterPanel {
  private readonly api = inject(LetterAndPreviewApi);
  private readonly exportsApi = inject(ExportsApi);
  private readonly watcher = inject(JobWatcher);
  private readonly clipboard = inject(CLIPBOARD);
  private readonly openDownload = inject(OPEN_DOWNLOAD);

  /** The analysis's suggestion. */
  readonly letter = input.required<CoverLetter>();
  /** Without a draft id (e.g. a shared view) the panel is copy-only. */
  readonly draftId = input<string | null>(null);

  readonly templates = EXPORT_TEMPLATES;
  readonly formats = EXPORT_FORMATS;
  readonly errorText = errorText;
  readonly explainFailure = explainFailure;

  readonly text = signal('');
  /** The text the server has (or the suggestion, before anything was saved). */
  private readonly savedText = signal('');
  readonly savedOnce = signal(false);
  readonly dirty = computed(
    () =>
      this.text() !== this.savedText() ||
      (!this.savedOnce() && !!this.draftId() && this.text() !== this.letter().text),
  );
  readonly saving = signal(false);
  readonly saveError = signal<ApiError | null>(null);

  readonly copied = signal(false);
  readonly copyFallback = signal(false);

  readonly template = signal<ExportTemplate>('classic');
  readonly building = signal<ExportFormat | null>(null);
  readonly job = signal<JobView | null>(null);
  readonly busy = computed(() => this.building() !== null);
  readonly failedJob = computed(() => (this.job()?.status === 'failed' ? this.job() : null));
  readonly downloadError = signal<ApiError | null>(null);

  private following: Subscription | null = null;
  private copiedTimer: ReturnType<typeof setTimeout> | undefined;
  private keys = new Map<string, string>();

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.following?.unsubscribe();
      clearTimeout(this.copiedTimer);
    });
    // A new suggestion or another draft: start from what the server saved, else the suggestion.
    effect(() => {
      const suggestion = this.letter().text;
      const draftId = this.draftId();
      untracked(() => {
        this.text.set(suggestion);
        this.savedText.set(suggestion);
        this.savedOnce.set(false);
        if (draftId) void this.loadSaved(draftId);
      });
    });
  }

  private async loadSaved(draftId: string): Promise<void> {
    try {
      const saved = await firstValueFrom(this.api.savedLetter(draftId));
      // Typing started meanwhile wins over the late answer.
      if (!saved || this.draftId() !== draftId || this.text() !== this.letter().text) return;
      this.text.set(saved.text);
      this.savedText.set(saved.text);
      this.savedOnce.set(true);
    } catch {
      // The suggestion stays; saving will say what is wrong.
    }
  }

  edit(value: string): void {
    this.text.set(value);
    this.copied.set(false);
  }

  reset(): void {
    this.text.set(this.letter().text);
  }

  async save(): Promise<boolean> {
    const draftId = this.draftId();
    if (!draftId) return false;
    this.saving.set(true);
    this.saveError.set(null);
    try {
      const text = this.text();
      const cleaned = await firstValueFrom(this.api.saveLetter(draftId, text));
      this.savedText.set(cleaned);
      this.savedOnce.set(true);
      // Only replace what is on screen when nothing was typed while saving.
      if (this.text() === text) this.text.set(cleaned);
      return true;
    } catch (error) {
      this.saveError.set(toApiError(error));
      return false;
    } finally {
      this.saving.set(false);
    }
  }

  async copy(editor: HTMLTextAreaElement): Promise<void> {
    this.copyFallback.set(false);
    try {
      if (!this.clipboard) throw new Error('no clipboard');
      await this.clipboard.writeText(this.text());
      this.copied.set(true);
      clearTimeout(this.copiedTimer);
      this.copiedTimer = setTimeout(() => this.copied.set(false), COPIED_MS.value);
    } catch {
      // No Clipboard API (plain http) or permission refused: select it for the keyboard.
      this.copied.set(false);
      editor.focus();
      editor.select();
      this.copyFallback.set(true);
    }
  }

  asTemplate(value: string): ExportTemplate {
    return (EXPORT_TEMPLATES as readonly string[]).includes(value)
      ? (value as ExportTemplate)
      : 'classic';
  }

  /** Saves what is on screen, exports it (a job), waits for it, then opens the file's link. */
  async download(format: ExportFormat): Promise<void> {
    const draftId = this.draftId();
    if (!draftId || this.busy()) return;
    this.downloadError.set(null);
    this.job.set(null);
    this.building.set(format);
    try {
      if (this.dirty() && !(await this.save())) return;
      const choice = { format, template: this.template() };
      const id = `${draftId}:${format}:${choice.template}:${this.savedText()}`;
      const key = this.keys.get(id) ?? newIdempotencyKey();
      this.keys.set(id, key);
      const started = await firstValueFrom(this.api.exportLetter(draftId, choice, key));
      const finished = await this.finished(started.jobId);
      if (finished.status !== 'succeeded') return;
      this.keys.delete(id);
      this.openDownload(await this.linkOf(finished.id));
    } catch (error) {
      this.downloadError.set(toApiError(error));
    } finally {
      this.building.set(null);
    }
  }

  private finished(jobId: string): Promise<JobView> {
    this.following?.unsubscribe();
    return new Promise<JobView>((resolve, reject) => {
      this.following = this.watcher.watch(jobId).subscribe({
        next: (job) => {
          this.job.set(job);
          if (job.status === 'succeeded' || job.status === 'failed') resolve(job);
        },
        error: reject,
      });
    });
  }

  /** The export is named after its job; the list may be a moment behind the job, so ask a few times. */
  private async linkOf(exportId: string): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await firstValueFrom(this.exportsApi.downloadUrl(exportId, window.location.origin));
      } catch (error) {
        const failure = toApiError(error);
        if (failure.status !== 404 || attempt >= EXPORTS_CATCH_UP.tries) throw failure;
        await sleep(EXPORTS_CATCH_UP.delayMs);
      }
    }
  }
}
