// The port every analysis engine implements; activities and routes depend on this only.
import type { AnalysisInput } from '../input.ts';
import type { AnalysisResult, BulletCritique } from '../result.ts';

export interface AnalysisEngine {
  readonly name: 'offline' | 'anthropic';
  /** Validates the input (VALIDATION_FAILED otherwise) and returns a schema-valid result. */
  analyze(input: AnalysisInput): Promise<AnalysisResult>;
  /** Critiques and rewrites the given bullets of this résumé, through the same verifier. */
  rewrite(input: AnalysisInput, bullets: readonly string[]): Promise<BulletCritique[]>;
}
