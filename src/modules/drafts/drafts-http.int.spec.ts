import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'slonik';
import { z } from 'zod';
import { draftsProjection } from '../../projections/drafts.ts';
import { rebuildProjection } from '../../projections/index.ts';
import { Browser, uniqueEmail } from './testing/browser.ts';
import { startDraftsHarness, type DraftsHarness } from './testing/harness.ts';
import { committedHead } from '../../../test/support/db.ts';

let h: DraftsHarness;
beforeAll(async () => {
  h = await startDraftsHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const since = (position: number) => ({ 'x-min-position': String(position) });

async function signedIn(): Promise<Browser> {
  const browser = await new Browser(h.url).start();
  expect((await browser.register(uniqueEmail())).status).toBe(201);
  return browser;
}

describe('drafts over HTTP', () => {
  it('creates a draft for a first-time visitor as a guest, and shows it back', async () => {
    const guest = await new Browser(h.url).start();
    const created = await guest.post('/api/drafts', { title: 'Backend role', job: { title: 'Engineer', company: 'Acme', text: 'Build APIs in TypeScript.' } });
    expect(created.status).toBe(201);
    expect(guest.cookie('guest')).toBeDefined();
    const view = await guest.get(`/api/drafts/${created.json.id}`, since(created.json.position));
    expect(view.status).toBe(200);
    expect(view.json).toMatchObject({
      id: created.json.id, title: 'Backend role', status: 'DRAFT', resume: null, extraction: null, hasText: false,
      job: { title: 'Engineer', company: 'Acme', text: 'Build APIs in TypeScript.', postingId: null },
    });
    expect(view.json).not.toHaveProperty('owner');
  });

  it('refuses bad bodies, unknown statuses and a job without text, and needs the CSRF token', async () => {
    const user = await signedIn();
    expect((await user.post('/api/drafts', { title: '' })).json.error.code).toBe('VALIDATION_FAILED');
    expect((await user.post('/api/drafts', { job: { title: 'Only a title' } })).json.error.code).toBe('VALIDATION_FAILED');
    const noCsrf = await user.request('POST', '/api/drafts', { json: {}, headers: { 'x-csrf-token': 'forged' } });
    expect(noCsrf.status).toBe(403);
    const created = await user.post('/api/drafts', {});
    expect((await user.patch(`/api/drafts/${created.json.id}`, { status: 'DONE' })).status).toBe(422);
  });

  it('lists, filters, searches and paginates the caller’s drafts, newest change first', async () => {
    const user = await signedIn();
    let position = 0;
    for (const [title, company] of [['Alpha', 'Acme'], ['Beta', 'Globex'], ['Gamma 100%', 'Initech'], ['Delta', 'Acme Labs'], ['Epsilon', 'Umbrella']]) {
      const created = await user.post('/api/drafts', { title, job: { company, text: `Work at ${company}` } });
      position = created.json.position;
    }
    const all = await user.get('/api/drafts?pageSize=2', since(position));
    expect(all.json).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(all.json.items.map((d) => d.title)).toEqual(['Epsilon', 'Delta']);
    const page3 = await user.get('/api/drafts?pageSize=2&page=3');
    expect(page3.json.items.map((d) => d.title)).toEqual(['Alpha']);

    expect((await user.get('/api/drafts?q=acme')).json.items.map((d) => d.title)).toEqual(['Delta', 'Alpha']);
    // A `%` typed by the person is a percent sign, not "anything".
    expect((await user.get(`/api/drafts?q=${encodeURIComponent('100%')}`)).json.total).toBe(1);
    expect((await user.get(`/api/drafts?q=${encodeURIComponent('%')}`)).json.total).toBe(1);
    expect((await user.get('/api/drafts?q=_')).json.total).toBe(0);

    const first = all.json.items[0]!;
    expect((await user.patch(`/api/drafts/${first.id}`, { status: 'IN_REVIEW' })).json.error.code).toBe('RESUME_REQUIRED');
    const renamed = await user.patch(`/api/drafts/${first.id}`, { title: 'Epsilon (renamed)' });
    expect(renamed.status).toBe(200);
    const inReview = await user.get('/api/drafts?status=IN_REVIEW', since(renamed.json.position));
    expect(inReview.json.total).toBe(0);
    expect((await user.get('/api/drafts?status=DRAFT')).json.total).toBe(5);
    expect((await user.get('/api/drafts?pageSize=101')).status).toBe(422);
  });

  it('deletes a draft: 204, then gone from the list and 404 on every route', async () => {
    const user = await signedIn();
    const created = await user.post('/api/drafts', { title: 'Short-lived' });
    const id = created.json.id;
    expect((await user.delete(`/api/drafts/${id}`)).status).toBe(204);
    const head = await committedHead(h.db.pool);
    expect((await user.get('/api/drafts', since(head))).json.total).toBe(0);
    expect((await user.get(`/api/drafts/${id}`)).json.error.code).toBe('DRAFT_NOT_FOUND');
    expect((await user.delete(`/api/drafts/${id}`)).status).toBe(404);
    expect((await user.patch(`/api/drafts/${id}`, { title: 'Back?' })).status).toBe(404);
  });

  it('answers 401 without a caller, and 404 for another owner’s draft — users and guests both ways', async () => {
    expect((await new Browser(h.url).get('/api/drafts')).status).toBe(401);
    const alice = await signedIn();
    const bob = await signedIn();
    const guest = await new Browser(h.url).start();
    const ofAlice = await alice.post('/api/drafts', { title: 'Alice' });
    const ofGuest = await guest.post('/api/drafts', { title: 'Guest' });
    const head = Math.max(ofAlice.json.position, ofGuest.json.position);
    for (const [stranger, id] of [[bob, ofAlice.json.id], [guest, ofAlice.json.id], [alice, ofGuest.json.id], [bob, ofGuest.json.id]] as const) {
      expect((await stranger.get(`/api/drafts/${id}`, since(head))).status).toBe(404);
      expect((await stranger.patch(`/api/drafts/${id}`, { title: 'Mine' })).status).toBe(404);
      expect((await stranger.get(`/api/drafts/${id}/resume`)).status).toBe(404);
      expect((await stranger.delete(`/api/drafts/${id}`)).status).toBe(404);
    }
    expect((await bob.get('/api/drafts', since(head))).json.total).toBe(0);
    expect((await alice.get('/api/drafts/not-a-uuid')).json.error.code).toBe('DRAFT_NOT_FOUND');
    expect((await alice.get(`/api/drafts/${ofAlice.json.id}`)).status).toBe(200);
  });

  it('hands a guest’s drafts to the account the guest registers, and the old guest cookie loses them', async () => {
    const visitor = await new Browser(h.url).start();
    const created = await visitor.post('/api/drafts', { title: 'Before sign-up' });
    const guestCookie = visitor.cookie('guest')!;
    const registered = await visitor.register(uniqueEmail('claim'));
    expect(registered.status).toBe(201);
    expect(visitor.cookie('guest')).toBeUndefined();
    const list = await visitor.get('/api/drafts', since(registered.json.position));
    expect(list.json.items.map((d) => d.id)).toEqual([created.json.id]);
    // The user can change it (the stream records the claim); the replayed guest cookie cannot even see it.
    expect((await visitor.patch(`/api/drafts/${created.json.id}`, { title: 'After sign-up' })).status).toBe(200);
    const replay = await new Browser(h.url).start();
    replay.jar.set('guest', { value: guestCookie, path: '/' });
    expect((await replay.get(`/api/drafts/${created.json.id}`)).status).toBe(404);
    expect((await replay.patch(`/api/drafts/${created.json.id}`, { title: 'Stolen' })).status).toBe(404);
    expect((await replay.get('/api/drafts')).json.total).toBe(0);
    expect((await replay.post('/api/drafts', { title: 'Into the account?' })).status).toBe(401);
    const types = (await h.eventStore.readStream(`draft-${created.json.id}`)).map((e) => e.type);
    expect(types).toEqual(['DraftCreated', 'DraftClaimed', 'DraftRenamed']);
  });

  it('rebuilds the read model from the events into the very same rows', async () => {
    const caughtUp = async (head: number) => {
      for (let i = 0; i < 250; i += 1) {
        const position = await h.db.pool.maybeOneFirst(sql.type(z.object({ position: z.bigint() }))`
          select position from projection_checkpoints where name = 'drafts'`);
        if (position !== null && Number(position) >= head) return;
        await sleep(20);
      }
      throw new Error('the drafts projection did not catch up');
    };
    const rows = async () => (await h.db.pool.any(sql.unsafe`select * from drafts order by draft_id`)) as readonly { draft_id: string }[];
    await caughtUp(await committedHead(h.db.pool));
    const before = await rows();
    expect(before.length).toBeGreaterThan(10);
    await rebuildProjection(h.db.pool, draftsProjection);
    // The running projector notices the rebuild with the next event and replays from 0.
    const next = await (await new Browser(h.url).start()).post('/api/drafts', { title: 'After the rebuild' });
    await caughtUp(next.json.position);
    const ids = new Set(before.map((row) => row.draft_id));
    expect((await rows()).filter((row) => ids.has(row.draft_id))).toEqual(before);
  }, 15_000);
});
