// npm run eval — prints the metrics table beside the committed baseline; exits 1 on a regression.
// npm run eval -- --update rewrites eval/baseline.json (commit it with the change that earned it).
import { writeFileSync } from 'node:fs';
import { BASELINE_URL, checkAgainstBaseline, readBaseline } from './baseline-check.ts';
import { runEval } from './run-eval.ts';

const report = await runEval();
if (process.argv.includes('--verbose')) for (const line of report.details) console.log(line);
const checks = checkAgainstBaseline(report.metrics, readBaseline());
console.table(checks.map((c) => ({ metric: c.name, value: c.value, baseline: c.baseline ?? '-', status: c.ok ? 'ok' : 'REGRESSED' })));
if (process.argv.includes('--update')) {
  writeFileSync(BASELINE_URL, JSON.stringify(report.metrics, null, 2) + '\n');
  console.log('baseline updated');
} else if (checks.some((c) => !c.ok)) {
  console.error('eval: some metrics regressed below the baseline');
  process.exitCode = 1;
}
