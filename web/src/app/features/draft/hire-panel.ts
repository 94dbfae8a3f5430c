import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { HireBand, HireProbability } from '../../core/api/analysis';

const bandLabels: Readonly<Record<HireBand, string>> = {
  low: 'Low',
  moderate: 'Moderate',
  good: 'Good',
  strong: 'Strong',
};

/** Hire probability as a band with a gauge, and the factors behind it. */
@Component({
  selector: 'app-hire-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="head" [class]="hire().band">
      <span class="band">{{ bandLabel() }}</span>
      <span class="percent">{{ percent() }}%</span>
    </div>
    <div
      class="gauge"
      role="meter"
      aria-label="Chance of an interview"
      aria-valuemin="0"
      aria-valuemax="100"
      [attr.aria-valuenow]="percent()"
      [attr.aria-valuetext]="bandLabel() + ', ' + percent() + '%'"
    >
      <span class="fill" [style.width.%]="percent()"></span>
    </div>
    <p class="note">An estimate from rules of thumb recruiters use, not a promise.</p>
    @if (hire().factors.length) {
      <ul class="factors">
        @for (factor of hire().factors; track $index) {
          <li>
            <span class="name">{{ factor.name }}</span>
            <span
              class="effect"
              [class.up]="factor.contribution > 0"
              [class.down]="factor.contribution < 0"
            >
              {{
                factor.contribution > 0
                  ? '▲ helps'
                  : factor.contribution < 0
                    ? '▼ hurts'
                    : '• neutral'
              }}
            </span>
            @if (factor.explanation) {
              <p>{{ factor.explanation }}</p>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .head {
      display: flex;
      align-items: baseline;
      gap: 12px;
    }
    .band {
      font: var(--mat-sys-headline-small);
    }
    .percent {
      color: var(--mat-sys-on-surface-variant);
    }
    .gauge {
      height: 10px;
      margin: 8px 0;
      border-radius: 5px;
      overflow: hidden;
      background: var(--mat-sys-surface-container-highest);
    }
    .fill {
      display: block;
      height: 100%;
      background: var(--mat-sys-primary);
    }
    .note {
      margin: 0 0 12px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .factors {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 8px;
    }
    .name {
      font: var(--mat-sys-title-small);
      margin-right: 8px;
    }
    .effect {
      font: var(--mat-sys-label-medium);
    }
    .up {
      color: var(--app-success);
    }
    .down {
      color: var(--mat-sys-error);
    }
    p {
      margin: 2px 0 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
  `,
})
export class HirePanel {
  readonly hire = input.required<HireProbability>();
  readonly percent = computed(() => Math.round(this.hire().value * 100));
  readonly bandLabel = computed(() => bandLabels[this.hire().band]);
}
