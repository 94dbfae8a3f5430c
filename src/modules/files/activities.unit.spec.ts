import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApplicationFailure } from '@temporalio/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFilesActivities } from './activities.ts';
import { closeSharedExtractors } from './extraction/resume-extractor.ts';
import { createLocalFileStorage } from './storage/local-file-storage.ts';
import type { FileStorage } from './storage/file-storage.ts';
import { sampleResumeMarkdown } from './test-support/sample-resume.ts';

let root = '';
let storage: FileStorage;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'files-activities-'));
  storage = createLocalFileStorage({ root, signingSecret: 'x'.repeat(32) });
});
afterAll(async () => {
  await closeSharedExtractors();
  await rm(root, { recursive: true, force: true });
});

async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof ApplicationFailure)) throw new Error(`expected an ApplicationFailure, got ${String(error)}`);
  return error;
}

describe('files activities: extractText', () => {
  it('reads the stored file and returns the extracted résumé', async () => {
    await storage.put('resumes/user-1/a.md', new TextEncoder().encode(sampleResumeMarkdown()), { contentType: 'text/markdown' });
    const extracted = await createFilesActivities({ storage }).extractText('resumes/user-1/a.md', 'md');
    expect(extracted.structure.contact.name).toBe('Maria Lopez');
    expect(extracted.structure.experience).toHaveLength(2);
  });

  it('fails for good, typed by code, when the file cannot be read', async () => {
    await storage.put('resumes/user-1/broken.pdf', new TextEncoder().encode('%PDF-1.7 nothing else\n%%EOF'), { contentType: 'application/pdf' });
    const failure = await failureOf(createFilesActivities({ storage }).extractText('resumes/user-1/broken.pdf', 'pdf'));
    expect([failure.type, failure.nonRetryable]).toEqual(['FILE_CORRUPT', true]);
  });

  it('fails for good when the file is gone', async () => {
    const failure = await failureOf(createFilesActivities({ storage }).extractText('resumes/user-1/missing.pdf', 'pdf'));
    expect([failure.type, failure.nonRetryable]).toEqual(['FILE_NOT_FOUND', true]);
  });

  it('leaves storage outages retryable', async () => {
    const flaky: FileStorage = { ...storage, get: () => Promise.reject(new Error('ECONNRESET')) };
    await expect(createFilesActivities({ storage: flaky }).extractText('resumes/user-1/a.md', 'md')).rejects.toThrow('ECONNRESET');
  });
});
