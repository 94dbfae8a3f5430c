import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Socket } from 'node:net';
import { CreateBucketCommand, GetObjectAclCommand, S3Client } from '@aws-sdk/client-s3';
import { startMotoServer, type MotoServer } from '../test-support/moto-server.ts';
import { describeFileStorageContract, type DownloadAnswer } from './file-storage.contract.ts';
import type { FileStorage } from './file-storage.ts';
import { createS3FileStorage } from './s3-file-storage.ts';

let moto: MotoServer;
let client: S3Client;
let storage: FileStorage;
const bucket = 'resume-coach-files';

beforeAll(async () => {
  moto = await startMotoServer();
  client = new S3Client({
    region: 'us-east-1',
    endpoint: moto.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  storage = createS3FileStorage({ bucket, client, prefix: 'test' });
}, 30_000);

afterAll(async () => {
  client.destroy();
  await moto.stop();
});

async function followDownload(url: string): Promise<DownloadAnswer> {
  const response = await fetch(url);
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    body: new Uint8Array(await response.arrayBuffer()),
  };
}

describeFileStorageContract('S3 (moto)', { storage: () => storage, followDownload });

describe('S3 specifics', () => {
  it('stores objects privately: only the owner has a grant', async () => {
    await storage.put('resumes/user-1/private.pdf', new Uint8Array([1]), { contentType: 'application/pdf' });
    const acl = await client.send(new GetObjectAclCommand({ Bucket: bucket, Key: 'test/resumes/user-1/private.pdf' }));
    expect(acl.Grants?.map((grant) => grant.Permission)).toEqual(['FULL_CONTROL']);
    expect(acl.Grants?.[0]?.Grantee?.URI).toBeUndefined();
  });

  it('names an S3 it cannot reach STORAGE_UNAVAILABLE (a retryable 503), never an internal error', async () => {
    // Port 1 refuses connections: the S3 endpoint is away, as in the fault suite's outage.
    const away = createS3FileStorage({ bucket, endpoint: 'http://127.0.0.1:1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const unavailable = { code: 'STORAGE_UNAVAILABLE', status: 503 };
    await expect(away.put('resumes/user-1/away.pdf', new Uint8Array([1]), { contentType: 'application/pdf' })).rejects.toMatchObject(unavailable);
    await expect(away.get('resumes/user-1/away.pdf')).rejects.toMatchObject(unavailable);
    await expect(away.exists('resumes/user-1/away.pdf')).rejects.toMatchObject(unavailable);
    // A key S3 itself says is missing stays FILE_NOT_FOUND.
    await expect(storage.get('resumes/user-1/never-stored.pdf')).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('gives up on an S3 that accepts connections and never answers, as STORAGE_UNAVAILABLE', async () => {
    const held: Socket[] = [];
    const hung = createServer((socket) => held.push(socket)); // reads nothing, answers nothing
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const { port } = hung.address() as { port: number };
    try {
      const silent = createS3FileStorage({ bucket, endpoint: `http://127.0.0.1:${port}`, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, requestTimeoutMs: 300 });
      await expect(silent.get('resumes/user-1/hung.pdf')).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE', status: 503 });
      await expect(silent.put('resumes/user-1/hung.pdf', new Uint8Array([1]), { contentType: 'application/pdf' })).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => hung.close(resolve));
    }
  });

  it('presigns a GET valid for 900 seconds that sets the saved name', async () => {
    const link = await storage.downloadUrl('resumes/user-1/private.pdf', { fileName: 'cv.pdf' });
    const query = new URL(link.url).searchParams;
    expect(query.get('X-Amz-Expires')).toBe('900');
    expect(query.get('response-content-disposition')).toContain('attachment; filename="cv.pdf"');
  });
});
