import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatIcon } from '@angular/material/icon';
import { AnalysisResult, Panel } from '../../core/api/analysis';
import { AtsPanel } from './ats-panel';
import { BulletDiff } from './bullet-diff';
import { CoverLetterPanel } from './cover-letter-panel';
import { HirePanel } from './hire-panel';
import { KeywordsPanel } from './keywords-panel';
import { ProUpsell } from './pro-upsell';
import { ScorePanel } from './score-panel';

/** The results of one analysis. Panels the plan does not include show a PRO card instead. */
@Component({
  selector: 'app-analysis-view',
  imports: [
    DatePipe,
    MatIcon,
    AtsPanel,
    BulletDiff,
    CoverLetterPanel,
    HirePanel,
    KeywordsPanel,
    ProUpsell,
    ScorePanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './analysis-view.html',
  styleUrl: './analysis-view.scss',
})
export class AnalysisView {
  readonly result = input.required<AnalysisResult>();
  readonly resumeText = input('');
  readonly createdAt = input<string | null>(null);
  /** The draft, for the cover letter's save and download (without it the letter is copy-only). */
  readonly draftId = input<string | null>(null);

  private readonly allowed = computed(() => new Set<Panel>(this.result().panelsAllowed));
  allows(panel: Panel): boolean {
    return this.allowed().has(panel);
  }

  readonly critiques = computed(() => this.result().bulletCritiques.slice(0, 50));
  readonly missingRequired = computed(
    () => this.result().keywords.missing.filter((k) => k.importance === 'required').length,
  );
}
