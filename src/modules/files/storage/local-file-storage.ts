import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../platform/errors.ts';
import { signDownloadToken } from './download-token.ts';
import {
  DEFAULT_DOWNLOAD_EXPIRY_SECONDS,
  assertValidKey,
  type DownloadLink,
  type DownloadUrlOptions,
  type FileStorage,
} from './file-storage.ts';

export interface LocalFileStorageOptions {
  /** The folder that holds every file, e.g. `<DATA_DIR>/files`. */
  root: string;
  /** HMAC secret for download links (≥ 32 characters). */
  signingSecret: string;
  /** Where the download route is mounted; the token is appended. */
  downloadBasePath?: string;
  now?: () => Date;
}

/** The default adapter: a folder on disk, with short-lived signed app URLs instead of presigned ones. */
export function createLocalFileStorage(options: LocalFileStorageOptions): FileStorage {
  const root = path.resolve(options.root);
  const basePath = (options.downloadBasePath ?? '/api/files').replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());

  function fileFor(key: string): string {
    assertValidKey(key);
    const file = path.resolve(root, key);
    // Belt and braces: the key check already forbids `..`, but a path must never leave the root.
    if (!file.startsWith(root + path.sep)) throw new AppError('STORAGE_KEY_INVALID');
    return file;
  }

  return {
    async put(key, bytes) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Write aside then rename, so a reader never sees half a file.
      const temporary = `${file}.${randomUUID()}.part`;
      await writeFile(temporary, bytes, { mode: 0o600 });
      await rename(temporary, file);
    },

    async get(key) {
      try {
        return new Uint8Array(await readFile(fileFor(key)));
      } catch (error) {
        if (isMissing(error)) throw new AppError('FILE_NOT_FOUND', { cause: error });
        throw error;
      }
    },

    async delete(key) {
      await rm(fileFor(key), { force: true });
    },

    async exists(key) {
      try {
        return (await stat(fileFor(key))).isFile();
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },

    async downloadUrl(key: string, { fileName, expiresInSeconds = DEFAULT_DOWNLOAD_EXPIRY_SECONDS }: DownloadUrlOptions): Promise<DownloadLink> {
      assertValidKey(key);
      const expiresAt = new Date(now().getTime() + expiresInSeconds * 1000);
      const token = signDownloadToken({ key, fileName, expiresAt }, options.signingSecret);
      return { url: `${basePath}/${token}`, expiresAt };
    },
  };
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
