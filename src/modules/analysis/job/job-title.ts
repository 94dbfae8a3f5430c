// Job titles compared the way a recruiter would: seniority aside, "Front-End Developer" and
// "Frontend Engineer" are the same job; "Backend Engineer" and "Software Engineer" are close.
import { onetVocabulary } from '../vocabulary/skill-index.ts';

export const ROLE_NOUN = /\b(engineer|developer|programmer|manager|scientist|analyst|designer|architect|consultant|specialist|administrator|researcher|director|lead|owner|intern|officer|coordinator|head|vp|president|accountant|nurse|teacher|technician|writer|recruiter|marketer|representative|associate|sde)s?\b/i;
const SENIORITY = /\b(senior|sr|junior|jr|lead|staff|principal|chief|head|associate|intern|entry[- ]level|mid[- ]level|i{1,3}|iv|[1-4])\b\.?/gi;
const SYNONYMS: readonly [RegExp, string][] = [
  [/\bfront[- ]?end\b/g, 'frontend'], [/\bback[- ]?end\b/g, 'backend'], [/\bfull[- ]?stack\b/g, 'fullstack'], [/\bmern stack\b/g, 'fullstack'],
  [/\bml\b/g, 'machine learning'], [/\bai\b/g, 'machine learning'], [/\bdeveloper\b/g, 'engineer'], [/\bprogrammer\b/g, 'engineer'],
  [/\bsde\b/g, 'software engineer'], [/\bsoftware development engineer\b/g, 'software engineer'], [/\bswe\b/g, 'software engineer'],
  [/\bpm\b/g, 'product manager'], [/\bproduct owner\b/g, 'product manager'], [/\bweb\b/g, 'frontend'], [/\bui\b/g, 'frontend'],
];
/** Specialisations that still count as the same family of work. */
const FAMILY: Record<string, string> = { frontend: 'software', backend: 'software', fullstack: 'software', software: 'software', platform: 'software', mobile: 'software' };

export function normalizeTitle(title: string): string {
  let t = title.toLowerCase().replace(/[()]/g, ' ');
  for (const [pattern, replacement] of SYNONYMS) t = t.replace(pattern, replacement);
  return t.replace(SENIORITY, ' ').replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim();
}

function words(normalized: string): string[] {
  return normalized.split(' ').filter((w) => w.length > 1 && w !== 'of' && w !== 'and');
}

/** 0..1: 1 for the same job, 0.8 for a shared specialisation, 0.6 for the same family of work. */
export function titleSimilarity(a: string, b: string): number {
  const wx = words(normalizeTitle(a));
  const wy = words(normalizeTitle(b));
  if (wx.length === 0 || wy.length === 0) return 0;
  if (wx.join(' ') === wy.join(' ')) return 1;
  const shared = wx.filter((w) => wy.includes(w)).length;
  if (wx.at(-1) !== wy.at(-1)) return Math.min(0.3, shared / new Set([...wx, ...wy]).size);
  const specX = wx.slice(0, -1);
  const specY = wy.slice(0, -1);
  if (specX.some((w) => specY.includes(w))) return 0.8;
  const family = (spec: string[]) => new Set(spec.map((w) => FAMILY[w] ?? w));
  const fx = family(specX);
  if (specX.length === 0 || specY.length === 0 || [...family(specY)].some((w) => fx.has(w))) return 0.6;
  return 0.4;
}

/** Titles O*NET files under a differently worded occupation. */
const OCCUPATION_OVERRIDES: readonly [RegExp, string][] = [
  [/\b(frontend) engineer\b/, '15-1254.00'],
  [/\b(software|backend|fullstack|platform|mobile|devops|site reliability) engineer\b/, '15-1252.00'],
  [/\b(machine learning|data) (engineer|scientist)\b/, '15-2051.00'],
  [/\bproduct manager\b/, '11-2021.00'],
];

/** The closest O*NET occupation, for display and grouping: our overrides first, then word overlap. */
export function closestOccupation(title: string): { code: string; title: string } | null {
  const normalized = normalizeTitle(title);
  const override = OCCUPATION_OVERRIDES.find(([pattern]) => pattern.test(normalized))?.[1];
  const overridden = override ? onetVocabulary().occupations.find(([code]) => code === override) : undefined;
  if (overridden) return { code: overridden[0], title: overridden[1] };
  const target = new Set(words(normalizeTitle(title)).map((w) => w.replace(/s$/, '')));
  if (target.size === 0) return null;
  let best: { code: string; title: string; score: number } | null = null;
  for (const [code, name] of onetVocabulary().occupations) {
    const ws = words(normalizeTitle(name)).map((w) => w.replace(/s$/, ''));
    const shared = ws.filter((w) => target.has(w)).length;
    const score = shared / (ws.length + target.size - shared);
    if (shared > 0 && (!best || score > best.score)) best = { code, title: name, score };
  }
  return best && best.score >= 0.5 ? { code: best.code, title: best.title } : null;
}
