// The Anthropic engine: the offline analysis first (score, keywords, ATS, hire probability are
// always ours), then one Messages call for the coaching panels, verified before use. Plans without
// those panels never reach the API.
import { critiqueBullets } from '../bullets/critique.ts';
import { analyzeOffline } from '../engine/analyze-offline.ts';
import { AnalysisEngineOptions, type EngineDependencies } from '../engine/options.ts';
import type { AnalysisEngine } from '../engine/port.ts';
import { validateInput } from '../engine/validate-input.ts';
import { AnalysisResult } from '../result.ts';
import { readResume } from '../text/resume-document.ts';
import { factSource } from '../verify/fact-verifier.ts';
import { askCoach } from './ask-coach.ts';
import { createClient } from './call-model.ts';
import { userPrompt } from './prompt.ts';
import { verifiedCoverLetter, verifiedCritiques } from './verify-output.ts';

/** Bullets sent per call; a résumé has rarely more worth coaching, and tokens cost money. */
const MAX_BULLETS = 30;

export function createAnthropicEngine(rawOptions: AnalysisEngineOptions, deps: EngineDependencies = {}): AnalysisEngine {
  const options = AnalysisEngineOptions.parse(rawOptions);
  const client = createClient(options);
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return {
    name: 'anthropic',
    async analyze(input) {
      const valid = validateInput(input);
      const offline = analyzeOffline(valid, now());
      // The panels the result allows (the plan's, less the job panels without a job description) decide what is asked.
      const allowed = new Set(offline.result.panelsAllowed);
      if (!allowed.has('bullets') && !allowed.has('coverLetter')) return AnalysisResult.parse(offline.result);
      const bullets = offline.resume.bullets.map((b) => b.text).slice(0, MAX_BULLETS);
      const wantCoverLetter = allowed.has('coverLetter');
      const jobTitle = offline.job?.title ?? null;
      const prompt = userPrompt({
        jobText: valid.job?.text ?? '', jobTitle, company: valid.job?.company, resumeText: offline.resume.text,
        bullets, matchedKeywords: (offline.keywords?.matched ?? []).map((k) => k.canonical), wantCoverLetter,
      });
      const { output, usage } = await askCoach(client, options, prompt, sleep);
      const letterSource = factSource(offline.resume.text, [jobTitle ?? '', valid.job?.company ?? '']);
      return AnalysisResult.parse({
        ...offline.result,
        engine: 'anthropic',
        model: options.model,
        usage,
        bulletCritiques: allowed.has('bullets') ? verifiedCritiques(output, bullets, factSource(offline.resume.text)) : [],
        coverLetter: wantCoverLetter && output.coverLetter ? verifiedCoverLetter(output.coverLetter, letterSource) : offline.result.coverLetter,
      });
    },
    async rewrite(input, bullets) {
      const valid = validateInput(input);
      const resume = readResume(valid.resume, now());
      const source = factSource(resume.text);
      if (bullets.length === 0) return critiqueBullets([], source);
      const prompt = userPrompt({ jobText: valid.job?.text ?? '', jobTitle: null, company: valid.job?.company, resumeText: resume.text, bullets: bullets.slice(0, MAX_BULLETS), matchedKeywords: [], wantCoverLetter: false });
      const { output } = await askCoach(client, options, prompt, sleep);
      return verifiedCritiques(output, bullets, source);
    },
  };
}
