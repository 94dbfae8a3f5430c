// The match score: a transparent weighted model (weights and reasons in docs/analysis.md).
// Components the job gives nothing to judge by are left out and the others re-weighted, so a job
// without a degree requirement neither rewards nor punishes anyone's degree.
import type { ParsedJob } from '../job/parse-job.ts';
import { titleSimilarity } from '../job/job-title.ts';
import type { ScoreComponent } from '../result.ts';
import { degreeRank } from '../text/degrees.ts';
import type { ResumeDocument } from '../text/resume-document.ts';
import type { KeywordMatch } from './keywords.ts';

export const SCORE_WEIGHTS = { hardSkills: 0.45, softSkills: 0.1, jobTitle: 0.15, education: 0.1, experience: 0.2 } as const;
/** A required skill counts twice as much as a preferred one. */
const REQUIRED_WEIGHT = 2;

type Raw = { key: ScoreComponent['key']; label: string; ratio: number | null; explanation: string };

function skillCoverage(match: KeywordMatch, kind: 'hard' | 'soft'): { ratio: number | null; explanation: string } {
  const of = (list: typeof match.matched) => list.filter((k) => k.kind === kind);
  const weight = (k: { importance: string }) => (k.importance === 'required' ? REQUIRED_WEIGHT : 1);
  const shown = [...of(match.matched), ...of(match.coveredByAlternative)];
  const missing = of(match.missing);
  // Alternatives ("Vitest or Jest") form one requirement: count the group once.
  const groups = new Map<string, number>();
  const satisfied = new Set<string>();
  for (const k of [...shown, ...missing]) {
    const id = [k.canonical, ...k.alternatives].sort().join('|');
    groups.set(id, Math.max(groups.get(id) ?? 0, weight(k)));
    if (shown.includes(k)) satisfied.add(id);
  }
  const total = [...groups.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return { ratio: null, explanation: `The job description names no ${kind} skills we recognise.` };
  const got = [...groups].filter(([id]) => satisfied.has(id)).reduce((a, [, w]) => a + w, 0);
  const requiredMissing = missing.filter((k) => k.importance === 'required').map((k) => k.canonical);
  const tail = requiredMissing.length > 0 ? ` Missing required: ${requiredMissing.slice(0, 6).join(', ')}${requiredMissing.length > 6 ? '…' : ''}.` : '';
  return { ratio: got / total, explanation: `Shows ${satisfied.size} of ${groups.size} ${kind} skills the job asks for (required ones count double).${tail}` };
}

function titleComponent(job: ParsedJob, resume: ResumeDocument): Raw {
  const base = { key: 'jobTitle' as const, label: 'Job title' };
  if (!job.title) return { ...base, ratio: null, explanation: 'The job description does not state a title.' };
  const best = resume.titles.map((t) => ({ t, s: titleSimilarity(t, job.title ?? '') })).sort((a, b) => b.s - a.s)[0];
  if (!best) return { ...base, ratio: 0, explanation: `No job title found on the résumé to compare with "${job.title}".` };
  return { ...base, ratio: best.s, explanation: `Closest title on the résumé, "${best.t}", compared with "${job.title}".` };
}

function educationComponent(job: ParsedJob, resume: ResumeDocument): Raw {
  const base = { key: 'education' as const, label: 'Education' };
  if (!job.degree) return { ...base, ratio: null, explanation: 'The job description asks for no particular degree.' };
  const gap = degreeRank(job.degree.level) - degreeRank(resume.degree);
  const ratio = gap <= 0 ? 1 : job.degree.importance === 'preferred' ? 0.5 : gap === 1 ? 0.5 : 0;
  return { ...base, ratio, explanation: `The job ${job.degree.importance === 'required' ? 'asks for' : 'prefers'} a ${job.degree.level} degree; the résumé shows ${resume.degree === 'none' ? 'no degree' : `a ${resume.degree} degree`}.` };
}

function experienceComponent(job: ParsedJob, resume: ResumeDocument): Raw {
  const base = { key: 'experience' as const, label: 'Years of experience' };
  if (job.minYears === null) return { ...base, ratio: null, explanation: 'The job description asks for no number of years.' };
  if (resume.years === undefined) return { ...base, ratio: 0.5, explanation: `The job asks for ${job.minYears}+ years; no dated experience could be read, so this counts half.` };
  return { ...base, ratio: Math.min(1, resume.years / Math.max(job.minYears, 1)), explanation: `The job asks for ${job.minYears}+ years; the résumé's dated experience covers about ${resume.years}.` };
}

export function scoreMatch(job: ParsedJob, resume: ResumeDocument, match: KeywordMatch): { value: number; breakdown: ScoreComponent[] } {
  const raws: Raw[] = [
    { key: 'hardSkills', label: 'Hard skills', ...skillCoverage(match, 'hard') },
    { key: 'softSkills', label: 'Soft skills', ...skillCoverage(match, 'soft') },
    titleComponent(job, resume),
    educationComponent(job, resume),
    experienceComponent(job, resume),
  ];
  const assessedWeight = raws.filter((r) => r.ratio !== null).reduce((a, r) => a + SCORE_WEIGHTS[r.key], 0);
  const breakdown = raws.map((r): ScoreComponent => {
    const weight = r.ratio === null || assessedWeight === 0 ? 0 : SCORE_WEIGHTS[r.key] / assessedWeight;
    return { key: r.key, label: r.label, weight: round(weight, 3), points: round(weight * 100 * (r.ratio ?? 0), 1), assessed: r.ratio !== null, explanation: r.explanation };
  });
  const value = Math.round(breakdown.reduce((a, c) => a + c.points, 0));
  return { value: Math.max(0, Math.min(100, value)), breakdown };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
