import { arr, bool, num, obj, oneOf, str } from './read';

// The analysis result the web app renders. Mirrors the server's zod schema
// (src/modules/analysis/result.ts, schemaVersion 1) by hand: the web app never imports back-end
// code. `readAnalysis` fills in what is missing so a partial or newer answer still renders.

export const PANELS = [
  'score',
  'keywords',
  'ats',
  'bullets',
  'hireProbability',
  'coverLetter',
] as const;
export type Panel = (typeof PANELS)[number];

export type ScoreComponentKey =
  'hardSkills' | 'softSkills' | 'jobTitle' | 'education' | 'experience';

export interface ScoreComponent {
  key: ScoreComponentKey | (string & {});
  label: string;
  /** Share of the score this component carries (0..1). */
  weight: number;
  /** Points earned out of weight × 100. */
  points: number;
  assessed: boolean;
  explanation: string;
}

export interface KeywordLocation {
  section: string;
  start: number;
  end: number;
  text: string;
}

export type Importance = 'required' | 'preferred';

export interface Keyword {
  term: string;
  canonical: string;
  category: string;
  kind: 'hard' | 'soft';
  importance: Importance;
  jobMentions: number;
  locations: KeywordLocation[];
  alternatives: string[];
}

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface AtsFinding {
  code: string;
  severity: Severity;
  message: string;
  evidence: { text: string; start?: number; end?: number }[];
}

export interface BulletCritique {
  original: string;
  problems: { code: string; message: string }[];
  /** Null when nothing needed changing or the verifier rejected the rewrite. */
  rewritten: string | null;
  rationale: string;
  verdict: { accepted: boolean; reasons: string[] };
}

export type HireBand = 'low' | 'moderate' | 'good' | 'strong';

export interface HireFactor {
  name: string;
  value: number;
  weight: number;
  contribution: number;
  explanation: string;
}

export interface HireProbability {
  value: number;
  band: HireBand;
  factors: HireFactor[];
}

export interface CoverLetter {
  text: string;
  dropped: { sentence: string; reasons: string[] }[];
}

export interface AnalysisResult {
  schemaVersion: number;
  engine: string;
  model: string | null;
  panelsAllowed: Panel[];
  /** False for a general résumé analysed without a job description: the job panels are hidden, not upsold. */
  hasJobDescription: boolean;
  matchScore: { value: number; breakdown: ScoreComponent[] };
  job: { title: string | null; normalizedTitle: string | null };
  keywords: { matched: Keyword[]; missing: Keyword[] };
  atsFindings: AtsFinding[];
  bulletCritiques: BulletCritique[];
  hireProbability: HireProbability | null;
  coverLetter: CoverLetter | null;
  notices: string[];
}

/** GET /api/drafts/:id/analysis */
export interface AnalysisAnswer {
  jobId: string | null;
  createdAt: string | null;
  result: AnalysisResult;
}

const strings = (value: unknown): string[] =>
  arr(value).filter((v): v is string => typeof v === 'string');
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

function readLocation(value: unknown): KeywordLocation[] {
  const location = obj(value);
  const start = num(location?.['start']);
  const end = num(location?.['end']);
  if (!location || start === null || end === null) return [];
  return [
    { section: str(location['section']) ?? 'other', start, end, text: str(location['text']) ?? '' },
  ];
}

function readKeyword(value: unknown): Keyword[] {
  const keyword = obj(value);
  const term = str(keyword?.['term']) ?? str(keyword?.['canonical']);
  if (!keyword || !term) return [];
  return [
    {
      term,
      canonical: str(keyword['canonical']) ?? term,
      category: str(keyword['category']) ?? '',
      kind: oneOf(keyword['kind'], ['hard', 'soft'], 'hard'),
      importance: oneOf(keyword['importance'], ['required', 'preferred'], 'preferred'),
      jobMentions: num(keyword['jobMentions']) ?? 0,
      locations: arr(keyword['locations']).flatMap(readLocation),
      alternatives: strings(keyword['alternatives']),
    },
  ];
}

function readComponent(value: unknown): ScoreComponent[] {
  const component = obj(value);
  if (!component) return [];
  const key = str(component['key']) ?? 'other';
  return [
    {
      key,
      label: str(component['label']) ?? key,
      weight: clamp(num(component['weight']) ?? 0, 0, 1),
      points: clamp(num(component['points']) ?? 0, 0, 100),
      assessed: component['assessed'] === undefined ? true : bool(component['assessed']),
      explanation: str(component['explanation']) ?? '',
    },
  ];
}

function readFinding(value: unknown): AtsFinding[] {
  const finding = obj(value);
  if (!finding) return [];
  return [
    {
      code: str(finding['code']) ?? 'FINDING',
      // A severity this build does not know is shown with the informational ones.
      severity: oneOf(finding['severity'], SEVERITIES, 'info'),
      message: str(finding['message']) ?? str(finding['code']) ?? '',
      evidence: arr(finding['evidence']).flatMap((item) => {
        const evidence = obj(item);
        const text = str(evidence?.['text']);
        return text === null
          ? []
          : [
              {
                text,
                start: num(evidence?.['start']) ?? undefined,
                end: num(evidence?.['end']) ?? undefined,
              },
            ];
      }),
    },
  ];
}

function readCritique(value: unknown): BulletCritique[] {
  const critique = obj(value);
  const original = str(critique?.['original']);
  if (!critique || original === null) return [];
  const verdict = obj(critique['verdict']);
  return [
    {
      original,
      problems: arr(critique['problems']).flatMap((item) => {
        const problem = obj(item);
        const code = str(problem?.['code']);
        return code ? [{ code, message: str(problem?.['message']) ?? code }] : [];
      }),
      rewritten: str(critique['rewritten']),
      rationale: str(critique['rationale']) ?? '',
      verdict: {
        accepted: verdict ? bool(verdict['accepted']) : true,
        reasons: strings(verdict?.['reasons']),
      },
    },
  ];
}

function readHire(value: unknown): HireProbability | null {
  const hire = obj(value);
  const probability = num(hire?.['value']);
  if (!hire || probability === null) return null;
  return {
    value: clamp(probability, 0, 1),
    band: oneOf(hire['band'], ['low', 'moderate', 'good', 'strong'], 'moderate'),
    factors: arr(hire['factors']).flatMap((item) => {
      const factor = obj(item);
      const name = str(factor?.['name']);
      if (!factor || !name) return [];
      return [
        {
          name,
          value: num(factor['value']) ?? 0,
          weight: num(factor['weight']) ?? 0,
          contribution: num(factor['contribution']) ?? 0,
          explanation: str(factor['explanation']) ?? '',
        },
      ];
    }),
  };
}

function readCoverLetter(value: unknown): CoverLetter | null {
  const letter = obj(value);
  const text = str(letter?.['text']);
  if (!letter || !text) return null;
  return {
    text,
    dropped: arr(letter['dropped']).flatMap((item) => {
      const dropped = obj(item);
      const sentence = str(dropped?.['sentence']);
      return sentence ? [{ sentence, reasons: strings(dropped?.['reasons']) }] : [];
    }),
  };
}

export function readAnalysisResult(value: unknown): AnalysisResult {
  const result = obj(value) ?? {};
  const score = obj(result['matchScore']);
  const keywords = obj(result['keywords']);
  const job = obj(result['job']);
  const panels = strings(result['panelsAllowed']).filter((p): p is Panel =>
    (PANELS as readonly string[]).includes(p),
  );
  return {
    schemaVersion: num(result['schemaVersion']) ?? 1,
    engine: str(result['engine']) ?? 'unknown',
    model: str(result['model']),
    // No list at all: show what arrived rather than hiding everything behind upsells.
    panelsAllowed: Array.isArray(result['panelsAllowed']) ? panels : [...PANELS],
    // Results from before the field existed all had a job description.
    hasJobDescription: result['hasJobDescription'] !== false,
    matchScore: {
      value: Math.round(clamp(num(score?.['value']) ?? 0, 0, 100)),
      breakdown: arr(score?.['breakdown']).flatMap(readComponent),
    },
    job: { title: str(job?.['title']), normalizedTitle: str(job?.['normalizedTitle']) },
    keywords: {
      matched: arr(keywords?.['matched']).flatMap(readKeyword),
      missing: arr(keywords?.['missing']).flatMap(readKeyword),
    },
    atsFindings: arr(result['atsFindings']).flatMap(readFinding),
    bulletCritiques: arr(result['bulletCritiques']).flatMap(readCritique),
    hireProbability: readHire(result['hireProbability']),
    coverLetter: readCoverLetter(result['coverLetter']),
    notices: strings(result['notices']),
  };
}

export function readAnalysis(value: unknown): AnalysisAnswer {
  const body = obj(value);
  return {
    jobId: str(body?.['jobId']),
    createdAt: str(body?.['createdAt']),
    result: readAnalysisResult(body?.['result']),
  };
}
