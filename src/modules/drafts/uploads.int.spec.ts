import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { closeSharedExtractors, createFilesActivities } from '../files/index.ts';
import { Browser, uniqueEmail } from './testing/browser.ts';
import { docxHeadline, elfBinary, fixtureResume, generatedDocx, postChunked } from './testing/files.ts';
import { startDraftsHarness, type DraftsHarness } from './testing/harness.ts';

const maxUploadBytes = 1024 * 1024;
let h: DraftsHarness;
beforeAll(async () => {
  h = await startDraftsHarness({ maxUploadBytes });
}, 60_000);
afterAll(async () => {
  await h?.close();
  await closeSharedExtractors();
});

async function userWithDraft(): Promise<{ user: Browser; id: string }> {
  const user = await new Browser(h.url).start();
  expect((await user.register(uniqueEmail('upload'))).status).toBe(201);
  const created = await user.post('/api/drafts', { title: 'Upload test' });
  return { user, id: created.json.id };
}
const storedKeys = async (id: string) =>
  (await h.eventStore.readStream(`draft-${id}`)).filter((e) => e.type === 'ResumeUploaded').map((e) => (e.data as { file: { storageKey: string } }).file.storageKey);
/** The files stored under the caller's owner folder. */
const filesOf = (user: Browser): string[] => {
  const folder = join(h.filesRoot, 'resumes', `user-${user.userId}`);
  return existsSync(folder) ? readdirSync(folder) : [];
};
const since = (position: number) => ({ 'x-min-position': String(position) });

describe('résumé uploads', () => {
  it('stores a real PDF under a server-made key and shows it on the draft', async () => {
    const { user, id } = await userWithDraft();
    const pdf = fixtureResume('rm_john_doe.pdf');
    const uploaded = await user.upload(`/api/drafts/${id}/resume`, pdf, 'rm_john_doe.pdf', { type: 'application/pdf' });
    expect(uploaded.status).toBe(201);
    expect(uploaded.json).toMatchObject({ resume: { displayName: 'rm_john_doe.pdf', kind: 'pdf', size: pdf.length }, warnings: [] });
    const [key] = await storedKeys(id);
    expect(key).toMatch(/^resumes\/user-[0-9a-f-]{36}\/[0-9a-f-]{36}\.pdf$/);
    expect(existsSync(join(h.filesRoot, key!))).toBe(true);
    const view = await user.get(`/api/drafts/${id}`, since(uploaded.json.position));
    expect(view.json.resume).toMatchObject({ displayName: 'rm_john_doe.pdf', kind: 'pdf', size: pdf.length });
    expect(JSON.stringify(view.json)).not.toContain(key);
  });

  it('takes a DOCX by its bytes, whatever its name says, and replaces the earlier file', async () => {
    const { user, id } = await userWithDraft();
    await user.upload(`/api/drafts/${id}/resume`, fixtureResume('rm_barry_allen_fe.pdf'), 'first.pdf');
    const uploaded = await user.upload(`/api/drafts/${id}/resume`, await generatedDocx(), 'cv.pdf');
    expect(uploaded.status).toBe(201);
    expect(uploaded.json.resume).toMatchObject({ displayName: 'cv.docx', kind: 'docx' });
    expect(uploaded.json.warnings.map((w) => w.code)).toContain('NAME_EXTENSION_MISMATCH');
    const [first, second] = await storedKeys(id);
    expect(existsSync(join(h.filesRoot, first!))).toBe(false);
    expect(second).toMatch(/\.docx$/);
    expect(existsSync(join(h.filesRoot, second!))).toBe(true);
  });

  it('refuses hostile uploads with their codes and stores nothing', async () => {
    const { user, id } = await userWithDraft();
    const path = `/api/drafts/${id}/resume`;
    expect((await user.upload(path, elfBinary(), 'cv.pdf')).json.error.code).toBe('UNSUPPORTED_FILE_TYPE');
    const empty = await user.upload(path, new Uint8Array(0), 'cv.pdf');
    expect([empty.status, empty.json.error.code]).toEqual([422, 'FILE_EMPTY']);
    const wrongField = await user.upload(path, fixtureResume('rm_john_doe.pdf'), 'cv.pdf', { field: 'resume' });
    expect([wrongField.status, wrongField.json.error.code]).toEqual([422, 'UPLOAD_FIELD_MISSING']);
    const json = await user.post(path, { file: 'cv.pdf' });
    expect([json.status, json.json.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const raw = await user.request('POST', path, { body: fixtureResume('rm_john_doe.pdf'), headers: { 'content-type': 'application/pdf' } });
    expect(raw.status).toBe(415);
    const oneOver = await user.upload(path, new Uint8Array(maxUploadBytes + 1).fill(0x20), 'cv.txt');
    expect([oneOver.status, oneOver.json.error.code]).toEqual([413, 'FILE_TOO_LARGE']);
    expect(await storedKeys(id)).toEqual([]);
    expect(filesOf(user)).toEqual([]);
  });

  it('stops reading an oversize chunked upload at the limit: 413, with or without a length', async () => {
    const { user, id } = await userWithDraft();
    const url = `${h.url}/api/drafts/${id}/resume`;
    const chunked = await postChunked(url, user.headersFor('POST', `/api/drafts/${id}/resume`), 20 * maxUploadBytes);
    expect(chunked.status).toBe(413);
    expect((JSON.parse(chunked.body) as { error: { code: string } }).error.code).toBe('FILE_TOO_LARGE');
    expect(chunked.sent).toBeLessThan(10 * maxUploadBytes);
    const declared = await postChunked(url, user.headersFor('POST', `/api/drafts/${id}/resume`), 20 * maxUploadBytes, 20 * maxUploadBytes + 200);
    expect(declared.status).toBe(413);
    expect(declared.sent).toBeLessThan(10 * maxUploadBytes);
  });

  it('keeps a hostile file name as a clean display name and never uses it for the key', async () => {
    const { user, id } = await userWithDraft();
    const uploaded = await user.upload(`/api/drafts/${id}/resume`, fixtureResume('rm_john_doe.pdf'), '../../x.pdf');
    expect(uploaded.status).toBe(201);
    expect(uploaded.json.resume!.displayName).toBe('x.pdf');
    const [key] = await storedKeys(id);
    expect(key).not.toContain('x.pdf');
    expect(existsSync(join(h.filesRoot, key!))).toBe(true);
    expect(readdirSync(h.filesRoot)).toEqual(['resumes']);
    expect(filesOf(user)).toEqual([key!.split('/')[2]]);
  });

  it('refuses an upload to a finalized draft, or to someone else’s', async () => {
    const { user, id } = await userWithDraft();
    await user.upload(`/api/drafts/${id}/resume`, fixtureResume('rm_john_doe.pdf'), 'cv.pdf');
    for (const status of ['IN_REVIEW', 'READY', 'FINALIZED']) expect((await user.patch(`/api/drafts/${id}`, { status })).status).toBe(200);
    expect((await user.upload(`/api/drafts/${id}/resume`, fixtureResume('rm_john_doe.pdf'), 'cv.pdf')).json.error.code).toBe('DRAFT_FINALIZED');
    const stranger = await new Browser(h.url).start();
    await stranger.post('/api/drafts', {});
    expect((await stranger.upload(`/api/drafts/${id}/resume`, fixtureResume('rm_john_doe.pdf'), 'cv.pdf')).status).toBe(404);
  });

  it('gives a short-lived download link that serves the file as an attachment', async () => {
    const { user, id } = await userWithDraft();
    expect((await user.get(`/api/drafts/${id}/resume`)).json.error.code).toBe('FILE_NOT_FOUND');
    const pdf = fixtureResume('rm_john_doe.pdf');
    const uploaded = await user.upload(`/api/drafts/${id}/resume`, pdf, 'Zoë Müller – CV.pdf');
    const link = await user.get(`/api/drafts/${id}/resume`, since(uploaded.json.position));
    expect(link.status).toBe(200);
    expect(new Date(link.json.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(300_000);
    expect(link.json.url).toMatch(/^\/api\/files\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const file = await fetch(`${h.url}${link.json.url}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="Zoe Muller CV.pdf"; filename*=UTF-8''${encodeURIComponent('Zoë Müller – CV.pdf')}`);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.compare(Buffer.from(await file.arrayBuffer()), Buffer.from(pdf))).toBe(0);
    expect((await fetch(`${h.url}${link.json.url}x`)).status).toBe(404);
  });

  it('removes the stored file when the draft is deleted', async () => {
    const { user, id } = await userWithDraft();
    await user.upload(`/api/drafts/${id}/resume`, fixtureResume('rm_john_doe.pdf'), 'cv.pdf');
    const [key] = await storedKeys(id);
    expect(existsSync(join(h.filesRoot, key!))).toBe(true);
    expect((await user.delete(`/api/drafts/${id}`)).status).toBe(204);
    expect(existsSync(join(h.filesRoot, key!))).toBe(false);
  });
});

describe('the extract step’s side of the drafts', () => {
  it('hands out the résumé file, records its extraction once per job, and ignores a replaced file', async () => {
    const { user, id } = await userWithDraft();
    expect(await h.drafts.pipeline.resumeFileOf(id)).toBeNull();
    await user.upload(`/api/drafts/${id}/resume`, await generatedDocx(), 'cv.docx');
    const file = (await h.drafts.pipeline.resumeFileOf(id))!;
    expect(file.kind).toBe('docx');
    const extracted = await createFilesActivities({ storage: h.storage }).extractText(file.storageKey, file.kind);
    const first = await h.drafts.pipeline.recordExtraction(id, extracted, { jobId: 'job-1', storageKey: file.storageKey });
    const retried = await h.drafts.pipeline.recordExtraction(id, extracted, { jobId: 'job-1', storageKey: file.storageKey });
    expect(first.recorded).toBe(true);
    expect(retried.position).toBe(first.position);
    const view = await user.get(`/api/drafts/${id}`, since(first.position));
    expect(view.json.hasText).toBe(true);
    expect(view.json.extraction!.text).toContain(docxHeadline);
    const types = (await h.eventStore.readStream(`draft-${id}`)).map((e) => e.type);
    expect(types.filter((t) => t === 'ResumeTextExtracted')).toHaveLength(1);

    await user.upload(`/api/drafts/${id}/resume`, fixtureResume('rm_john_doe.pdf'), 'cv.pdf');
    const stale = await h.drafts.pipeline.recordExtraction(id, extracted, { jobId: 'job-2', storageKey: file.storageKey });
    expect(stale.recorded).toBe(false);
  });
});
