import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Middleware } from 'koa';
import { AppError } from '../errors.ts';
import { setRouteLabel, type AppState } from './state.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/** Angular's build names hashed files `main-5WDIBXZW.js`, `chunk-BWMV8LlS.js`, `media/…-6JBQYTB6.woff`. */
const hashedName = /-[A-Za-z0-9_]{8,}\.[A-Za-z0-9]+$/;

export const notBuiltPage =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Résumé coach</title></head>' +
  '<body><h1>The web app is not built</h1><p>Build it with <code>npm start</code> (or <code>npm run build</code> in <code>web/</code>); the API is running.</p></body></html>';

export function cacheControlFor(relativePath: string): string {
  if (relativePath.endsWith('.html')) return 'no-cache';
  if (hashedName.test(relativePath)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

/**
 * The request path as a file path inside the web root, or undefined when it cannot be one
 * (bad percent-encoding, NUL bytes, backslashes, `..` or dot-file segments).
 */
export function safeRelativePath(requestPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return undefined;
  return segments.join('/');
}

type Found = { file: string; relative: string; size: number; mtime: Date };

async function findFile(root: string, relative: string): Promise<Found | undefined> {
  const candidate = resolve(root, relative);
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  try {
    const info = await stat(candidate);
    if (!info.isFile()) return undefined;
    // Symbolic links must not lead out of the web root either.
    const [real, realRoot] = await Promise.all([realpath(candidate), realpath(root)]);
    if (!real.startsWith(realRoot + sep)) return undefined;
    return { file: candidate, relative, size: info.size, mtime: info.mtime };
  } catch {
    return undefined;
  }
}

/**
 * Serves an Angular build for GET/HEAD: files with their content type and cache policy, the SPA's
 * index.html for paths that are not files, 404 for missing files, and a small page when the build
 * is missing. Meant as the last middleware, for non-API paths only.
 */
export function webApp(options: { dir: string }): Middleware<AppState> {
  const root = resolve(options.dir);
  return async (ctx) => {
    const relative = safeRelativePath(ctx.path);
    if (relative === undefined) {
      setRouteLabel(ctx, '(static)');
      throw new AppError('NOT_FOUND');
    }
    let found = relative === '' ? undefined : await findFile(root, relative);
    if (found) {
      setRouteLabel(ctx, '(static)');
    } else {
      const lastSegment = relative.split('/').at(-1) ?? '';
      if (lastSegment.includes('.')) {
        setRouteLabel(ctx, '(static)');
        throw new AppError('NOT_FOUND');
      }
      setRouteLabel(ctx, '(spa)');
      found = await findFile(root, 'index.html');
      if (!found) {
        ctx.status = 503;
        ctx.type = 'text/html; charset=utf-8';
        ctx.set('cache-control', 'no-store');
        ctx.body = notBuiltPage;
        return;
      }
    }
    ctx.status = 200;
    ctx.type = contentTypes[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    ctx.set('cache-control', cacheControlFor(found.relative));
    ctx.lastModified = found.mtime;
    ctx.etag = `W/"${found.size.toString(16)}-${found.mtime.getTime().toString(16)}"`;
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    ctx.length = found.size;
    // HEAD answers the headers only; opening a stream nobody reads would leak a file handle.
    if (ctx.method === 'GET') ctx.body = createReadStream(found.file);
  };
}
