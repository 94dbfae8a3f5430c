// Picks the engine: Anthropic when an API key is configured, the offline engine otherwise.
import { createAnthropicEngine } from '../anthropic/anthropic-engine.ts';
import { createOfflineEngine } from './offline-engine.ts';
import { AnalysisEngineOptions, type EngineDependencies } from './options.ts';
import type { AnalysisEngine } from './port.ts';

export function createAnalysisEngine(options: AnalysisEngineOptions = {}, deps: EngineDependencies = {}): AnalysisEngine {
  const resolved = AnalysisEngineOptions.parse(options);
  return resolved.apiKey ? createAnthropicEngine(resolved, deps) : createOfflineEngine(deps);
}
