import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
} from '@angular/core';
import { Keyword } from '../../core/api/analysis';
import { HighlightRange, MAX_HIGHLIGHT_CHARS, segmentText } from './highlight';

/** The résumé text with matched keywords marked. Every segment is rendered as text, never as HTML. */
@Component({
  selector: 'app-resume-highlight',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (segments().length) {
      <p class="text" tabindex="0" aria-label="Your résumé text with matched keywords highlighted">
        @for (segment of segments(); track $index) {
          @if (segment.labels.length) {
            <mark
              [title]="segment.labels.join(', ')"
              [class.focused]="!!focusTerm() && segment.labels.includes(focusTerm()!)"
              >{{ segment.text }}</mark
            >
          } @else {
            <span>{{ segment.text }}</span>
          }
        }
      </p>
      @if (clipped()) {
        <p class="note">Showing the first {{ limit.toLocaleString('en') }} characters.</p>
      }
    } @else {
      <p class="note">The text of your résumé is not available yet.</p>
    }
  `,
  styles: `
    .text {
      margin: 0;
      max-height: 520px;
      overflow: auto;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-lowest);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-medium);
      line-height: 1.6;
    }
    mark {
      padding: 0 2px;
      border-radius: 3px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      box-shadow: inset 0 -2px 0 var(--mat-sys-tertiary);
    }
    mark.focused {
      background: var(--mat-sys-tertiary);
      color: var(--mat-sys-on-tertiary);
    }
    .note {
      margin: 8px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ResumeHighlight {
  readonly text = input('');
  readonly keywords = input<readonly Keyword[]>([]);
  /** A keyword to emphasise; its first place is scrolled into view. */
  readonly focusTerm = input<string | null>(null);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly limit = MAX_HIGHLIGHT_CHARS;

  readonly segments = computed(() => {
    const ranges: HighlightRange[] = this.keywords().flatMap((keyword) =>
      keyword.locations.map((location) => ({
        start: location.start,
        end: location.end,
        label: keyword.term,
      })),
    );
    return segmentText(this.text() ?? '', ranges);
  });
  readonly clipped = computed(() => (this.text()?.length ?? 0) > MAX_HIGHLIGHT_CHARS);

  constructor() {
    afterRenderEffect(() => {
      if (!this.focusTerm()) return;
      const first = this.host.nativeElement.querySelector<HTMLElement>('mark.focused');
      first?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
    });
  }
}
