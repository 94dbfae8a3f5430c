// Runs the offline engine over the fixtures and computes the eval metrics (see docs/analysis.md).
import { createOfflineEngine } from '../engine/offline-engine.ts';
import type { AnalysisResult } from '../result.ts';
import { atsCases, CLEAN } from './ats-cases.ts';
import { expectedKeywords } from './expected-keywords.ts';
import { allResumes, jobDescriptions, ownResumes } from './fixtures.ts';
import { inventedFacts } from './invented-facts.ts';
import { pairwise, precisionRecall, ratio } from './metrics.ts';
import { rankingLabels } from './ranking-labels.ts';
import { faithfulRewrites, inventedRewrites } from './verifier-cases.ts';
import { factSource, verifyClaims } from '../verify/fact-verifier.ts';

/** Fixed "today", so years of experience (and so scores) do not drift with the calendar. */
export const EVAL_DATE = new Date('2025-06-01T00:00:00Z');

export interface EvalMetrics {
  keywordPrecision: number;
  keywordRecall: number;
  rankingPairwiseAccuracy: number;
  rankingAuc: number;
  rankingTop1: number;
  atsDefectRecall: number;
  atsCleanFalsePositives: number;
  inventedFacts: number;
  verifierCatchRate: number;
  verifierFalseRejections: number;
}

export interface EvalReport { metrics: EvalMetrics; details: string[] }

export async function runEval(): Promise<EvalReport> {
  const engine = createOfflineEngine({ now: () => EVAL_DATE });
  const details: string[] = [];
  const jobs = jobDescriptions();
  const resumes = allResumes();
  const results = new Map<string, AnalysisResult>();
  for (const job of jobs) for (const resume of resumes) {
    results.set(`${resume.name}|${job.name}`, await engine.analyze({ resume: { text: resume.text }, job: { text: job.text }, plan: 'PRO' }));
  }

  const kw = { tp: 0, fp: 0, fn: 0 };
  for (const job of jobs) {
    const any = results.get(`${resumes[0]?.name ?? ''}|${job.name}`);
    const found = any ? [...any.keywords.matched, ...any.keywords.missing].map((k) => k.canonical) : [];
    const pr = precisionRecall(found, expectedKeywords[job.name] ?? []);
    kw.tp += pr.tp; kw.fp += pr.fp; kw.fn += pr.fn;
    details.push(`keywords ${job.name}: tp ${pr.tp} fp ${pr.fp} fn ${pr.fn}`);
  }

  const rank = { wins: 0, ties: 0, pairs: 0, top1: 0 };
  for (const job of jobs) {
    const label = rankingLabels[job.name];
    if (!label) continue;
    const score = (name: string) => results.get(`${name}|${job.name}`)?.matchScore.value ?? 0;
    const negatives = resumes.map((r) => r.name).filter((n) => !label.positives.includes(n) && !label.excluded.includes(n));
    const p = pairwise(label.positives.map(score), negatives.map(score));
    rank.wins += p.wins; rank.ties += p.ties; rank.pairs += p.pairs;
    const best = [...resumes].filter((r) => !label.excluded.includes(r.name)).sort((a, b) => score(b.name) - score(a.name))[0];
    if (best && label.positives.includes(best.name)) rank.top1 += 1;
    details.push(`ranking ${job.name}: ${p.wins}/${p.pairs} pairs won, ${p.ties} ties, top: ${best?.name ?? '-'}`);
  }

  let expectedDefects = 0;
  let foundDefects = 0;
  for (const c of atsCases) {
    const result = await engine.analyze({ resume: c.resume, job: { text: jobs[0]?.text ?? '' }, plan: 'FREE' });
    const codes = new Set(result.atsFindings.map((f) => f.code));
    const missed = c.expect.filter((code) => !codes.has(code));
    expectedDefects += c.expect.length;
    foundDefects += c.expect.length - missed.length;
    if (missed.length > 0) details.push(`ats "${c.name}": missed ${missed.join(', ')}`);
  }
  let cleanFalsePositives = 0;
  for (const clean of [{ name: 'crafted-clean', text: CLEAN }, ...ownResumes()]) {
    const result = await engine.analyze({ resume: { text: clean.text }, job: { text: jobs[0]?.text ?? '' }, plan: 'FREE' });
    cleanFalsePositives += result.atsFindings.length;
    for (const f of result.atsFindings) details.push(`ats clean "${clean.name}": unexpected ${f.code}`);
  }

  let invented = 0;
  for (const [key, result] of results) {
    const resumeText = resumes.find((r) => r.name === key.split('|')[0])?.text ?? '';
    const generated = [...result.bulletCritiques.flatMap((c) => (c.rewritten ? [c.rewritten] : [])), result.coverLetter?.text ?? ''];
    for (const text of generated) {
      const facts = inventedFacts(text, resumeText, result.job.title);
      invented += facts.length;
      for (const fact of facts) details.push(`invented in ${key}: ${fact}`);
    }
  }

  const source = factSource(CLEAN);
  const caught = inventedRewrites.filter((r) => !verifyClaims(r, source).accepted).length;
  const falselyRejected = faithfulRewrites.filter((r) => !verifyClaims(r, source).accepted);
  for (const r of inventedRewrites) if (verifyClaims(r, source).accepted) details.push(`verifier let through: ${r}`);
  for (const r of falselyRejected) details.push(`verifier rejected a faithful rewrite: ${r}`);

  return {
    metrics: {
      keywordPrecision: ratio(kw.tp, kw.tp + kw.fp),
      keywordRecall: ratio(kw.tp, kw.tp + kw.fn),
      rankingPairwiseAccuracy: ratio(rank.wins, rank.pairs),
      rankingAuc: ratio(rank.wins + rank.ties / 2, rank.pairs),
      rankingTop1: ratio(rank.top1, jobs.length),
      atsDefectRecall: ratio(foundDefects, expectedDefects),
      atsCleanFalsePositives: cleanFalsePositives,
      inventedFacts: invented,
      verifierCatchRate: ratio(caught, inventedRewrites.length),
      verifierFalseRejections: falselyRejected.length,
    },
    details,
  };
}
