import { storeCookie } from '../../accounts/testing/harness.ts';
import { publicUrl } from './harness.ts';

// A browser-like client for the drafts tests: a cookie jar (Path and Max-Age=0 honoured), the
// CSRF header on unsafe methods, our Origin, JSON bodies and multipart uploads.

type ResumeAnswer = { displayName: string; kind: string; size: number; uploadedAt: string };
/** The JSON answers these tests read, loosely: each test reads the fields its endpoint returns. */
export type Answer = {
  error: { code: string; message: string; details: Record<string, unknown> };
  id: string;
  position: number;
  title: string | null;
  status: string;
  items: { id: string; title: string | null; status: string; hasText: boolean; resume: ResumeAnswer | null }[];
  total: number;
  resume: ResumeAnswer | null;
  warnings: { code: string }[];
  extraction: { text: string; warnings: unknown[] } | null;
  url: string;
  expiresAt: string;
  [key: string]: unknown;
};
export type Reply = { status: number; headers: Headers; json: Answer };

export class Browser {
  readonly jar = new Map<string, { value: string; path: string }>();
  readonly base: string;
  constructor(base: string) {
    this.base = base;
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name)?.value;
  }

  async request(method: string, path: string, options: { json?: unknown; body?: RequestInit['body']; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...this.headersFor(method, path), ...options.headers };
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.base}${path}`, { method, headers, body });
    for (const line of response.headers.getSetCookie()) this.store(line);
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      json = { text };
    }
    return { status: response.status, headers: response.headers, json: json as Answer };
  }

  /** What this browser sends with a request besides its body: cookies, and Origin and the CSRF token when unsafe. */
  headersFor(method: string, path: string): Record<string, string> {
    const headers: Record<string, string> = {};
    const cookies = [...this.jar.entries()].filter(([, c]) => c.path === '/' || path.startsWith(c.path));
    if (cookies.length > 0) headers.cookie = cookies.map(([name, c]) => `${name}=${c.value}`).join('; ');
    if (method !== 'GET') {
      headers.origin = publicUrl;
      const csrf = this.cookie('csrf');
      if (csrf) headers['x-csrf-token'] = csrf;
    }
    return headers;
  }

  private store(line: string): void {
    storeCookie(this.jar, line);
  }

  async start(): Promise<this> {
    await this.request('GET', '/api/auth/csrf');
    return this;
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, { headers });
  post = (path: string, json?: unknown) => this.request('POST', path, { json: json ?? {} });
  patch = (path: string, json: unknown) => this.request('PATCH', path, { json });
  delete = (path: string) => this.request('DELETE', path);

  /** POST a multipart form with one file in `field` (default `file`), as a browser's FormData does. */
  upload(path: string, bytes: Uint8Array, fileName: string, options: { field?: string; type?: string } = {}): Promise<Reply> {
    const form = new FormData();
    form.append(options.field ?? 'file', new Blob([bytes], { type: options.type ?? 'application/octet-stream' }), fileName);
    return this.request('POST', path, { body: form });
  }

  /** The signed-up user's id, once `register` has run. */
  userId: string | undefined;

  async register(email: string, password = 'plum tree at dawn 7'): Promise<Reply> {
    const reply = await this.post('/api/auth/register', { email, password });
    this.userId = (reply.json.user as { id?: string } | undefined)?.id;
    return reply;
  }
}

let counter = 0;
export function uniqueEmail(prefix = 'drafts'): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}.${counter}@example.org`;
}
