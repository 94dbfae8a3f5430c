import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDownloadHandler, type DownloadContext } from './download-handler.ts';
import { describeFileStorageContract, type DownloadAnswer } from './file-storage.contract.ts';
import type { FileStorage } from './file-storage.ts';
import { createLocalFileStorage } from './local-file-storage.ts';

const secret = 'a-test-secret-that-is-at-least-32-characters';
let root = '';
let storage: FileStorage;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'files-local-'));
  storage = createLocalFileStorage({ root, signingSecret: secret });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function followDownload(url: string): Promise<DownloadAnswer> {
  const headers: Record<string, string> = {};
  const ctx: DownloadContext = {
    params: { token: url.slice(url.lastIndexOf('/') + 1) },
    status: 404,
    body: undefined,
    set: (field, value) => {
      headers[field.toLowerCase()] = value;
    },
  };
  await createDownloadHandler({ storage, signingSecret: secret })(ctx);
  return { status: ctx.status, headers, body: new Uint8Array(ctx.body as Buffer) };
}

describeFileStorageContract('local folder', { storage: () => storage, followDownload });

describe('local folder specifics', () => {
  it('keeps files under the root folder and leaves no partial files behind', async () => {
    await storage.put('resumes/user-1/a.pdf', new Uint8Array([1, 2, 3]), { contentType: 'application/pdf' });
    expect(await readdir(path.join(root, 'resumes', 'user-1'))).toEqual(['a.pdf']);
  });

  it('serves links under /api/files with nosniff and no caching', async () => {
    await storage.put('resumes/user-1/b.pdf', new Uint8Array([1]), { contentType: 'application/pdf' });
    const link = await storage.downloadUrl('resumes/user-1/b.pdf', { fileName: 'b.pdf' });
    expect(link.url).toMatch(/^\/api\/files\/[\w-]+\.[\w-]+$/);
    const answer = await followDownload(link.url);
    expect(answer.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'content-type': 'application/pdf',
      'cache-control': 'private, no-store',
    });
  });

  it('refuses a link once it has expired', async () => {
    let clock = new Date('2030-01-01T00:00:00Z');
    const timed = createLocalFileStorage({ root, signingSecret: secret, now: () => clock });
    await timed.put('resumes/user-1/c.pdf', new Uint8Array([1]), { contentType: 'application/pdf' });
    const link = await timed.downloadUrl('resumes/user-1/c.pdf', { fileName: 'c.pdf', expiresInSeconds: 60 });
    clock = new Date('2030-01-01T00:01:01Z');
    const handler = createDownloadHandler({ storage: timed, signingSecret: secret, now: () => clock });
    const ctx: DownloadContext = { params: { token: link.url.split('/').pop() }, status: 404, body: undefined, set: () => undefined };
    await expect(handler(ctx)).rejects.toMatchObject({ code: 'DOWNLOAD_LINK_EXPIRED', status: 410 });
  });
});
