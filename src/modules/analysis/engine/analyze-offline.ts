// The offline analysis: deterministic, no network. The Anthropic engine starts from this same
// result and only replaces the coaching panels, so score, keywords and ATS are always ours.
import { atsFindings } from '../ats/index.ts';
import { critiqueBullets } from '../bullets/critique.ts';
import { offlineCoverLetter } from '../cover-letter/offline-cover-letter.ts';
import { hireProbability } from '../hire/hire-probability.ts';
import type { AnalysisInput, JobInput } from '../input.ts';
import { parseJob, type ParsedJob } from '../job/parse-job.ts';
import { panelsFor, planIncludes } from '../plans.ts';
import type { AnalysisResult } from '../result.ts';
import { matchKeywords, type KeywordMatch } from '../score/keywords.ts';
import { scoreMatch } from '../score/match-score.ts';
import { findSkills } from '../skills/find-skills.ts';
import { readResume, type ResumeDocument } from '../text/resume-document.ts';
import { factSource } from '../verify/fact-verifier.ts';

export interface OfflineAnalysis {
  readonly result: AnalysisResult;
  readonly resume: ResumeDocument;
  /** Null without a job description (a general résumé). */
  readonly job: ParsedJob | null;
  readonly keywords: KeywordMatch | null;
}

/** Said on every analysis without a job description, so the result explains its missing panels itself. */
export const NO_JOB_NOTICE = 'This résumé was analysed on its own, without a job description: you see the ATS check and bullet suggestions. Add a job description to see the match score, keywords and interview chances.';

function notices(resume: ResumeDocument, job: ParsedJob, jobInput: JobInput): string[] {
  const out: string[] = [];
  if (job.keywords.filter((k) => k.skill.kind === 'hard').length === 0) {
    out.push('No skills we recognise were found in the job description, so the score rests on title, years and degree only. Paste the full posting, including its requirements.');
  }
  if (!jobInput.text.trim()) out.push('The job description is empty.');
  if (resume.truncated) out.push('The résumé text was very long; only its beginning was analysed.');
  if (jobInput.text.length > 60_000) out.push('The job description was very long; only its beginning was analysed.');
  return out;
}

/** A general résumé: only what needs no job — ATS findings and (for a plan with them) bullet critiques. */
function analyzeWithoutJob(input: AnalysisInput, resume: ResumeDocument): OfflineAnalysis {
  const hard = findSkills(resume.text, 'hard', resume.tokens);
  const result: AnalysisResult = {
    schemaVersion: 1,
    engine: 'offline',
    model: null,
    usage: null,
    panelsAllowed: panelsFor(input.plan, { withJob: false }),
    hasJobDescription: false,
    matchScore: { value: 0, breakdown: [] },
    job: { title: null, normalizedTitle: null, occupation: null, minYears: null, degree: null },
    keywords: { matched: [], missing: [] },
    atsFindings: atsFindings(resume, hard),
    bulletCritiques: planIncludes(input.plan, 'bullets') ? critiqueBullets(resume.bullets.map((b) => b.text), factSource(resume.text)) : [],
    hireProbability: null,
    coverLetter: null,
    notices: [NO_JOB_NOTICE, ...(resume.truncated ? ['The résumé text was very long; only its beginning was analysed.'] : [])],
  };
  return { result, resume, job: null, keywords: null };
}

export function analyzeOffline(input: AnalysisInput, asOf: Date): OfflineAnalysis {
  const resume = readResume(input.resume, asOf);
  if (input.job === null) return analyzeWithoutJob(input, resume);
  const job = parseJob(input.job);
  const hard = findSkills(resume.text, 'hard', resume.tokens);
  const soft = findSkills(resume.text, 'soft', resume.tokens);
  const keywords = matchKeywords(job, resume, [...hard, ...soft]);
  const matchScore = scoreMatch(job, resume, keywords);
  const findings = atsFindings(resume, hard);
  const paid = planIncludes(input.plan, 'bullets');
  const source = factSource(resume.text);
  const result: AnalysisResult = {
    schemaVersion: 1,
    engine: 'offline',
    model: null,
    usage: null,
    panelsAllowed: panelsFor(input.plan),
    hasJobDescription: true,
    matchScore,
    job: { title: job.title, normalizedTitle: job.normalizedTitle, occupation: job.occupation, minYears: job.minYears, degree: job.degree?.level ?? null },
    keywords: { matched: keywords.matched, missing: keywords.missing },
    atsFindings: findings,
    bulletCritiques: paid ? critiqueBullets(resume.bullets.map((b) => b.text), source) : [],
    hireProbability: planIncludes(input.plan, 'hireProbability')
      ? hireProbability({ matchScore: matchScore.value, breakdown: matchScore.breakdown, keywords, minYears: job.minYears, years: resume.years, criticalFindings: findings.filter((f) => f.severity === 'critical').length })
      : null,
    coverLetter: planIncludes(input.plan, 'coverLetter')
      ? offlineCoverLetter({ resume, jobTitle: job.title, company: input.job.company, matched: keywords.matched, source: factSource(resume.text, [job.title ?? '', input.job.company ?? '']) })
      : null,
    notices: notices(resume, job, input.job),
  };
  return { result, resume, job, keywords };
}
