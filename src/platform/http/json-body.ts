import type { IncomingMessage } from 'node:http';
import type { Context, Middleware } from 'koa';
import { AppError } from '../errors.ts';
import { isApiPath, type AppState } from './state.ts';

const methodsWithBody = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const parsedBodies = new WeakMap<object, { json: unknown; raw: Buffer }>();

/** The parsed JSON body of an /api request, or undefined when it had none. Validate it before use. */
export function requestBody(ctx: Pick<Context, 'request'>): unknown {
  return parsedBodies.get(ctx.request)?.json;
}

/** The exact bytes of a JSON body (for signature checks such as Stripe's webhook). */
export function rawRequestBody(ctx: Pick<Context, 'request'>): Buffer | undefined {
  return parsedBodies.get(ctx.request)?.raw;
}

export function isJsonMediaType(type: string): boolean {
  return type === 'application/json' || /^application\/[a-z0-9!#$&^_.-]+\+json$/.test(type);
}

/** RFC 9110: a request has a body when it is chunked or declares a non-zero length. */
function hasBody(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}

/**
 * Reads at most `limit` bytes; stops reading and fails with 413 as soon as the body grows past it,
 * whether the client declared a length or streams chunks without one. Nothing past the limit is
 * buffered. `tooLarge` names the refusal (uploads answer FILE_TOO_LARGE).
 */
export function readLimited(
  req: IncomingMessage,
  limit: number,
  tooLarge: () => AppError = () => new AppError('PAYLOAD_TOO_LARGE', { details: { limitBytes: limit } }),
): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > limit) return Promise.reject(tooLarge());
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
        reject(tooLarge());
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
      reject(new AppError('BAD_REQUEST', { message: 'The request body could not be read.', cause: error }));
    };
    const onAborted = () => onError(new Error('request aborted'));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
    req.once('aborted', onAborted);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The API's JSON body parser: only for POST/PUT/PATCH/DELETE under /api. JSON (`application/json`
 * or `+json`, UTF-8, no content-encoding) is read up to `limitBytes` and parsed; multipart bodies are
 * left untouched for upload routes; any other body is 415. Over the limit is 413 — at once when
 * the declared length says so, else as soon as the stream passes it — and bad JSON is 400.
 */
export function jsonBody(options: { limitBytes: number }): Middleware<AppState> {
  return async (ctx, next) => {
    const type = (ctx.request.type || '').toLowerCase();
    if (!methodsWithBody.has(ctx.method) || !isApiPath(ctx.path) || !hasBody(ctx.req) || type === 'multipart/form-data') {
      await next();
      return;
    }
    if (!isJsonMediaType(type)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { accepted: ['application/json'] } });
    }
    const charset = (ctx.request.charset || 'utf-8').toLowerCase();
    const encoding = (ctx.get('content-encoding') || 'identity').toLowerCase();
    if ((charset !== 'utf-8' && charset !== 'utf8') || encoding !== 'identity') {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', { details: { accepted: ['application/json; charset=utf-8'] } });
    }
    const declared = Number(ctx.get('content-length') || Number.NaN);
    if (declared > options.limitBytes) {
      ctx.set('connection', 'close');
      throw new AppError('PAYLOAD_TOO_LARGE', { details: { limitBytes: options.limitBytes } });
    }
    let raw: Buffer;
    try {
      raw = await readLimited(ctx.req, options.limitBytes);
    } catch (error) {
      // The rest of the body is never read: close the connection after answering.
      ctx.set('connection', 'close');
      throw error;
    }
    let json: unknown;
    if (raw.length > 0) {
      try {
        json = JSON.parse(utf8.decode(raw));
      } catch {
        throw new AppError('MALFORMED_JSON');
      }
    }
    parsedBodies.set(ctx.request, { json, raw });
    // The usual place too, for code that reads `ctx.request.body`.
    Object.defineProperty(ctx.request, 'body', { value: json, configurable: true, enumerable: true, writable: true });
    await next();
  };
}
