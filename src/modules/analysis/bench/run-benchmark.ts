// The offline engine's benchmark: latency per résumé/job pair over the eval fixtures, plus cold
// start (first call loads the vocabulary) and heap. bench/analyze.ts prints it.
import { createOfflineEngine } from '../engine/offline-engine.ts';
import { allResumes, jobDescriptions } from '../eval/fixtures.ts';
import { EVAL_DATE } from '../eval/run-eval.ts';

export interface BenchmarkRow { resume: string; job: string; words: number; p50Ms: number; p95Ms: number; maxMs: number }
export interface BenchmarkReport {
  rows: BenchmarkRow[];
  overall: { p50Ms: number; p95Ms: number; maxMs: number; samples: number };
  coldStartMs: number;
  heapUsedMb: number;
  rssMb: number;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 100) / 100;
}

export async function runAnalysisBenchmark(options: { iterations?: number; warmup?: number } = {}): Promise<BenchmarkReport> {
  const iterations = options.iterations ?? 30;
  const warmup = options.warmup ?? 3;
  const engine = createOfflineEngine({ now: () => EVAL_DATE });
  const resumes = allResumes();
  const jobs = jobDescriptions();
  const input = (resume: string, job: string) => ({ resume: { text: resume }, job: { text: job }, plan: 'PRO' as const });

  const coldStart = performance.now();
  await engine.analyze(input(resumes[0]?.text ?? '', jobs[0]?.text ?? ''));
  const coldStartMs = Math.round((performance.now() - coldStart) * 100) / 100;

  const rows: BenchmarkRow[] = [];
  const all: number[] = [];
  for (const resume of resumes) for (const job of jobs) {
    for (let i = 0; i < warmup; i++) await engine.analyze(input(resume.text, job.text));
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const started = performance.now();
      await engine.analyze(input(resume.text, job.text));
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    all.push(...samples);
    rows.push({ resume: resume.name, job: job.name, words: resume.text.split(/\s+/).filter(Boolean).length, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95), maxMs: percentile(samples, 100) });
  }
  all.sort((a, b) => a - b);
  const memory = process.memoryUsage();
  return {
    rows,
    overall: { p50Ms: percentile(all, 50), p95Ms: percentile(all, 95), maxMs: percentile(all, 100), samples: all.length },
    coldStartMs,
    heapUsedMb: Math.round((memory.heapUsed / 1024 / 1024) * 10) / 10,
    rssMb: Math.round((memory.rss / 1024 / 1024) * 10) / 10,
  };
}
