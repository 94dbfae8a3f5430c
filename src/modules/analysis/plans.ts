// Which result panels each plan sees. FREE and GUEST get what helps anyone decide whether the
// résumé gets through (score, keywords, ATS); the coaching panels are what PRO pays for.
import type { Plan } from './input.ts';
import type { Panel } from './result.ts';

const FREE_PANELS: readonly Panel[] = ['score', 'keywords', 'ats'];
const PRO_PANELS: readonly Panel[] = [...FREE_PANELS, 'bullets', 'hireProbability', 'coverLetter'];

/** Panels that compare the résumé with a job: an analysis without a job description has none of them. */
export const JOB_PANELS: readonly Panel[] = ['score', 'keywords', 'hireProbability', 'coverLetter'];

export function panelsFor(plan: Plan, options: { withJob?: boolean } = {}): Panel[] {
  const panels = plan === 'PRO' ? PRO_PANELS : FREE_PANELS;
  return options.withJob === false ? panels.filter((p) => !JOB_PANELS.includes(p)) : [...panels];
}

export function planIncludes(plan: Plan, panel: Panel): boolean {
  return panelsFor(plan).includes(panel);
}
