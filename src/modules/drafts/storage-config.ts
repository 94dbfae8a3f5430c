import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { createLocalFileStorage, createS3FileStorage, type FileStorage } from '../files/index.ts';

// Where résumés are stored, from the configuration (docs/drafts.md): a folder under DATA_DIR by
// default, S3 when FILE_STORAGE=s3. Credentials for S3 come from the AWS SDK's own chain
// (AWS_ACCESS_KEY_ID…, an instance role), never from our configuration.

export type DraftStorageEnv = {
  DATA_DIR: string;
  FILE_STORAGE: 'local' | 's3';
  S3_BUCKET?: string;
  S3_REGION: string;
  S3_ENDPOINT?: string;
  S3_PREFIX: string;
  FILES_SIGNING_SECRET?: string;
};

/**
 * The download-link signing secret: FILES_SIGNING_SECRET, or one derived from the accounts' auth
 * secret (HMAC with a fixed label), so a developer needs no extra secret and a leaked link key
 * reveals nothing about the token key.
 */
export function downloadSigningSecret(env: Pick<DraftStorageEnv, 'FILES_SIGNING_SECRET'>, authSecret: string): string {
  return env.FILES_SIGNING_SECRET ?? createHmac('sha256', authSecret).update('files:download-links').digest('base64url');
}

export function createDraftStorage(env: DraftStorageEnv, signingSecret: string): FileStorage {
  if (env.FILE_STORAGE === 's3') {
    if (!env.S3_BUCKET) throw new Error('FILE_STORAGE=s3 needs S3_BUCKET');
    return createS3FileStorage({ bucket: env.S3_BUCKET, prefix: env.S3_PREFIX || undefined, region: env.S3_REGION, endpoint: env.S3_ENDPOINT });
  }
  return createLocalFileStorage({ root: join(env.DATA_DIR, 'files'), signingSecret });
}
