import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Browser } from '../accounts/testing/harness.ts';
import { extractResume } from '../files/index.ts';
import { fixture } from './testing/fixtures.ts';
import { startFixtureServer, type FixtureServer } from './testing/fixture-server.ts';
import { caughtUp, startPostingsHarness, type PostingsHarness } from './testing/harness.ts';
import { relevanceSet } from './testing/relevance-set.ts';

// Postings end to end over HTTP: admin imports (files and configured sources fetched from a local
// server), dedupe, bad rows, search relevance and filters, history and saved searches, aiming a draft.
let h: PostingsHarness;
let server: FixtureServer;
let admin: Browser;
const now = new Date();

beforeAll(async () => {
  server = await startFixtureServer();
  h = await startPostingsHarness({
    policy: { allowedHosts: ['127.0.0.1'], allowedPrivateAddresses: ['127.0.0.1'], allowHttp: true, maxBytes: 200_000, timeoutMs: 1_000 },
    endpoints: { greenhouse: server.url, lever: server.url },
  });
  admin = await h.admin();
  const imported = await admin.post('/api/postings/import', { sourceKey: 'relevance', format: 'json', content: JSON.stringify(relevanceSet(now)) });
  expect(imported.status).toBe(200);
  await caughtUp(h);
}, 60_000);
afterAll(async () => {
  await h?.close();
  await server?.close();
});

const search = async (browser: Browser, body: Record<string, unknown>) => {
  const answer = await browser.post('/api/jobs/search', body);
  expect(answer.status).toBe(200);
  return answer.json as unknown as { items: { id: string; title: string; snippet: { text: string; hit: boolean }[]; remote: boolean; city: string }[]; total: number };
};
const anon = () => new Browser(h.url).start();
const titles = (r: { items: { title: string }[] }) => r.items.map((i) => i.title);

describe('search', () => {
  it.each([
    ['nurse', 'Registered Nurse, Intensive Care'],
    ['kubernetes', 'DevOps Engineer'],
    ['machine learning', 'Machine Learning Engineer'],
    ['angular typescript', 'Frontend Engineer (Angular)'],
    ['payments roadmap', 'Product Manager, Payments'],
  ])('ranks the right posting first for "%s"', async (keywords, expected) => {
    const result = await search(await anon(), { keywords });
    expect(result.items[0]!.title).toBe(expected);
  });

  it('highlights the matched words as segments, never as markup', async () => {
    const result = await search(await anon(), { keywords: 'nurse' });
    const accountant = result.items.find((i) => i.title === 'Hospital Accountant')!;
    expect(accountant.snippet.filter((s) => s.hit).map((s) => s.text.toLowerCase())).toContain('nurse');
    const designer = await search(await anon(), { keywords: 'figma' });
    // The headline parser drops tags from snippets; the posting's own page keeps its text as text.
    expect(designer.items[0]!.snippet.map((s) => s.text).join('')).not.toContain('<');
    const page = await (await anon()).get(`/api/postings/${designer.items[0]!.id}`);
    expect(page.json.description).toContain('<script>alert(1)</script> is text here.');
  });

  it('filters by city, country, remote and recency, and survives hostile keywords', async () => {
    expect(titles(await search(await anon(), { location: 'berlin' })).sort()).toEqual(['Data Analyst', 'Product Manager, Payments', 'Senior Backend Engineer']);
    expect(titles(await search(await anon(), { location: 'Germany', remote: true }))).toEqual(['Product Manager, Payments']);
    expect((await search(await anon(), { remote: true })).items.every((i) => i.remote)).toBe(true);
    expect(titles(await search(await anon(), { keywords: 'engineer', postedWithin: 7 })).sort()).toEqual(['Frontend Engineer (Angular)', 'Senior Backend Engineer']);
    for (const keywords of ["'; drop table postings; --", '!!&&|(', '"unclosed', 'the and of']) {
      expect((await (await anon()).post('/api/jobs/search', { keywords })).status).toBe(200);
    }
    expect((await (await anon()).post('/api/jobs/search', { page: 0 })).status).toBe(422);
  });

  it('keeps a signed-in user\'s history and saved searches, for that user only', async () => {
    const me = await h.user();
    const other = await h.user();
    await search(me, { keywords: 'pastry', location: 'Paris' });
    await search(me, { keywords: 'pastry', page: 2 });
    await caughtUp(h);
    const history = await me.get('/api/postings/searches');
    expect(history.json.items).toEqual([expect.objectContaining({ query: { keywords: 'pastry', location: 'Paris', remote: null, postedWithin: null }, results: 1 })]);
    expect((await other.get('/api/postings/searches')).json.items).toEqual([]);
    const saved = await me.post('/api/postings/saved-searches', { name: 'Paris pastry', query: { keywords: 'pastry', location: 'Paris' } });
    expect(saved.status).toBe(201);
    expect((await other.delete(`/api/postings/saved-searches/${String(saved.json.id)}`)).status).toBe(404);
    await caughtUp(h);
    expect((await me.get('/api/postings/saved-searches')).json.items).toEqual([expect.objectContaining({ name: 'Paris pastry' })]);
    expect((await me.delete(`/api/postings/saved-searches/${String(saved.json.id)}`)).status).toBe(204);
    expect((await (await anon()).get('/api/postings/searches')).status).toBe(401);
  });
});

describe('imports and sources', () => {
  it('dedupes a re-import, reports bad rows with their numbers and never writes a file with no usable row', async () => {
    const first = await admin.post('/api/postings/import', { sourceKey: 'initech', format: 'csv', content: fixture('postings.csv') });
    expect(first.json).toMatchObject({ published: 2, unchanged: 0, rejected: [{ row: 3 }, { row: 4 }, { row: 6 }, { row: 7 }] });
    const again = await admin.post('/api/postings/import', { sourceKey: 'initech', format: 'csv', content: fixture('postings.csv') });
    expect(again.json).toMatchObject({ published: 0, revised: 0, unchanged: 2 });
    const bad = await admin.post('/api/postings/import', { sourceKey: 'initech', format: 'csv', content: 'title,id\n,\n' });
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe('IMPORT_UNUSABLE');
    expect((await h.eventStore.readStream('postings-initech')).map((e) => e.type)).toEqual(['PostingPublished', 'PostingPublished', 'PostingsImportReported', 'PostingsImportReported']);
  });

  it('lets only admins configure sources, refresh them and import', async () => {
    const user = await h.user();
    expect((await user.post('/api/jobs/refresh')).status).toBe(403);
    expect((await (await anon()).post('/api/jobs/refresh')).status).toBe(401);
    expect((await user.request('PUT', '/api/postings/sources/acme', { body: { kind: 'greenhouse', board: 'acme' } })).status).toBe(403);
    expect((await user.post('/api/postings/import', { sourceKey: 'x', format: 'json', content: '[]' })).status).toBe(403);
  });

  it('refreshes configured Greenhouse and Lever boards from the server, again without duplicates, and withdraws what is gone', async () => {
    expect((await admin.request('PUT', '/api/postings/sources/acme', { body: { kind: 'greenhouse', board: 'acme', company: 'Acme' } })).status).toBe(200);
    expect((await admin.request('PUT', '/api/postings/sources/globex', { body: { kind: 'lever', board: 'globex', company: 'Globex' } })).status).toBe(200);
    const refreshed = await admin.post('/api/jobs/refresh');
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.sources).toEqual([
      expect.objectContaining({ sourceKey: 'acme', ok: true, report: expect.objectContaining({ published: 1, rejected: [expect.objectContaining({ row: 2 }), expect.objectContaining({ row: 3 }), expect.objectContaining({ row: 4 })] }) }),
      expect.objectContaining({ sourceKey: 'globex', ok: true, report: expect.objectContaining({ published: 2 }) }),
    ]);
    expect(server.hits).toEqual(expect.arrayContaining(['/v1/boards/acme/jobs?content=true', '/v0/postings/globex?mode=json']));
    const again = await admin.post('/api/jobs/refresh');
    expect(again.json.sources).toEqual([expect.objectContaining({ report: expect.objectContaining({ published: 0, unchanged: 1 }) }), expect.objectContaining({ report: expect.objectContaining({ published: 0, unchanged: 2 }) })]);
    server.setBody('/v0/postings/globex', JSON.stringify((JSON.parse(fixture('lever.json')) as unknown[]).slice(0, 1)));
    const shrunk = await admin.post('/api/jobs/refresh');
    expect((shrunk.json.sources as unknown[])[1]).toMatchObject({ report: { withdrawn: 1 } });
    server.setBody('/v0/postings/globex', '<html>maintenance</html>');
    const broken = await admin.post('/api/jobs/refresh');
    expect((broken.json.sources as unknown[])[1]).toMatchObject({ ok: false, code: 'SOURCE_UNREADABLE' });
    await caughtUp(h);
    expect(titles(await search(admin, { keywords: 'machine learning pytorch' }))[0]).toBe('Machine Learning Engineer');
    expect(titles(await search(admin, { keywords: 'support specialist' }))).toEqual([]);
  });

  it('refuses sources that point off the allow-list or at private addresses, before fetching', async () => {
    for (const url of ['https://169.254.169.254/latest/meta-data', 'http://10.0.0.1/jobs.json', 'https://evil.example/jobs.json', 'file:///etc/passwd']) {
      const answer = await admin.request('PUT', '/api/postings/sources/bad', { body: { kind: 'json', url } });
      expect([422]).toContain(answer.status);
    }
    expect(((await admin.get('/api/postings/sources')).json.sources as { sourceKey: string }[]).map((s) => s.sourceKey)).toEqual(['acme', 'globex']);
  });
});

describe('aim a draft at a posting', () => {
  it('creates the caller\'s draft with the posting as its job description', async () => {
    const guest = await anon();
    const found = await search(guest, { keywords: 'nurse' });
    const postingId = found.items[0]!.id;
    const created = await guest.post(`/api/postings/${postingId}/draft`);
    expect(created.status).toBe(201);
    await caughtUp(h);
    const draft = await guest.get(`/api/drafts/${String(created.json.id)}`);
    expect(draft.json).toMatchObject({ title: 'Registered Nurse, Intensive Care at St. Mary Hospital', job: { title: 'Registered Nurse, Intensive Care', company: 'St. Mary Hospital', postingId } });
    expect((await guest.post('/api/postings/00000000-0000-4000-8000-000000000000/draft')).status).toBe(404);
    expect((await guest.post('/api/postings/not-a-uuid/draft')).status).toBe(404);
  });
});

describe('best postings for my résumé', () => {
  const nurseResume = [
    'Aoife Byrne — Registered Nurse', 'Experience', 'Staff Nurse, Intensive Care Unit, St. James Hospital, Dublin (2019–2025)',
    '- Cared for critically ill patients on night and day shifts in a 20-bed ICU', '- Patient care, ventilator management, medication rounds',
    'Skills', 'Patient care, ICU, triage, nursing documentation', 'Education', 'BSc Nursing, University College Dublin',
  ].join('\n');

  /** A draft of `browser`'s with a TXT résumé, read as the extract step reads it. */
  async function draftWithResume(browser: Browser, text: string | null) {
    const created = await browser.post('/api/drafts', { title: 'ICU nurse' });
    expect(created.status).toBe(201);
    const draftId = String(created.json.id);
    if (text === null) return draftId;
    const boundary = `----postings${randomUUID()}`;
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cv.txt"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`;
    const uploaded = await browser.request('POST', `/api/drafts/${draftId}/resume`, { rawBody: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(uploaded.status).toBe(201);
    const file = (await h.drafts.pipeline.resumeFileOf(draftId))!;
    const extracted = await extractResume(new TextEncoder().encode(text), 'txt');
    expect((await h.drafts.pipeline.recordExtraction(draftId, extracted, { jobId: randomUUID(), storageKey: file.storageKey })).recorded).toBe(true);
    return draftId;
  }

  it('ranks the search results by the offline match score and shows it beside each posting', async () => {
    const me = await h.user();
    const draftId = await draftWithResume(me, nurseResume);
    const answer = await me.post('/api/postings/best', { draftId });
    expect(answer.status).toBe(200);
    const items = answer.json.items as { id: string; title: string; matchScore: number; rank: number }[];
    expect(answer.json.draftId).toBe(draftId);
    expect(items.length).toBeGreaterThanOrEqual(relevanceSet(now).length);
    for (const item of items) expect(item.matchScore).toEqual(expect.any(Number));
    const scores = items.map((i) => i.matchScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(scores).size).toBeGreaterThan(1);
    const score = (title: string) => items.find((i) => i.title === title)!.matchScore;
    expect(score('Registered Nurse, Intensive Care')).toBeGreaterThan(score('Java Developer'));
    expect(score('Registered Nurse, Intensive Care')).toBeGreaterThan(score('Truck Driver'));
    // Filters narrow the candidates as search does.
    const dublin = await me.post('/api/postings/best', { draftId, location: 'Dublin' });
    expect((dublin.json.items as { title: string }[]).map((i) => i.title).sort()).toEqual(['Hospital Accountant', 'Registered Nurse, Intensive Care']);
  });

  it('answers 404 for someone else\'s or an unknown draft, 422 for a malformed id, 409 before the résumé is read', async () => {
    const owner = await h.user();
    const draftId = await draftWithResume(owner, nurseResume);
    const stranger = await h.user();
    const theirs = await stranger.post('/api/postings/best', { draftId });
    expect(theirs.status).toBe(404);
    expect(theirs.json.error.code).toBe('DRAFT_NOT_FOUND');
    const guest = await anon();
    await guest.post('/api/drafts', {});
    expect((await guest.post('/api/postings/best', { draftId })).status).toBe(404);
    expect((await owner.post('/api/postings/best', { draftId: randomUUID() })).status).toBe(404);
    for (const bad of ['not-a-uuid', '../draft', "' or 1=1 --", 42, null]) {
      const answer = await owner.post('/api/postings/best', { draftId: bad });
      expect(answer.status).toBe(422);
      expect(answer.json.error.code).toBe('VALIDATION_FAILED');
    }
    const unread = await draftWithResume(owner, null);
    const early = await owner.post('/api/postings/best', { draftId: unread });
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('RESUME_TEXT_REQUIRED');
  });
});
