import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { formatBytes } from '../../core/api/drafts';
import { ACCEPT_ATTRIBUTE } from './file-check';

/**
 * A file picker that also accepts a dropped file. The real `<input type="file">` stays in the page
 * (visually hidden, still focusable) so keyboard and screen-reader users get the native picker.
 */
@Component({
  selector: 'app-file-drop',
  imports: [MatButton, MatIconButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="zone"
      [class.dragging]="dragging()"
      [class.invalid]="!!error()"
      (dragenter)="onDragOver($event)"
      (dragover)="onDragOver($event)"
      (dragleave)="dragging.set(false)"
      (drop)="onDrop($event)"
    >
      <input
        #input
        class="native"
        type="file"
        [id]="inputId()"
        [accept]="accept"
        [disabled]="disabled()"
        [attr.aria-describedby]="inputId() + '-hint ' + (error() ? inputId() + '-error' : '')"
        [attr.aria-invalid]="!!error()"
        (change)="onPicked(input)"
      />
      @if (file(); as chosen) {
        <mat-icon class="zone-icon" aria-hidden="true">description</mat-icon>
        <p class="file-name">{{ chosen.name }}</p>
        <p class="file-size">{{ formatBytes(chosen.size) }}</p>
        <div class="actions">
          <button mat-stroked-button type="button" [disabled]="disabled()" (click)="input.click()">
            Choose another file
          </button>
          <button
            mat-icon-button
            type="button"
            aria-label="Remove the chosen file"
            [disabled]="disabled()"
            (click)="clear(input)"
          >
            <mat-icon aria-hidden="true">close</mat-icon>
          </button>
        </div>
      } @else {
        <mat-icon class="zone-icon" aria-hidden="true">upload_file</mat-icon>
        <p class="prompt">Drag your résumé here, or</p>
        <label class="pick" [for]="inputId()">
          <span class="pick-button">Choose a file</span>
        </label>
      }
      <p class="hint" [id]="inputId() + '-hint'">
        PDF, Word (.docx), text or Markdown, up to 5 MB.
      </p>
    </div>
    @if (error(); as message) {
      <p class="error" [id]="inputId() + '-error'" role="alert">{{ message }}</p>
    }
  `,
  styleUrl: './file-drop.scss',
})
export class FileDrop {
  readonly file = input<File | null>(null);
  readonly error = input<string | null>(null);
  readonly disabled = input(false);
  readonly inputId = input('resume-file');
  readonly fileChange = output<File | null>();

  readonly dragging = signal(false);
  readonly accept = ACCEPT_ATTRIBUTE;
  readonly formatBytes = formatBytes;
  private readonly native = viewChild<ElementRef<HTMLInputElement>>('input');

  onDragOver(event: DragEvent): void {
    if (this.disabled()) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    if (this.disabled()) return;
    const file = event.dataTransfer?.files?.[0];
    if (file) this.fileChange.emit(file);
  }

  onPicked(input: HTMLInputElement): void {
    const file = input.files?.[0];
    if (file) this.fileChange.emit(file);
  }

  clear(input: HTMLInputElement): void {
    input.value = '';
    this.fileChange.emit(null);
    this.native()?.nativeElement.focus();
  }
}
