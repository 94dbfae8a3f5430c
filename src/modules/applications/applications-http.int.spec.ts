import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { sql } from 'slonik';
import { committedHead, createTestDatabase } from '../../../test/support/db.ts';
import { applicationsProjection } from '../../projections/applications.ts';
import { Browser, goodPassword, startHarness, uniqueEmail, type Harness } from '../accounts/testing/harness.ts';
import { applicationEvents } from './events.ts';
import { createFollowUpActivities, type FollowUp } from './follow-up.ts';
import { createApplicationsModule, type ApplicationsModule } from './module.ts';

// The tracker behind real accounts and Postgres: owner-scoped CRUD, status moves as history,
// filters, CSV export with hostile cells and import with row errors, and the follow-up decision.
let h: Harness;
let tracker: ApplicationsModule;
const ownDraft = randomUUID();
const draftOwners = new Map<string, string>();

beforeAll(async () => {
  const database = await createTestDatabase({ poolSize: 20 });
  h = await startHarness({
    database,
    extraEvents: applicationEvents,
    extraProjections: [applicationsProjection],
    extraRouters: (accounts, eventStore) => {
      tracker = createApplicationsModule({ pool: database.pool, eventStore, accounts, ownsDraft: async (userId, draftId) => draftOwners.get(draftId) === userId });
      return [tracker.router];
    },
  });
}, 60_000);
afterAll(() => h?.close());

async function signedUp(): Promise<Browser & { userId: string }> {
  const browser = await new Browser(h.url).start();
  const registered = await browser.post('/api/auth/register', { email: uniqueEmail('tracker'), password: goodPassword });
  return Object.assign(browser, { userId: registered.json.user.id });
}
async function caughtUp(): Promise<void> {
  const head = await committedHead(h.db.pool);
  for (let i = 0; i < 200; i += 1) {
    const at = await h.db.pool.maybeOneFirst(sql.unsafe`select position from projection_checkpoints where name = 'applications'`);
    if (Number(at) >= head) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the applications projection did not catch up');
}

describe('applications tracker', () => {
  it('creates, edits and moves an application; the moves are its history; strangers see 404', async () => {
    const me = await signedUp();
    const stranger = await signedUp();
    draftOwners.set(ownDraft, me.userId);
    const created = await me.post('/api/applications', { company: 'Acme', role: 'Backend Engineer', postingUrl: 'https://acme.example/jobs/1', draftId: ownDraft });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    expect((await me.patch(`/api/applications/${id}`, { status: 'applied' })).status).toBe(200);
    expect((await me.patch(`/api/applications/${id}`, { status: 'interview', notes: 'Call with Dana on Friday' })).status).toBe(200);
    expect((await me.patch(`/api/applications/${id}`, { status: 'interview' })).status).toBe(200); // no move, nothing written
    await caughtUp();
    const one = await me.get(`/api/applications/${id}`);
    expect(one.json).toMatchObject({ company: 'Acme', status: 'interview', notes: 'Call with Dana on Friday', draftId: ownDraft, appliedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    const history = await me.get(`/api/applications/${id}/history`);
    expect((history.json.items as { from: string | null; to: string }[]).map((m) => [m.from, m.to])).toEqual([[null, 'saved'], ['saved', 'applied'], ['applied', 'interview']]);
    for (const answer of [await stranger.get(`/api/applications/${id}`), await stranger.patch(`/api/applications/${id}`, { status: 'rejected' }), await stranger.delete(`/api/applications/${id}`), await stranger.get(`/api/applications/${id}/history`)]) {
      expect(answer.status).toBe(404);
    }
    expect((await stranger.post('/api/applications', { company: 'X', role: 'Y', draftId: ownDraft })).status).toBe(404);
    expect((await me.post('/api/applications', { company: 'X', role: 'Y', postingUrl: 'javascript:alert(1)' })).status).toBe(422);
    expect((await me.get('/api/applications/not-a-uuid')).status).toBe(404);
    expect((await new Browser(h.url).get('/api/applications')).status).toBe(401);
    expect((await me.delete(`/api/applications/${id}`)).status).toBe(204);
    await caughtUp();
    expect((await me.get(`/api/applications/${id}`)).status).toBe(404);
  });

  it('lists by status and by company or role, newest change first', async () => {
    const me = await signedUp();
    const ids: string[] = [];
    for (const [company, role, status] of [['Acme', 'Designer', 'saved'], ['Globex', 'Engineer', 'applied'], ['Initech', 'Engineer', 'offer'], ['100%_Co', 'Analyst', 'rejected']]) {
      ids.push(String((await me.post('/api/applications', { company, role, status })).json.id));
    }
    await caughtUp();
    const companies = async (query: string) => ((await me.get(`/api/applications${query}`)).json.items as { company: string }[]).map((a) => a.company);
    expect(await companies('')).toEqual(['100%_Co', 'Initech', 'Globex', 'Acme']);
    expect(await companies('?status=applied,offer')).toEqual(['Initech', 'Globex']);
    expect(await companies('?q=engineer')).toEqual(['Initech', 'Globex']);
    expect(await companies('?q=%25_')).toEqual(['100%_Co']);
    expect((await me.get('/api/applications?status=hired')).status).toBe(422);
  });

  it('exports CSV that opens safely in a spreadsheet and imports it back, reporting bad rows', async () => {
    const me = await signedUp();
    const hostile = ['=HYPERLINK("http://evil.example","click")', '+SUM(1,1)', '-2+3', '@cmd', 'Line one\nline "two", three'];
    for (const notes of hostile) {
      const made = await me.post('/api/applications', { company: notes.slice(0, 20), role: 'Role, with comma', notes, status: 'applied', appliedOn: '2025-04-01' });
      expect([made.status, made.json.error]).toEqual([201, undefined]);
    }
    await caughtUp();
    const exported = await me.get('/api/applications/export.csv');
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = exported.json as unknown as string;
    for (const line of csv.split('\r\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+\-@]/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const other = await signedUp();
    const imported = await other.post('/api/applications/import', { csv: `${csv}Broken,,applied,,,,,,\r\nOk,Role,hired,,,,,,\r\nOk,Role,saved,ftp://x,,,,,\r\nOk,Role,saved,,not-a-date,,,,\r\n` });
    expect(imported.json).toMatchObject({ imported: 5, errors: [{ row: 9 }, { row: 10 }, { row: 11 }, { row: 12 }] }); // the company and notes with a line break span lines 6-8
    await caughtUp();
    const again = (await other.get('/api/applications/export.csv')).json as unknown as string;
    const withoutDates = (text: string) => text.split('\r\n').map((l) => l.replace(/,[^,]*,[^,]*$/, '')).sort();
    expect(withoutDates(again)).toEqual(withoutDates(csv));
    expect((await other.post('/api/applications/import', { csv: 'name,title\nx,y' })).json).toMatchObject({ imported: 0, errors: [{ row: 1 }] });
  });

  it('is due for a follow-up only while still applied since the same moment, and records it once', async () => {
    const me = await signedUp();
    const sent: FollowUp[] = [];
    const activities = createFollowUpActivities({ service: tracker.service, sendFollowUp: async (f) => void sent.push(f) });
    const id = String((await me.post('/api/applications', { company: 'Acme', role: 'Engineer', status: 'applied' })).json.id);
    const appliedAt = (await h.eventStore.readStream(`application-${id}`))[0]!.metadata.occurredAt;
    const at = ((await h.eventStore.readStream(`application-${id}`))[0]!.data as { at: string }).at;
    expect(await activities.followUpDue({ applicationId: id, appliedAt: '2020-01-01T00:00:00.000Z' })).toBe('not-due');
    expect(await activities.followUpDue({ applicationId: id, appliedAt: at })).toBe('sent');
    expect(await activities.followUpDue({ applicationId: id, appliedAt: at })).toBe('sent'); // a retry: same key, one event
    expect(sent.map((f) => f.key)).toEqual([`follow-up:${id}:${at}`, `follow-up:${id}:${at}`]);
    expect((await h.eventStore.readStream(`application-${id}`)).filter((e) => e.type === 'FollowUpDue')).toHaveLength(1);
    const moved = String((await me.post('/api/applications', { company: 'Globex', role: 'Engineer', status: 'applied' })).json.id);
    const movedAt = ((await h.eventStore.readStream(`application-${moved}`))[0]!.data as { at: string }).at;
    await me.patch(`/api/applications/${moved}`, { status: 'interview' });
    expect(await activities.followUpDue({ applicationId: moved, appliedAt: movedAt })).toBe('not-due');
    expect(appliedAt).toBeTruthy();
  });
});
