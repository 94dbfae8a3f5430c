// The default engine: no network, same answer for the same input and date.
import { critiqueBullets } from '../bullets/critique.ts';
import { AnalysisResult } from '../result.ts';
import { readResume } from '../text/resume-document.ts';
import { factSource } from '../verify/fact-verifier.ts';
import { analyzeOffline } from './analyze-offline.ts';
import type { EngineDependencies } from './options.ts';
import type { AnalysisEngine } from './port.ts';
import { validateInput } from './validate-input.ts';

export function createOfflineEngine(deps: EngineDependencies = {}): AnalysisEngine {
  const now = deps.now ?? (() => new Date());
  return {
    name: 'offline',
    // The work is synchronous; the executor turns a thrown AppError into a rejection like any engine's.
    analyze: (input) => new Promise((resolve) => {
      const valid = validateInput(input);
      // Parsing our own result keeps the schema honest: a bug here fails loudly, not in the web app.
      resolve(AnalysisResult.parse(analyzeOffline(valid, now()).result));
    }),
    rewrite: (input, bullets) => new Promise((resolve) => {
      const valid = validateInput(input);
      resolve(critiqueBullets(bullets, factSource(readResume(valid.resume, now()).text)));
    }),
  };
}
