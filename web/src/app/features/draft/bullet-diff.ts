import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { BulletCritique } from '../../core/api/analysis';
import { diffWords, sideOf } from './word-diff';

/** One bullet: the original with removed words struck through, the rewrite with added words marked. */
@Component({
  selector: 'app-bullet-diff',
  imports: [MatIcon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let c = critique();
    <div class="line before">
      <span class="tag">Original</span>
      <p>
        @for (part of before(); track $index) {
          @if (part.kind === 'removed') {
            <del>{{ part.text }}</del>
          } @else {
            <span>{{ part.text }}</span>
          }
        }
      </p>
    </div>
    @if (c.rewritten !== null) {
      <div class="line after">
        <span class="tag">Suggested</span>
        <p>
          @for (part of after(); track $index) {
            @if (part.kind === 'added') {
              <ins>{{ part.text }}</ins>
            } @else {
              <span>{{ part.text }}</span>
            }
          }
        </p>
      </div>
    } @else {
      <p class="no-rewrite">
        <mat-icon aria-hidden="true">{{ c.verdict.accepted ? 'thumb_up' : 'block' }}</mat-icon>
        {{
          c.verdict.accepted
            ? 'This bullet is fine as it is.'
            : 'No safe rewrite was found for this bullet.'
        }}
      </p>
    }
    @if (c.problems.length) {
      <ul class="problems" aria-label="Problems">
        @for (problem of c.problems; track $index) {
          <li>{{ problem.message }}</li>
        }
      </ul>
    }
    @if (c.rationale) {
      <p class="rationale"><strong>Why:</strong> {{ c.rationale }}</p>
    }
    @if (!c.verdict.accepted && c.verdict.reasons.length) {
      <p class="rationale">
        <strong>Held back because:</strong> {{ c.verdict.reasons.join('; ') }}
      </p>
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    .line {
      display: grid;
      grid-template-columns: 88px 1fr;
      gap: 8px;
      align-items: baseline;
    }
    @media (max-width: 480px) {
      .line {
        grid-template-columns: 1fr;
        gap: 0;
      }
    }
    .line + .line {
      margin-top: 8px;
    }
    .tag {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .line p {
      margin: 0;
      overflow-wrap: anywhere;
      line-height: 1.6;
    }
    del {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      text-decoration: line-through;
    }
    ins {
      background: #d3f5dc;
      color: #0b4a22;
      text-decoration: none;
      box-shadow: inset 0 -2px 0 var(--app-success);
    }
    .no-rewrite {
      display: flex;
      align-items: center;
      gap: 6px;
      margin: 8px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .problems {
      margin: 8px 0 0;
      padding-left: 20px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .rationale {
      margin: 8px 0 0;
      font: var(--mat-sys-body-medium);
      overflow-wrap: anywhere;
    }
  `,
})
export class BulletDiff {
  readonly critique = input.required<BulletCritique>();
  private readonly parts = computed(() => {
    const critique = this.critique();
    return critique.rewritten === null
      ? [{ kind: 'same' as const, text: critique.original }]
      : diffWords(critique.original, critique.rewritten);
  });
  readonly before = computed(() => sideOf(this.parts(), 'before'));
  readonly after = computed(() => sideOf(this.parts(), 'after'));
}
