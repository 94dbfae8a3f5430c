import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { AppError, isAppError } from '../../../platform/errors.ts';
import { attachmentDisposition } from './content-disposition.ts';
import { DEFAULT_DOWNLOAD_EXPIRY_SECONDS, assertValidKey, contentTypeForKey, type FileStorage } from './file-storage.ts';

export interface S3FileStorageOptions {
  bucket: string;
  /** Prepended to every key, so several environments can share a bucket. */
  prefix?: string;
  client?: S3Client;
  /** Used only when no client is given. */
  region?: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** A socket idle this long fails an attempt (default 15 s; the SDK tries 3 times): a hung S3 must not hold a request forever. */
  requestTimeoutMs?: number;
  now?: () => Date;
}

/** Production adapter: private objects, read by the browser through presigned GETs only. */
export function createS3FileStorage(options: S3FileStorageOptions): FileStorage {
  const client =
    options.client ??
    new S3Client({
      region: options.region ?? 'us-east-1',
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
      credentials: options.credentials,
      // Without these the SDK waits on a server that accepts and never answers for as long as the
      // OS keeps the socket: an upload hangs instead of answering STORAGE_UNAVAILABLE.
      requestHandler: { connectionTimeout: 3_000, requestTimeout: options.requestTimeoutMs ?? 15_000, throwOnRequestTimeout: true },
    });
  const prefix = options.prefix ? `${options.prefix.replace(/\/+$/, '')}/` : '';
  const now = options.now ?? (() => new Date());
  const objectKey = (key: string): string => {
    assertValidKey(key);
    return prefix + key;
  };
  const Bucket = options.bucket;

  return {
    async put(key, bytes, { contentType }) {
      await reachable(() => client.send(new PutObjectCommand({ Bucket, Key: objectKey(key), Body: bytes, ContentType: contentType })));
    },

    async get(key) {
      return reachable(async () => {
        try {
          const answer = await client.send(new GetObjectCommand({ Bucket, Key: objectKey(key) }));
          if (!answer.Body) throw new AppError('FILE_NOT_FOUND');
          return await answer.Body.transformToByteArray();
        } catch (error) {
          if (isNotFound(error)) throw new AppError('FILE_NOT_FOUND', { cause: error });
          throw error;
        }
      });
    },

    async delete(key) {
      // S3 answers 204 for a missing key too, which is exactly the idempotence the port promises.
      await reachable(() => client.send(new DeleteObjectCommand({ Bucket, Key: objectKey(key) })));
    },

    async exists(key) {
      return reachable(async () => {
        try {
          await client.send(new HeadObjectCommand({ Bucket, Key: objectKey(key) }));
          return true;
        } catch (error) {
          if (isNotFound(error)) return false;
          throw error;
        }
      });
    },

    async downloadUrl(key, { fileName, expiresInSeconds = DEFAULT_DOWNLOAD_EXPIRY_SECONDS }) {
      const issuedAt = now();
      const command = new GetObjectCommand({
        Bucket,
        Key: objectKey(key),
        ResponseContentDisposition: attachmentDisposition(fileName),
        ResponseContentType: contentTypeForKey(key),
      });
      const url = await getSignedUrl(client, command, { expiresIn: expiresInSeconds, signingDate: issuedAt });
      return { url, expiresAt: new Date(issuedAt.getTime() + expiresInSeconds * 1000) };
    },
  };
}

/**
 * S3 out of reach (refused, reset, timed out) or failing on its side (5xx, throttled) is a named,
 * retryable 503: an upload answers STORAGE_UNAVAILABLE instead of INTERNAL, and pipeline steps retry
 * it. S3's own 4xx answers (a missing key, a denied bucket) pass through unchanged.
 */
async function reachable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error)) throw error;
    const status = error instanceof S3ServiceException ? (error.$metadata.httpStatusCode ?? 500) : 500;
    if (status < 500 && status !== 429) throw error;
    throw new AppError('STORAGE_UNAVAILABLE', { cause: error });
  }
}

function isNotFound(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404;
}
