import type { IncomingMessage } from 'node:http';
import { AppError } from '../../platform/errors.ts';
import { readLimited } from '../../platform/http/index.ts';

// An upload body, read while counting: past `limit` reading stops and the answer is 413
// FILE_TOO_LARGE (the files module's code for a résumé over the limit).
export function readLimitedBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return readLimited(req, limit, () => new AppError('FILE_TOO_LARGE', { details: { limit } }));
}
