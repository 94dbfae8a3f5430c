import type { IncomingMessage } from 'node:http';
import { AppError } from '../../platform/errors.ts';

// Reads a request body while counting: the moment it passes `limit` reading stops and the answer
// is 413, whether the client declared a length or streams chunks without one. Nothing past the
// limit is ever buffered.

export function readLimitedBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        cleanup();
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, received));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new AppError('BAD_REQUEST', { message: 'The upload could not be read.', cause: error }));
    };
    const onAborted = () => onError(new Error('request aborted'));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
    req.once('aborted', onAborted);
  });
}

function tooLarge(limit: number): AppError {
  return new AppError('FILE_TOO_LARGE', { details: { limit } });
}
