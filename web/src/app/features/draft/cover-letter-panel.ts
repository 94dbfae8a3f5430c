import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { CoverLetter } from '../../core/api/analysis';

/** The suggested cover letter, with copy; sentences we dropped (unsupported claims) are listed. */
@Component({
  selector: 'app-cover-letter-panel',
  imports: [MatButton, MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="letter">{{ letter().text }}</p>
    <div class="actions">
      <button mat-stroked-button type="button" (click)="copy()">
        <mat-icon aria-hidden="true">content_copy</mat-icon>
        {{ copied() ? 'Copied' : 'Copy to clipboard' }}
      </button>
    </div>
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
    .letter {
      margin: 0;
      padding: 16px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      line-height: 1.6;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
      border: 1px solid var(--mat-sys-outline-variant);
      max-height: 480px;
      overflow: auto;
    }
    .actions {
      margin-top: 8px;
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
  private readonly snackBar = inject(MatSnackBar);
  readonly letter = input.required<CoverLetter>();
  readonly copied = signal(false);

  async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.letter().text);
      this.copied.set(true);
      this.snackBar.open('Cover letter copied.', undefined, { duration: 3000 });
    } catch {
      this.snackBar.open('Copying is not allowed here: select the text and copy it.', undefined, {
        duration: 5000,
      });
    }
  }
}
