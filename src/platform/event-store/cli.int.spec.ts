import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { createEventCatalog, defineEvent } from './catalog.ts';
import { createPostgresEventStore } from './postgres/index.ts';

const cli = fileURLToPath(new URL('../../bin/events.ts', import.meta.url));
const catalog = createEventCatalog([
  defineEvent('CandidateRegistered', z.object({ email: z.string(), profile: z.object({ fullName: z.string(), seniority: z.string() }) })),
]);

async function run(url: string, args: string[], untilLines?: number): Promise<{ code: number | null; lines: string[]; stderr: string }> {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, DATABASE_URL: url, NODE_OPTIONS: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (untilLines && stdout.split('\n').filter(Boolean).length >= untilLines) child.kill('SIGINT');
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, lines: stdout.split('\n').filter(Boolean), stderr };
}

describe('events CLI', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    const store = createPostgresEventStore({ pool: db.pool, databaseUrl: db.url, catalog });
    const command = { commandId: 'cmd-1', correlationId: 'req-1', actor: { kind: 'guest' as const, id: 'g-1' }, now: new Date('2031-02-03T04:05:06Z') };
    await store.append('candidate-1', [{ type: 'CandidateRegistered', data: { email: 'ada@example.com', profile: { fullName: 'Ada L', seniority: 'senior' } } }], { expectedRevision: 'no_stream', command });
    await store.close();
  });
  afterAll(() => db.drop());

  it('prints a stream as JSON lines with personal fields redacted', async () => {
    const { code, lines } = await run(db.url, ['stream', 'candidate-1']);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    const event = JSON.parse(lines[0]!) as { data: unknown };
    expect(event).toMatchObject({ streamId: 'candidate-1', streamPosition: 0, type: 'CandidateRegistered', metadata: { commandId: 'cmd-1', actor: { kind: 'guest', id: 'g-1' } } });
    expect(event.data).toEqual({ email: '[redacted]', profile: { fullName: '[redacted]', seniority: 'senior' } });
    expect(lines[0]).not.toContain('ada@example.com');
  });

  it('tails the store from a position until interrupted', async () => {
    const { lines, stderr } = await run(db.url, ['tail', '--from', '0'], 1);
    expect((JSON.parse(lines[0]!) as { type: string }).type).toBe('CandidateRegistered');
    expect(stderr).toContain('following from position 0');
  });

  it('explains its usage', async () => {
    const { code, stderr } = await run(db.url, ['stream']);
    expect(code).toBe(1);
    expect(stderr).toContain('usage: npm run events');
  });
});
