import { randomUUID } from 'node:crypto';
import { AppError } from '../../../platform/errors.ts';

/** Where uploaded résumés and exports live. Keys are always made by the server, never by a client. */
export interface FileStorage {
  put(key: string, bytes: Uint8Array, options: { contentType: string }): Promise<void>;
  /** Throws FILE_NOT_FOUND when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array>;
  /** Deleting a key that is already gone succeeds: retries and double clicks must not fail. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  downloadUrl(key: string, options: DownloadUrlOptions): Promise<DownloadLink>;
}

export interface DownloadUrlOptions {
  /** The name the browser saves the file under. */
  fileName: string;
  expiresInSeconds?: number;
}

export interface DownloadLink {
  url: string;
  expiresAt: Date;
}

export const DEFAULT_DOWNLOAD_EXPIRY_SECONDS = 900;

export interface FileOwner {
  kind: 'user' | 'guest';
  id: string;
}

const OWNER_ID = /^[A-Za-z0-9-]{1,64}$/;
const EXTENSION = /^[a-z0-9]{1,8}$/;

/** `resumes/<ownerKind>-<ownerId>/<uuid>.<ext>`: the owner prefix lets one owner's files be listed or erased together. */
export function resumeKey(owner: FileOwner, ext: string): string {
  if (!OWNER_ID.test(owner.id) || (owner.kind !== 'user' && owner.kind !== 'guest')) {
    throw new AppError('STORAGE_KEY_INVALID', { details: { reason: 'owner' } });
  }
  if (!EXTENSION.test(ext)) throw new AppError('STORAGE_KEY_INVALID', { details: { reason: 'extension' } });
  return `resumes/${owner.kind}-${owner.id}/${randomUUID()}.${ext}`;
}

const KEY_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Keys are server-made, so a bad one is a bug; refusing it here means no adapter can be talked into
 * writing outside its folder or bucket prefix even if a caller slips.
 */
export function assertValidKey(key: string): void {
  const segments = key.split('/');
  const valid =
    key.length > 0 &&
    key.length <= 512 &&
    segments.every((segment) => KEY_SEGMENT.test(segment) && segment !== '.' && segment !== '..' && !segment.includes('..'));
  if (!valid) throw new AppError('STORAGE_KEY_INVALID', { details: { key: key.slice(0, 80) } });
}

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

export function contentTypeForKey(key: string): string {
  const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}
