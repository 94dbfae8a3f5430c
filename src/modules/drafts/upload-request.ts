import type { Context } from 'koa';
import { AppError } from '../../platform/errors.ts';
import { fileField, multipartBoundary, parseMultipart } from './multipart.ts';
import { readLimitedBody } from './read-limited.ts';
import type { Upload } from './service.ts';

// The file of a POST /api/drafts/:id/resume request. The body is read only once the caller is
// known to own the draft (the service calls this after its checks), bounded while it streams.

/** Room for the multipart framing and a few small fields around a file of the maximum size. */
const framingAllowance = 64 * 1024;

export async function readUpload(ctx: Context, maxUploadBytes: number): Promise<Upload> {
  const boundary = multipartBoundary(ctx.get('content-type') || undefined);
  if (!boundary) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { accepted: ['multipart/form-data'] } });
  let body: Buffer;
  try {
    body = await readLimitedBody(ctx.req, maxUploadBytes + framingAllowance);
  } catch (error) {
    // The rest of the body is never read: close the connection after answering.
    ctx.set('connection', 'close');
    throw error;
  }
  const file = fileField(parseMultipart(body, boundary), 'file');
  return { bytes: new Uint8Array(file.data.buffer, file.data.byteOffset, file.data.byteLength), fileName: file.fileName, contentType: file.contentType ?? undefined };
}
