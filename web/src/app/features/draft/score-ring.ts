import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  signal,
} from '@angular/core';
import { BAND_LABELS, clampScore, ringGeometry, scoreBand } from './score-ring-math';

const RADIUS = 52;

/** The match score as an animated ring, coloured by band, with the number in the middle. */
@Component({
  selector: 'app-score-ring',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'img', '[attr.aria-label]': 'label()', '[class]': 'band()' },
  template: `
    <svg viewBox="0 0 120 120" aria-hidden="true" focusable="false">
      <circle class="track" cx="60" cy="60" [attr.r]="geometry().radius" />
      <circle
        class="arc"
        cx="60"
        cy="60"
        [attr.r]="geometry().radius"
        [attr.stroke-dasharray]="geometry().dashArray"
        [style.stroke-dashoffset]="drawn() ? geometry().dashOffset : geometry().circumference"
      />
      <text class="value" x="60" y="60" text-anchor="middle" dominant-baseline="central">
        {{ value() }}
      </text>
    </svg>
    <span class="band-label" aria-hidden="true">{{ bandLabel() }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-direction: column;
      align-items: center;
      gap: 4px;
      --ring-color: var(--mat-sys-error);
    }
    :host(.fair) {
      --ring-color: #a15c00;
    }
    :host(.good) {
      --ring-color: var(--mat-sys-primary);
    }
    :host(.strong) {
      --ring-color: var(--app-success);
    }
    svg {
      width: 148px;
      height: 148px;
    }
    circle {
      fill: none;
      stroke-width: 12;
    }
    .track {
      stroke: var(--mat-sys-surface-container-highest);
    }
    .arc {
      stroke: var(--ring-color);
      stroke-linecap: round;
      transform: rotate(-90deg);
      transform-origin: 60px 60px;
      transition: stroke-dashoffset 900ms cubic-bezier(0.2, 0, 0, 1);
    }
    .value {
      fill: var(--mat-sys-on-surface);
      font:
        500 34px Roboto,
        sans-serif;
    }
    .band-label {
      font: var(--mat-sys-title-small);
      color: var(--ring-color);
    }
  `,
})
export class ScoreRing {
  readonly score = input.required<number>();
  readonly value = computed(() => clampScore(this.score()));
  readonly band = computed(() => scoreBand(this.value()));
  readonly bandLabel = computed(() => BAND_LABELS[this.band()]);
  readonly geometry = computed(() => ringGeometry(this.value(), RADIUS));
  readonly label = computed(() => `Match score ${this.value()} out of 100: ${this.bandLabel()}`);
  /** Starts empty and fills after the first render, so the arc animates in. */
  readonly drawn = signal(false);

  constructor() {
    afterNextRender(() => {
      if (typeof requestAnimationFrame === 'function')
        requestAnimationFrame(() => this.drawn.set(true));
      else this.drawn.set(true);
    });
  }
}
