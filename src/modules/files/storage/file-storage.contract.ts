import { describe, expect, it } from '@jest/globals';
import { resumeKey, type FileStorage } from './file-storage.ts';

export interface DownloadAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface ContractSubject {
  storage: () => FileStorage;
  /** Follows a download URL the way a browser would and reports what came back. */
  followDownload: (url: string) => Promise<DownloadAnswer>;
}

const owner = { kind: 'user', id: '6f1c2a9e-6d1b-4f59-9a0e-2b1d3c4e5f60' } as const;
const bytes = new TextEncoder().encode('%PDF-1.7 pretend résumé');

/** Every FileStorage adapter must pass this same suite: the port's promises, not an adapter's habits. */
export function describeFileStorageContract(name: string, subject: ContractSubject): void {
  describe(`FileStorage contract: ${name}`, () => {
    it('gives back exactly the bytes that were put', async () => {
      const key = resumeKey(owner, 'pdf');
      await subject.storage().put(key, bytes, { contentType: 'application/pdf' });
      expect(await subject.storage().exists(key)).toBe(true);
      expect(Buffer.from(await subject.storage().get(key))).toEqual(Buffer.from(bytes));
    });

    it('replaces a file put again under the same key', async () => {
      const key = resumeKey(owner, 'txt');
      await subject.storage().put(key, new TextEncoder().encode('first'), { contentType: 'text/plain' });
      await subject.storage().put(key, new TextEncoder().encode('second'), { contentType: 'text/plain' });
      expect(new TextDecoder().decode(await subject.storage().get(key))).toBe('second');
    });

    it('answers FILE_NOT_FOUND and exists=false for a key that was never put', async () => {
      const key = resumeKey(owner, 'pdf');
      expect(await subject.storage().exists(key)).toBe(false);
      await expect(subject.storage().get(key)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    });

    it('deletes idempotently', async () => {
      const key = resumeKey(owner, 'pdf');
      await subject.storage().put(key, bytes, { contentType: 'application/pdf' });
      await subject.storage().delete(key);
      await subject.storage().delete(key);
      expect(await subject.storage().exists(key)).toBe(false);
    });

    it.each(['../escape.pdf', '/etc/passwd', 'resumes//x.pdf', 'resumes/../../x.pdf', 'a/b\\..\\c', '', 'résumé.pdf'])(
      'refuses the key %j on every operation',
      async (key) => {
        const storage = subject.storage();
        await expect(storage.put(key, bytes, { contentType: 'application/pdf' })).rejects.toMatchObject({ code: 'STORAGE_KEY_INVALID' });
        await expect(storage.get(key)).rejects.toMatchObject({ code: 'STORAGE_KEY_INVALID' });
        await expect(storage.exists(key)).rejects.toMatchObject({ code: 'STORAGE_KEY_INVALID' });
        await expect(storage.delete(key)).rejects.toMatchObject({ code: 'STORAGE_KEY_INVALID' });
        await expect(storage.downloadUrl(key, { fileName: 'x.pdf' })).rejects.toMatchObject({ code: 'STORAGE_KEY_INVALID' });
      },
    );

    it('makes a download link valid for 15 minutes by default that saves the file under its display name', async () => {
      const key = resumeKey(owner, 'pdf');
      await subject.storage().put(key, bytes, { contentType: 'application/pdf' });
      const before = Date.now();
      const link = await subject.storage().downloadUrl(key, { fileName: 'Zoë Müller – CV.pdf' });
      expect(link.expiresAt.getTime() - before).toBeGreaterThan(890_000);
      expect(link.expiresAt.getTime() - before).toBeLessThanOrEqual(901_000);

      const answer = await subject.followDownload(link.url);
      expect(answer.status).toBe(200);
      expect(Buffer.from(answer.body)).toEqual(Buffer.from(bytes));
      expect(answer.headers['content-disposition']).toBe(
        `attachment; filename="Zoe Muller CV.pdf"; filename*=UTF-8''Zo%C3%AB%20M%C3%BCller%20%E2%80%93%20CV.pdf`,
      );
    });

    it('honours a shorter expiry', async () => {
      const key = resumeKey(owner, 'pdf');
      const link = await subject.storage().downloadUrl(key, { fileName: 'cv.pdf', expiresInSeconds: 60 });
      expect(link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(61_000);
    });
  });
}
