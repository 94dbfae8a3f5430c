import { attachmentDisposition } from './content-disposition.ts';
import { verifyDownloadToken } from './download-token.ts';
import { contentTypeForKey, type FileStorage } from './file-storage.ts';

/** The little of a Koa context the download route needs (Koa's own Context satisfies it). */
export interface DownloadContext {
  params: Record<string, string | undefined>;
  status: number;
  body: unknown;
  set(field: string, value: string): void;
}

/**
 * Serves `GET /api/files/:token` for the local adapter. The token is the whole authorisation: it was
 * signed when the owner asked for the link, so this handler needs no session. Failures throw
 * AppError (DOWNLOAD_LINK_INVALID / DOWNLOAD_LINK_EXPIRED / FILE_NOT_FOUND) for the error middleware.
 */
export function createDownloadHandler(deps: { storage: FileStorage; signingSecret: string; now?: () => Date }) {
  return async function downloadFile(ctx: DownloadContext): Promise<void> {
    const grant = verifyDownloadToken(ctx.params.token ?? '', deps.signingSecret, deps.now?.() ?? new Date());
    const bytes = await deps.storage.get(grant.key);
    ctx.set('Content-Type', contentTypeForKey(grant.key));
    ctx.set('Content-Disposition', attachmentDisposition(grant.fileName));
    ctx.set('X-Content-Type-Options', 'nosniff');
    // The link itself is a secret: keep it and the file out of shared caches.
    ctx.set('Cache-Control', 'private, no-store');
    ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
    ctx.status = 200;
    ctx.body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
}
