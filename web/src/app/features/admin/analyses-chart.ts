import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DayCount } from '../../core/api/staff';

const DAY_MS = 86_400_000;
const MAX_DAYS = 62;
const MIN_DAYS = 14;

/** Days in order with the missing ones (no analyses) filled in: at least 14, at most the last 62. */
export function fillDays(days: readonly DayCount[]): DayCount[] {
  const known = new Map<string, DayCount>();
  for (const day of days) known.set(day.day, day);
  const times = days.map((d) => Date.parse(`${d.day}T00:00:00Z`));
  if (times.some((t) => Number.isNaN(t))) return [...days].slice(-MAX_DAYS);
  if (!times.length) return [];
  const last = Math.max(...times);
  const first = Math.max(Math.min(...times, last - (MIN_DAYS - 1) * DAY_MS), last - (MAX_DAYS - 1) * DAY_MS);
  const filled: DayCount[] = [];
  for (let t = first; t <= last; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    filled.push(known.get(day) ?? { day, n: 0, failed: 0 });
  }
  return filled;
}

const WIDTH = 560;
const HEIGHT = 160;
const TOP = 8;
const BOTTOM = 1;

/** Analyses per day as stacked SVG bars (succeeded below, failed on top) — no chart library. */
@Component({
  selector: 'app-analyses-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (bars().length) {
      <svg
        [attr.viewBox]="'0 0 ' + width + ' ' + height"
        role="img"
        [attr.aria-label]="summary()"
        preserveAspectRatio="none"
      >
        <line class="axis" x1="0" [attr.y1]="baseline" [attr.x2]="width" [attr.y2]="baseline" />
        @for (bar of bars(); track bar.day) {
          <g>
            <title>{{ bar.title }}</title>
            <rect class="ok" [attr.x]="bar.x" [attr.y]="bar.okY" [attr.width]="bar.w" [attr.height]="bar.okH" />
            <rect class="failed" [attr.x]="bar.x" [attr.y]="bar.failY" [attr.width]="bar.w" [attr.height]="bar.failH" />
          </g>
        }
      </svg>
      <p class="axis-labels" aria-hidden="true">
        <span>{{ bars()[0].day }}</span>
        <span>most in a day: {{ max() }}</span>
        <span>{{ bars()[bars().length - 1].day }}</span>
      </p>
      <p class="legend" aria-hidden="true">
        <span class="key ok"></span> Succeeded or running <span class="key failed"></span> Failed
      </p>
    } @else {
      <p class="empty">No analyses in this period.</p>
    }
  `,
  styles: `
    svg {
      display: block;
      width: 100%;
      height: 140px;
    }
    .axis {
      stroke: var(--mat-sys-outline-variant);
    }
    rect.ok, .key.ok {
      fill: var(--mat-sys-primary);
      background: var(--mat-sys-primary);
    }
    rect.failed, .key.failed {
      fill: var(--mat-sys-error);
      background: var(--mat-sys-error);
    }
    .axis-labels {
      display: flex;
      justify-content: space-between;
      margin: 2px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .legend, .empty {
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .key {
      display: inline-block;
      width: 10px;
      height: 10px;
      margin: 0 4px 0 12px;
      border-radius: 2px;
      vertical-align: middle;
    }
  `,
})
export class AnalysesChart {
  readonly days = input.required<readonly DayCount[]>();

  readonly width = WIDTH;
  readonly height = HEIGHT;
  readonly baseline = HEIGHT - BOTTOM;

  private readonly filled = computed(() => fillDays(this.days()));
  readonly max = computed(() => Math.max(1, ...this.filled().map((d) => d.n)));

  readonly bars = computed(() => {
    const days = this.filled();
    const slot = WIDTH / Math.max(1, days.length);
    const scale = (this.baseline - TOP) / this.max();
    return days.map((d, i) => {
      const failH = d.failed * scale;
      const okH = (d.n - d.failed) * scale;
      return {
        day: d.day,
        x: i * slot + slot * 0.15,
        w: slot * 0.7,
        okY: this.baseline - okH,
        okH,
        failY: this.baseline - okH - failH,
        failH,
        title: `${d.day}: ${d.n} ${d.n === 1 ? 'analysis' : 'analyses'}, ${d.failed} failed`,
      };
    });
  });

  readonly summary = computed(() => {
    const days = this.filled();
    const total = days.reduce((sum, d) => sum + d.n, 0);
    const failed = days.reduce((sum, d) => sum + d.failed, 0);
    return `Analyses per day over ${days.length} days: ${total} in all, ${failed} failed.`;
  });
}
