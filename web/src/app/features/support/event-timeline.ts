import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import {
  STREAM_GROUPS,
  StreamGroup,
  TimelineEvent,
  formatWhen,
  jsonText,
} from '../../core/api/staff';

export const GROUP_LABELS: Readonly<Record<StreamGroup, string>> = {
  draft: 'Draft',
  job: 'Jobs',
  payments: 'Payments',
  analysis: 'Analysis',
  other: 'Other',
};

/** More events than this per stream group are summarised rather than all drawn. */
export const MAX_EVENTS_PER_GROUP = 500;

/**
 * A draft's events as vertical timelines, one per stream family (draft / jobs / payments /
 * analysis), in store order. Each event's data opens as indented JSON text — built only when
 * opened, cut at 50 000 characters, and always bound as text (never innerHTML).
 */
@Component({
  selector: 'app-event-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (group of groups(); track group.key) {
      <section class="group" [attr.aria-labelledby]="'group-' + group.key" [class]="group.key">
        <h3 [id]="'group-' + group.key">
          {{ group.label }} <span class="count">({{ group.events.length }})</span>
        </h3>
        <ol class="timeline">
          @for (event of group.shown; track event.position) {
            <li class="event">
              <div class="head">
                <span class="type">{{ event.type }}</span>
                <span class="meta">
                  #{{ event.position }} · {{ when(event.at) }} · {{ event.actor }} ·
                  <code>{{ event.stream }}</code>
                </span>
              </div>
              <details (toggle)="toggled(event.position, $any($event.target).open)">
                <summary>Data</summary>
                @if (opened().has(event.position)) {
                  @let json = jsonOf(event);
                  <pre class="json">{{ json.text }}</pre>
                  @if (json.cut) {
                    <p class="note">Cut at 50,000 characters — the support bundle has everything.</p>
                  }
                }
              </details>
            </li>
          }
        </ol>
        @if (group.events.length > group.shown.length) {
          <p class="note">
            Showing the first {{ group.shown.length }} of {{ group.events.length }} events — download
            the support bundle for all of them.
          </p>
        }
      </section>
    } @empty {
      <p class="note">No events recorded for this draft.</p>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 16px;
    }
    h3 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .count {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0 0 0 16px;
      border-left: 2px solid var(--group-colour, var(--mat-sys-outline-variant));
    }
    .draft { --group-colour: var(--mat-sys-primary); }
    .job { --group-colour: var(--mat-sys-tertiary); }
    .payments { --group-colour: var(--mat-sys-secondary); }
    .analysis { --group-colour: var(--mat-sys-primary-fixed-dim, var(--mat-sys-primary)); }
    .event {
      position: relative;
      padding: 0 0 12px;
    }
    .event::before {
      content: '';
      position: absolute;
      left: -22px;
      top: 6px;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--group-colour, var(--mat-sys-outline));
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 2px 12px;
      align-items: baseline;
    }
    .type {
      font: var(--mat-sys-title-small);
      overflow-wrap: anywhere;
    }
    .meta, .note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    summary {
      cursor: pointer;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-primary);
    }
    .json {
      max-height: 360px;
      overflow: auto;
      margin: 4px 0 0;
      padding: 8px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container);
      font-size: 12px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class EventTimeline {
  readonly events = input.required<readonly TimelineEvent[]>();

  readonly opened = signal<ReadonlySet<number>>(new Set());

  readonly groups = computed(() =>
    STREAM_GROUPS.map((key) => {
      const events = this.events().filter((event) => event.group === key);
      return {
        key,
        label: GROUP_LABELS[key],
        events,
        shown: events.slice(0, MAX_EVENTS_PER_GROUP),
      };
    }).filter((group) => group.events.length > 0),
  );

  readonly when = (at: string | null) => formatWhen(at);
  readonly jsonOf = (event: TimelineEvent) => jsonText(event.data);

  toggled(position: number, open: boolean): void {
    this.opened.update((current) => {
      const next = new Set(current);
      if (open) next.add(position);
      else next.delete(position);
      return next;
    });
  }
}
