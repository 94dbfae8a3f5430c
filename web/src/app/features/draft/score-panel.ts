import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { AnalysisResult } from '../../core/api/analysis';
import { componentShare } from './score-ring-math';
import { ScoreRing } from './score-ring';

/** The score ring and what it is made of: one bar per component, with its explanation. */
@Component({
  selector: 'app-score-panel',
  imports: [ScoreRing],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="layout">
      <app-score-ring [score]="score().value" />
      <ul class="components" aria-label="Score breakdown">
        @for (component of components(); track $index) {
          <li [class.not-assessed]="!component.assessed">
            <div class="row">
              <span class="name">{{ component.label }}</span>
              <span class="points">
                @if (component.assessed) {
                  {{ component.points }} / {{ component.max }}
                } @else {
                  Not assessed
                }
              </span>
            </div>
            <div
              class="bar"
              role="meter"
              [attr.aria-label]="component.label"
              aria-valuemin="0"
              aria-valuemax="100"
              [attr.aria-valuenow]="component.share"
              [attr.aria-valuetext]="component.assessed ? component.share + '%' : 'Not assessed'"
            >
              <span class="fill" [style.width.%]="component.share"></span>
            </div>
            @if (component.explanation) {
              <p class="explanation">{{ component.explanation }}</p>
            }
          </li>
        } @empty {
          <li class="explanation">No breakdown was given for this score.</li>
        }
      </ul>
    </div>
  `,
  styles: `
    .layout {
      display: flex;
      flex-wrap: wrap;
      gap: 24px;
      align-items: flex-start;
    }
    app-score-ring {
      flex: none;
      margin: 0 auto;
    }
    .components {
      flex: 1 1 280px;
      min-width: 0;
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 12px;
    }
    .row {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      font: var(--mat-sys-title-small);
    }
    .points {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
    }
    .bar {
      height: 8px;
      margin: 4px 0;
      border-radius: 4px;
      overflow: hidden;
      background: var(--mat-sys-surface-container-highest);
    }
    .fill {
      display: block;
      height: 100%;
      background: var(--mat-sys-primary);
      transition: width 700ms ease;
    }
    .not-assessed .fill {
      background: var(--mat-sys-outline);
    }
    .explanation {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
  `,
})
export class ScorePanel {
  readonly score = input.required<AnalysisResult['matchScore']>();
  readonly components = computed(() =>
    this.score().breakdown.map((component) => ({
      ...component,
      max: Math.round(component.weight * 100),
      points: Math.round(component.points),
      share: Math.round(componentShare(component.points, component.weight)),
    })),
  );
}
