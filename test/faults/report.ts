import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { root } from '../../scripts/lib/paths.ts';

// The fault table: what was done when, what came of it and what had to be retried. Printed after
// every run and written to DATA_DIR/faults-report.md; with FAULT_REPORT_DOCS=1 it also replaces
// the table section of docs/reliability.md (between the fault-table markers), so the document
// shows a real run, with the machine's load at the time.

export type FaultRow = { fault: string; at: number; outcome: string; retries: string };

const START = '<!-- fault-table:start -->';
const END = '<!-- fault-table:end -->';

function uptime(): string {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${loadavg().map((n) => n.toFixed(2)).join(', ')}`;
  }
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function faultTable(rows: readonly FaultRow[], run: { startedAt: number; finishedAt: number; loadAtStart: string; summary: string[] }): string {
  const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);
  const lines = [
    `Run of ${new Date(run.startedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC, ${Math.round((run.finishedAt - run.startedAt) / 1000)} s.`,
    `\`uptime\` at the start: \`${run.loadAtStart}\`; at the end: \`${uptime()}\`.`,
    '',
    '| fault | when | outcome | retries |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${cell(r.fault)} | +${((r.at - run.startedAt) / 1000).toFixed(1)} s (${clock(r.at)}) | ${cell(r.outcome)} | ${cell(r.retries)} |`),
    '',
    ...run.summary.map((line) => `- ${line}`),
  ];
  return lines.join('\n');
}

export function loadNow(): string {
  return uptime();
}

export function writeFaultReport(table: string): string[] {
  const written: string[] = [];
  const file = join(root, process.env.DATA_DIR || '.data/test', 'faults-report.md');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${table}\n`);
  written.push(file);
  if (process.env.FAULT_REPORT_DOCS === '1') {
    const doc = join(root, 'docs', 'reliability.md');
    const text = existsSync(doc) ? readFileSync(doc, 'utf8') : '';
    const from = text.indexOf(START);
    const to = text.indexOf(END);
    if (from >= 0 && to > from) {
      writeFileSync(doc, `${text.slice(0, from + START.length)}\n${table}\n${text.slice(to)}`);
      written.push(doc);
    }
  }
  return written;
}

/** How many of the given moments fall in [from, to). */
export function countBetween(times: readonly number[], from: number, to: number): number {
  return times.filter((t) => t >= from && t < to).length;
}
