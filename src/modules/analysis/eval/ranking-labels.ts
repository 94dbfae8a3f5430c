// Which résumés were written for which job. A positive must outscore every negative for that job;
// full-stack résumés are left out of the frontend/backend pairs because either answer is defensible.
export interface RankingLabel { readonly positives: readonly string[]; readonly excluded: readonly string[] }

const JOHN_DOE_BACKEND = ['rmt_modern-single-column', 'rmt_modern-two-column', 'rmt_single-column', 'rmt_two-column'];

export const rankingLabels: Record<string, RankingLabel> = {
  'backend-eng': { positives: [...JOHN_DOE_BACKEND, 'backend-priya-raman'], excluded: ['rm_bruce_wayne_fullstack', 'rm_john_doe'] },
  'frontend-eng': { positives: ['rm_barry_allen_fe', 'frontend-marco-silva'], excluded: ['rm_bruce_wayne_fullstack', 'rm_john_doe'] },
  'ml-eng': { positives: ['rm_harvey_dent_mle', 'ml-amara-okafor'], excluded: [] },
  'product-manager': { positives: ['rm_alfred_pennyworth_pm', 'pm-elena-novak'], excluded: [] },
};
