import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { installTemporalRuntime } from '../../platform/temporal/index.ts';

// The replay guard: histories recorded from real runs (RECORD_HISTORIES=1 on workflow.temporal.spec)
// are replayed against today's workflow code. A change that would make a running draft's workflow
// take another path fails here, before it fails in production.
const folder = new URL('./histories/', import.meta.url);
const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
const workflowsPath = fileURLToPath(new URL('../index.ts', import.meta.url));
const quietLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

describe('recorded draft pipeline histories replay on the current code', () => {
  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s', async (file) => {
    installTemporalRuntime('WARN');
    const history = historyFromJSON(JSON.parse(readFileSync(new URL(file, folder), 'utf8')));
    await expect(Worker.runReplayHistory({ workflowsPath, bundlerOptions: { logger: quietLogger } } as never, history)).resolves.toBeUndefined();
  }, 60_000);
});
