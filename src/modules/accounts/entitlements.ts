import type { Panel } from '../analysis/index.ts';
import type { Plan } from './access-token.ts';

// What each kind of person may do: the one seeded table the rest of the product asks. Prices come
// from the environment (PRICE_PER_ANALYSIS, CURRENCY); everything else is here.

export type PlanKey = Plan | 'GUEST';

export type AnalysisTerms =
  | { mode: 'free-trial'; freeAnalyses: number }
  | { mode: 'pay-per-use'; price: { amount: number; currency: string } }
  | { mode: 'included' };

export type Entitlements = {
  plan: PlanKey;
  analysis: AnalysisTerms;
  rewritesPerDay: number;
  exportWatermark: boolean;
  panels: readonly Panel[];
  /** A draft started from the general résumé form instead of an upload (docs/drafts.md). */
  generalResume: boolean;
};

export type EntitlementName = 'includedAnalyses' | 'rewrites' | 'unwatermarkedExport' | 'coachingPanels' | 'generalResume';

const basicPanels: readonly Panel[] = ['score', 'keywords', 'ats'];
const allPanels: readonly Panel[] = [...basicPanels, 'bullets', 'hireProbability', 'coverLetter'];

export type EntitlementTable = Readonly<Record<PlanKey, Entitlements>>;

export function seedEntitlements(price: { amount: number; currency: string }): EntitlementTable {
  return {
    GUEST: { plan: 'GUEST', analysis: { mode: 'free-trial', freeAnalyses: 1 }, rewritesPerDay: 0, exportWatermark: true, panels: basicPanels, generalResume: false },
    FREE: { plan: 'FREE', analysis: { mode: 'pay-per-use', price }, rewritesPerDay: 2, exportWatermark: true, panels: basicPanels, generalResume: false },
    PRO: { plan: 'PRO', analysis: { mode: 'included' }, rewritesPerDay: 50, exportWatermark: false, panels: allPanels, generalResume: true },
  };
}

export function grants(entitlements: Entitlements, name: EntitlementName): boolean {
  switch (name) {
    case 'includedAnalyses': return entitlements.analysis.mode === 'included';
    case 'rewrites': return entitlements.rewritesPerDay > 0;
    case 'unwatermarkedExport': return !entitlements.exportWatermark;
    case 'coachingPanels': return entitlements.panels.includes('bullets');
    case 'generalResume': return entitlements.generalResume;
  }
}
