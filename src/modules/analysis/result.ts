// The one result shape every engine returns and the web app renders (see docs/analysis.md).
import { z } from 'zod';
import { SectionKind } from './input.ts';

export const Panel = z.enum(['score', 'keywords', 'ats', 'bullets', 'hireProbability', 'coverLetter']);
export type Panel = z.infer<typeof Panel>;

export const ScoreComponent = z.object({
  key: z.enum(['hardSkills', 'softSkills', 'jobTitle', 'education', 'experience']),
  label: z.string(),
  /** Share of the score this component carries (0..1); weights of assessed components sum to 1. */
  weight: z.number().min(0).max(1),
  /** Points earned out of weight × 100. */
  points: z.number().min(0).max(100),
  assessed: z.boolean(),
  explanation: z.string(),
});
export type ScoreComponent = z.infer<typeof ScoreComponent>;

export const KeywordLocation = z.object({ section: SectionKind, start: z.number().int(), end: z.number().int(), text: z.string() });

export const Keyword = z.object({
  /** How the job description wrote it. */
  term: z.string(),
  canonical: z.string(),
  category: z.string(),
  kind: z.enum(['hard', 'soft']),
  importance: z.enum(['required', 'preferred']),
  jobMentions: z.number().int().nonnegative(),
  /** Where the résumé shows it (offsets into the résumé text); empty for a missing keyword. */
  locations: z.array(KeywordLocation),
  /** Other skills the job accepts in its place ("Vitest or Jest"). */
  alternatives: z.array(z.string()),
});
export type Keyword = z.infer<typeof Keyword>;

export const Severity = z.enum(['info', 'warning', 'critical']);
export const AtsFinding = z.object({
  code: z.string(),
  severity: Severity,
  message: z.string(),
  evidence: z.array(z.object({ text: z.string(), start: z.number().int().optional(), end: z.number().int().optional() })),
});
export type AtsFinding = z.infer<typeof AtsFinding>;

export const Verdict = z.object({ accepted: z.boolean(), reasons: z.array(z.string()) });
export type Verdict = z.infer<typeof Verdict>;

export const BulletCritique = z.object({
  original: z.string(),
  problems: z.array(z.object({ code: z.string(), message: z.string() })),
  /** Null when nothing needed changing or the verifier rejected the rewrite (see verdict). */
  rewritten: z.string().nullable(),
  rationale: z.string(),
  verdict: Verdict,
});
export type BulletCritique = z.infer<typeof BulletCritique>;

export const HireFactor = z.object({ name: z.string(), value: z.number(), weight: z.number(), contribution: z.number(), explanation: z.string() });
export const HireProbability = z.object({
  value: z.number().min(0).max(1),
  band: z.enum(['low', 'moderate', 'good', 'strong']),
  factors: z.array(HireFactor),
});
export type HireProbability = z.infer<typeof HireProbability>;

export const CoverLetter = z.object({
  text: z.string(),
  dropped: z.array(z.object({ sentence: z.string(), reasons: z.array(z.string()) })),
});
export type CoverLetter = z.infer<typeof CoverLetter>;

export const TokenUsage = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheCreationInputTokens: z.number().int().nonnegative(),
  cacheReadInputTokens: z.number().int().nonnegative(),
  /** Null for a model missing from our price table. */
  costUsd: z.number().nonnegative().nullable(),
  attempts: z.number().int().positive(),
});
export type TokenUsage = z.infer<typeof TokenUsage>;

export const AnalysisResult = z.object({
  schemaVersion: z.literal(1),
  engine: z.enum(['offline', 'anthropic']),
  model: z.string().nullable(),
  usage: TokenUsage.nullable(),
  panelsAllowed: z.array(Panel),
  /**
   * False for a general résumé analysed without a job description: the job panels (score, keywords,
   * hireProbability, coverLetter) are left out of `panelsAllowed` because there is nothing to match,
   * not because of the plan. Results stored before it existed all had a job.
   */
  hasJobDescription: z.boolean().default(true),
  matchScore: z.object({ value: z.number().int().min(0).max(100), breakdown: z.array(ScoreComponent) }),
  job: z.object({
    title: z.string().nullable(),
    normalizedTitle: z.string().nullable(),
    occupation: z.object({ code: z.string(), title: z.string() }).nullable(),
    minYears: z.number().nullable(),
    degree: z.string().nullable(),
  }),
  keywords: z.object({ matched: z.array(Keyword), missing: z.array(Keyword) }),
  atsFindings: z.array(AtsFinding),
  /** Paid panels are empty / null when the plan does not include them. */
  bulletCritiques: z.array(BulletCritique),
  hireProbability: HireProbability.nullable(),
  coverLetter: CoverLetter.nullable(),
  /** Things the person should know about the analysis itself (text clipped, nothing recognised…). */
  notices: z.array(z.string()),
});
export type AnalysisResult = z.infer<typeof AnalysisResult>;
