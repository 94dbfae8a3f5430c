// npm run bench -- analyze: offline analysis latency (p50/p95) per résumé/job pair and memory.
// Goal: p95 ≤ 100 ms for a two-page résumé. Figures are recorded in docs/analysis.md.
import { fileURLToPath } from 'node:url';
import { runAnalysisBenchmark } from '../src/modules/analysis/index.ts';

const P95_GOAL_MS = 100;

export default async function analyzeBenchmark(): Promise<void> {
  const report = await runAnalysisBenchmark({ iterations: Number(process.env.BENCH_ITERATIONS ?? 30) });
  console.table(report.rows.map((r) => ({ résumé: r.resume, job: r.job, words: r.words, 'p50 ms': r.p50Ms, 'p95 ms': r.p95Ms, 'max ms': r.maxMs })));
  console.table([{
    pairs: report.rows.length, samples: report.overall.samples, 'p50 ms': report.overall.p50Ms, 'p95 ms': report.overall.p95Ms, 'max ms': report.overall.maxMs,
    'cold start ms': report.coldStartMs, 'heap used MB': report.heapUsedMb, 'rss MB': report.rssMb,
  }]);
  const worst = Math.max(...report.rows.map((r) => r.p95Ms));
  console.log(`worst pair p95 ${worst} ms — goal ≤ ${P95_GOAL_MS} ms: ${worst <= P95_GOAL_MS ? 'met' : 'MISSED'}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await analyzeBenchmark();

/** The shape bench/run.ts loads benchmarks by. */
export async function main(_args: string[]): Promise<void> {
  await analyzeBenchmark();
}
