// npm run bench -- postings [--postings 50000] [--rounds 20]: search p95 over generated postings
// (goal ≤ 50 ms), in a scratch database it creates and drops. Figures: docs/postings.md.
import { parseArgs } from 'node:util';
import { runPostingsBenchmark } from '../src/modules/postings/index.ts';
import { prepareProjection } from '../src/projections/index.ts';
import { postingsProjection } from '../src/projections/postings.ts';
import { createScratchDatabase } from './lib/scratch-database.ts';

const goalMs = 50;

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { postings: { type: 'string', default: '50000' }, rounds: { type: 'string', default: '20' } } });
  const db = await createScratchDatabase(4);
  try {
    const report = await runPostingsBenchmark(
      { pool: db.pool, projection: postingsProjection, prepare: async () => void (await prepareProjection(db.pool, postingsProjection)) },
      { postings: Number(values.postings), rounds: Number(values.rounds) },
    );
    console.table([{ postings: report.postings, 'load s': report.loadSeconds, queries: report.queries, 'p50 ms': report.p50Ms, 'p95 ms': report.p95Ms, 'p99 ms': report.p99Ms, 'max ms': report.maxMs }]);
    console.log(`search p95 ${report.p95Ms} ms against a goal of ${goalMs} ms: ${(report.p95Ms / goalMs).toFixed(2)} × the goal (${report.p95Ms <= goalMs ? 'met' : 'NOT met'})`);
  } finally {
    await db.drop();
  }
}
