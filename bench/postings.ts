// npm run bench -- postings [--postings 50000] [--rounds 20] [--shapes]: search p95 over generated
// postings (goal ≤ 50 ms), in a scratch database it creates and drops. Figures: docs/postings.md.
import { availableParallelism as availableCores, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runPostingsBenchmark } from '../src/modules/postings/index.ts';
import { prepareProjection } from '../src/projections/index.ts';
import { postingsProjection } from '../src/projections/postings.ts';
import { createScratchDatabase } from './lib/scratch-database.ts';

const goalMs = 50;
/** p95 before the narrow search tables and the two-kind ranking (docs/postings.md, same 50,000 postings). */
const baselineP95Ms = 154.5;

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { postings: { type: 'string', default: '50000' }, rounds: { type: 'string', default: '20' }, shapes: { type: 'boolean', default: false } } });
  const db = await createScratchDatabase(4);
  try {
    const report = await runPostingsBenchmark(
      { pool: db.pool, projection: postingsProjection, prepare: async () => void (await prepareProjection(db.pool, postingsProjection)) },
      { postings: Number(values.postings), rounds: Number(values.rounds) },
    );
    console.table([{ postings: report.postings, 'load s': report.loadSeconds, queries: report.queries, 'p50 ms': report.p50Ms, 'p95 ms': report.p95Ms, 'p99 ms': report.p99Ms, 'max ms': report.maxMs }]);
    if (values.shapes) console.table(report.shapes.map((s) => ({ query: s.shape, matches: s.matches, 'p50 ms': s.p50Ms, 'p95 ms': s.p95Ms })));
    console.log(`search p95 ${report.p95Ms} ms against a goal of ${goalMs} ms: ${(report.p95Ms / goalMs).toFixed(2)} × the goal (${report.p95Ms <= goalMs ? 'met' : 'NOT met'})`);
    if (Number(values.postings) === 50_000) console.log(`baseline p95 ${baselineP95Ms} ms (before the search tables): ${(baselineP95Ms / report.p95Ms).toFixed(1)} × faster`);
    // The machine's load changes these figures by a factor of several: say what it was.
    console.log(`load average (1/5/15 min) at the end: ${loadavg().map((n) => n.toFixed(2)).join(' / ')} on ${availableCores()} cores`);
  } finally {
    await db.drop();
  }
}
