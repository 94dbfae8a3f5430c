import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/db.ts';
import { createEventCatalog, createPostgresEventStore, type EventDefinition, type EventStore } from '../../../platform/event-store/index.ts';
import { createApp, createLogger, type Router } from '../../../platform/http/index.ts';
import { startProjector, type Projection, type RunningProjector } from '../../../projections/index.ts';
import { accountEvents } from '../events.ts';
import { createAccountsModule, accountProjections, type AccountsDeps, type AccountsModule } from '../module.ts';
import { AccountsOptions } from '../options.ts';

// An accounts module on a fresh database with its projector and an HTTP server, for the
// integration tests and the benchmark. The clock can be moved forward (`clock.advance`).

export const publicUrl = 'http://localhost:3000';

export type Clock = { now(): Date; advance(ms: number): void };
export function movableClock(): Clock {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => void (offset += ms) };
}

export type Harness = {
  db: TestDatabase;
  eventStore: EventStore;
  accounts: AccountsModule;
  clock: Clock;
  url: string;
  close(): Promise<void>;
};

export type HarnessOptions = Partial<Pick<AccountsDeps, 'rateRules'>> & {
  extraRouters?: (accounts: AccountsModule, eventStore: EventStore) => Router[];
  database?: TestDatabase;
  /** Other modules' events and read models, for suites that test them behind real accounts. */
  extraEvents?: readonly EventDefinition[];
  extraProjections?: readonly Projection[];
};

const generous = { limit: 100_000, windowSeconds: 60 };

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const db = options.database ?? (await createTestDatabase({ poolSize: 20 }));
  const eventStore = createPostgresEventStore({ pool: db.pool, databaseUrl: db.url, catalog: createEventCatalog([...accountEvents, ...(options.extraEvents ?? [])]), pollIntervalMs: 200 });
  const clock = movableClock();
  const accounts = createAccountsModule({
    pool: db.pool,
    eventStore,
    now: () => clock.now(),
    readYourWritesTimeoutMs: 5_000,
    options: AccountsOptions.parse({
      nodeEnv: 'test', publicUrl, authSecret: 'test-auth-secret-0123456789abcdefghij', guestSecret: 'test-guest-secret-0123456789abcdefghi',
      personalDataKey: 'test-personal-data-key-0123456789abcdef',
    }),
    rateRules: {
      loginFailuresPerAccount: { ...generous, name: 'lfa' }, loginFailuresPerIp: { ...generous, name: 'lfi' },
      registrationsPerIp: { ...generous, name: 'reg' }, passwordChecksPerUser: { ...generous, name: 'pwc' },
      ...options.rateRules,
    },
  });
  await accounts.prepare();
  const projector: RunningProjector = startProjector({ pool: db.pool, eventStore, projections: [...accountProjections, ...(options.extraProjections ?? [])], retryDelayMs: 100 });
  const app = createApp({
    config: { NODE_ENV: 'test', corsOrigins: [publicUrl], JSON_BODY_LIMIT_BYTES: 65_536, READYZ_TIMEOUT_MS: 500, TRUST_PROXY: false, WEB_DIST_DIR: '/nonexistent' },
    logger: createLogger({ LOG_LEVEL: 'silent' }),
    readiness: [],
    middleware: [accounts.middleware.csrf, accounts.middleware.actor],
    routers: [accounts.router, ...(options.extraRouters?.(accounts, eventStore) ?? [])],
  });
  const handle = app.callback();
  const server = createServer((req, res) => void handle(req, res));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    db, eventStore, accounts, clock, url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await projector.stop();
      accounts.close();
      await eventStore.close();
      await db.drop();
    },
  };
}

type Cookie = { value: string; path: string };

/** One Set-Cookie line into a jar, honouring Path and Max-Age=0 / an empty value (deletion). */
export function storeCookie(jar: Map<string, Cookie>, line: string): void {
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  const eq = pair!.indexOf('=');
  const name = pair!.slice(0, eq);
  const value = pair!.slice(eq + 1);
  const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
  const maxAge = attributes.find((a) => a.toLowerCase().startsWith('max-age='));
  if (value === '' || (maxAge && Number(maxAge.slice(8)) <= 0)) jar.delete(name);
  else jar.set(name, { value, path });
}

/** The JSON answers these tests read, loosely: each test reads the fields its endpoint returns. */
export type Answer = {
  error: { code: string; message: string; details: { reason?: string; problems?: string[]; resetAt?: string; [key: string]: unknown } };
  user: { id: string; email: string; displayName: string | null; plan: string; role: string; entitlements: Record<string, unknown> };
  sessions: { id: string; current: boolean }[];
  owner: { kind: 'user' | 'guest'; guestId: string; userId?: string };
  actor: { kind: string; guestId: string; userId?: string } | null;
  rotated: boolean;
  position: number;
  id: string;
  [key: string]: unknown;
};

/** A browser-like client: a cookie jar honouring Path and Max-Age=0, the CSRF header, our Origin. */
export class Browser {
  readonly jar = new Map<string, Cookie>();
  readonly base: string;
  origin: string | undefined = publicUrl;
  constructor(base: string) {
    this.base = base;
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name)?.value;
  }

  async request(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; csrf?: boolean; rawBody?: string; form?: FormData } = {}) {
    const headers: Record<string, string> = { ...options.headers };
    const cookies = [...this.jar.entries()].filter(([, c]) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/');
    if (cookies.length > 0) headers.cookie = cookies.map(([name, c]) => `${name}=${c.value}`).join('; ');
    if (this.origin && method !== 'GET') headers.origin ??= this.origin;
    const csrf = this.cookie('csrf');
    if (options.csrf !== false && csrf && method !== 'GET') headers['x-csrf-token'] ??= csrf;
    // A FormData body: fetch writes the multipart content type with its boundary.
    let body: string | FormData | undefined = options.form ?? options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.base}${path}`, { method, headers, body });
    for (const line of response.headers.getSetCookie()) this.store(line);
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: response.status, headers: response.headers, json: json as Answer, setCookies: response.headers.getSetCookie() };
  }

  private store(line: string): void {
    storeCookie(this.jar, line);
  }

  /** GET /api/auth/csrf: the first thing the web app does. */
  async start(): Promise<this> {
    await this.request('GET', '/api/auth/csrf');
    return this;
  }

  /** POST of one file in the `file` field, as the web app uploads a résumé. */
  upload = (path: string, bytes: Uint8Array, fileName: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    return this.request('POST', path, { form });
  };

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, { headers });
  post = (path: string, body?: unknown) => this.request('POST', path, { body: body ?? {} });
  patch = (path: string, body?: unknown) => this.request('PATCH', path, { body });
  delete = (path: string, body?: unknown) => this.request('DELETE', path, { body: body ?? {} });
}

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}.${counter}@example.org`;
}
export const goodPassword = 'plum tree at dawn 7';
