import { createOfflineEngine } from '../analysis/index.ts';
import type { ExtractedResume } from '../files/index.ts';
import { analysisInputOf } from '../pipeline/index.ts';

// The offline engine's match score of a résumé against one posting: deterministic, no network, so
// ranking a page of postings costs no AI calls and no money.

export function offlineMatchScore() {
  const engine = createOfflineEngine();
  return async (extracted: ExtractedResume, job: { title: string | null; company: string | null; text: string }): Promise<number> => {
    const result = await engine.analyze(analysisInputOf(extracted, job, 'FREE'));
    return result.matchScore.value;
  };
}
