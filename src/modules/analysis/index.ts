// The analysis module's public face: other modules and the web app import only from here.
export { AnalysisInput, ExperienceEntry, LayoutWarning, Plan, ResumeInput, ResumeSection, SectionKind } from './input.ts';
export { AnalysisResult, AtsFinding, BulletCritique, CoverLetter, HireProbability, Keyword, Panel, ScoreComponent, TokenUsage, Verdict } from './result.ts';
export { panelsFor, planIncludes } from './plans.ts';
export { AnalysisEngineOptions, DEFAULT_MODEL } from './engine/options.ts';
export type { EngineDependencies } from './engine/options.ts';
export type { AnalysisEngine } from './engine/port.ts';
export { createAnalysisEngine } from './engine/create-engine.ts';
export { createOfflineEngine } from './engine/offline-engine.ts';
export { createAnthropicEngine } from './anthropic/anthropic-engine.ts';
export { runAnalysisBenchmark } from './bench/run-benchmark.ts';
export type { BenchmarkReport, BenchmarkRow } from './bench/run-benchmark.ts';
