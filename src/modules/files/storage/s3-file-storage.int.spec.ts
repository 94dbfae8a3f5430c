import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
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

  it('presigns a GET valid for 900 seconds that sets the saved name', async () => {
    const link = await storage.downloadUrl('resumes/user-1/private.pdf', { fileName: 'cv.pdf' });
    const query = new URL(link.url).searchParams;
    expect(query.get('X-Amz-Expires')).toBe('900');
    expect(query.get('response-content-disposition')).toContain('attachment; filename="cv.pdf"');
  });
});
