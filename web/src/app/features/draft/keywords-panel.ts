import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { Keyword } from '../../core/api/analysis';
import { ResumeHighlight } from './resume-highlight';

const byImportance = (keywords: readonly Keyword[], importance: Keyword['importance']) =>
  keywords.filter((keyword) => keyword.importance === importance);

/** Matched and missing keywords (required vs preferred), and the résumé with matches highlighted. */
@Component({
  selector: 'app-keywords-panel',
  imports: [MatIcon, ResumeHighlight],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="groups">
      @for (group of groups(); track group.key) {
        <section class="group" [attr.aria-labelledby]="'kw-' + group.key">
          <h3 [id]="'kw-' + group.key">
            <mat-icon aria-hidden="true">{{ group.matched ? 'check_circle' : 'cancel' }}</mat-icon>
            {{ group.title }} <span class="count">({{ group.items.length }})</span>
          </h3>
          @if (group.items.length) {
            <ul class="chips">
              @for (keyword of group.items; track $index) {
                @if (group.matched) {
                  <li>
                    <button
                      type="button"
                      class="chip matched"
                      [attr.aria-pressed]="focused() === keyword.term"
                      [attr.aria-label]="
                        keyword.term +
                        (keyword.locations.length > 1 ? ' ×' + keyword.locations.length : '') +
                        ': show in your résumé'
                      "
                      (click)="toggle(keyword.term)"
                    >
                      <span class="term">{{ keyword.term }}</span>
                      @if (keyword.locations.length > 1) {
                        <span class="times"> ×{{ keyword.locations.length }}</span>
                      }
                    </button>
                  </li>
                } @else {
                  <li class="chip missing">
                    <span class="term">{{ keyword.term }}</span>
                    @if (keyword.alternatives.length) {
                      <span class="alt">or {{ keyword.alternatives.join(', ') }}</span>
                    }
                  </li>
                }
              }
            </ul>
          } @else {
            <p class="none">{{ group.matched ? 'None found yet.' : 'Nothing missing here.' }}</p>
          }
        </section>
      }
    </div>
    <h3 class="resume-heading">Your résumé, with matched keywords highlighted</h3>
    <app-resume-highlight [text]="resumeText()" [keywords]="matched()" [focusTerm]="focused()" />
  `,
  styles: `
    .groups {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
      gap: 16px;
    }
    h3 {
      display: flex;
      align-items: center;
      gap: 6px;
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    .count {
      color: var(--mat-sys-on-surface-variant);
      font-weight: 400;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .chip {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px;
      max-width: 100%;
      padding: 4px 10px;
      border-radius: var(--mat-sys-corner-small);
      border: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-label-large);
      overflow-wrap: anywhere;
    }
    .matched {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
      border-color: transparent;
      cursor: pointer;
    }
    .matched[aria-pressed='true'] {
      background: var(--mat-sys-tertiary);
      color: var(--mat-sys-on-tertiary);
    }
    .missing {
      background: var(--mat-sys-surface);
      border-style: dashed;
    }
    .times,
    .alt {
      font: var(--mat-sys-label-small);
    }
    .alt {
      opacity: 0.8;
    }
    .none {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .resume-heading {
      margin-top: 24px;
    }
    section mat-icon {
      width: 20px;
      height: 20px;
      font-size: 20px;
    }
  `,
})
export class KeywordsPanel {
  readonly matched = input<readonly Keyword[]>([]);
  readonly missing = input<readonly Keyword[]>([]);
  readonly resumeText = input('');

  /** The matched keyword whose places in the résumé are emphasised (click again to clear). */
  readonly focused = signal<string | null>(null);

  toggle(term: string): void {
    this.focused.update((current) => (current === term ? null : term));
  }

  readonly groups = computed(() => [
    {
      key: 'missing-required',
      title: 'Missing — required',
      matched: false,
      items: byImportance(this.missing(), 'required'),
    },
    {
      key: 'matched-required',
      title: 'Matched — required',
      matched: true,
      items: byImportance(this.matched(), 'required'),
    },
    {
      key: 'missing-preferred',
      title: 'Missing — preferred',
      matched: false,
      items: byImportance(this.missing(), 'preferred'),
    },
    {
      key: 'matched-preferred',
      title: 'Matched — preferred',
      matched: true,
      items: byImportance(this.matched(), 'preferred'),
    },
  ]);
}
