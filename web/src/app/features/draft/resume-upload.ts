import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { lastValueFrom, tap } from 'rxjs';
import { toApiError } from '../../core/api/api-error';
import { DraftsApi } from '../../core/api/drafts-api';
import { errorText } from '../../core/api/error-text';
import { checkResumeFile } from '../new-draft/file-check';
import { FileDrop } from '../new-draft/file-drop';

/**
 * Uploads the résumé of a draft that has none yet — a draft aimed at a job posting starts that
 * way. Same checks, progress and refusal messages as the new-draft page.
 */
@Component({
  selector: 'app-resume-upload',
  imports: [FileDrop, MatButton, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="upload" aria-labelledby="resume-upload-heading">
      <h2 id="resume-upload-heading">Add your résumé</h2>
      <p>This draft has a job description but no résumé yet. Upload it to run the analysis.</p>
      <app-file-drop
        inputId="draft-resume-file"
        [file]="file()"
        [error]="error()"
        [disabled]="uploading()"
        (fileChange)="pick($event)"
      />
      @if (uploading()) {
        <mat-progress-bar
          [mode]="progress() === null ? 'indeterminate' : 'determinate'"
          [value]="(progress() ?? 0) * 100"
          aria-label="Uploading the résumé"
        />
      }
      <button mat-flat-button type="button" (click)="send()" [disabled]="uploading() || !file()">
        {{ uploading() ? 'Uploading…' : 'Upload résumé' }}
      </button>
    </section>
  `,
  styles: `
    .upload {
      display: grid;
      gap: 12px;
      margin: 16px 0;
    }
    button {
      justify-self: start;
    }
  `,
})
export class ResumeUpload {
  private readonly drafts = inject(DraftsApi);

  readonly draftId = input.required<string>();
  /** The event-store position of the upload, so the page reads the draft at least that fresh. */
  readonly uploaded = output<number | null>();

  readonly file = signal<File | null>(null);
  readonly error = signal<string | null>(null);
  readonly uploading = signal(false);
  readonly progress = signal<number | null>(null);

  pick(file: File | null): void {
    this.file.set(file);
    this.error.set(file ? checkResumeFile(file) : null);
  }

  async send(): Promise<void> {
    const file = this.file();
    if (!file || this.error()) return;
    this.uploading.set(true);
    this.progress.set(0);
    try {
      const last = await lastValueFrom(
        this.drafts
          .uploadResume(this.draftId(), file)
          .pipe(tap((event) => this.progress.set(event.type === 'progress' ? event.fraction : 1))),
      );
      this.uploaded.emit(last.type === 'done' ? last.upload.position : null);
    } catch (error) {
      this.error.set(errorText(toApiError(error)));
    } finally {
      this.uploading.set(false);
    }
  }
}
