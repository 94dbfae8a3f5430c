import { createPasswordHasher } from '../passwords.ts';

// The figures bench/auth.ts prints: sign-in latency (dominated by one Argon2id verification, and
// the same for an unknown address), and authenticated GET /api/auth/me throughput over HTTP with
// the real middleware (token check, session check, read model, data-key decryption).

export type AuthBenchmarkReport = {
  argon2: { hashMs: number; verifyP50Ms: number; verifyP95Ms: number };
  login: { samples: number; okP50Ms: number; okP95Ms: number; wrongPasswordP50Ms: number; unknownEmailP50Ms: number };
  me: { concurrency: number; seconds: number; requests: number; perSecond: number; p50Ms: number; p95Ms: number; p99Ms: number; errors: number };
};

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round = (n: number) => Math.round(n * 100) / 100;

export async function runAuthBenchmark(options: { logins?: number; seconds?: number; concurrency?: number } = {}): Promise<AuthBenchmarkReport> {
  const logins = options.logins ?? 40;
  const seconds = options.seconds ?? 5;
  const concurrency = options.concurrency ?? 16;
  // Loaded here so the module's public face never pulls in test support.
  const { Browser, goodPassword, startHarness, uniqueEmail } = await import('../testing/harness.ts');

  const hasher = createPasswordHasher();
  const hashStart = performance.now();
  const stored = await hasher.hash(goodPassword);
  const hashMs = performance.now() - hashStart;
  const verifies: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    const start = performance.now();
    await hasher.verify(stored, goodPassword);
    verifies.push(performance.now() - start);
  }

  const h = await startHarness();
  try {
    const email = uniqueEmail('bench');
    const owner = await new Browser(h.url).start();
    const registered = await owner.post('/api/auth/register', { email, password: goodPassword });
    if (registered.status !== 201) throw new Error(`registration failed: ${registered.status}`);

    const timed = async (address: string, password: string, expected: number) => {
      const browser = await new Browser(h.url).start();
      const start = performance.now();
      const res = await browser.post('/api/auth/login', { email: address, password });
      const ms = performance.now() - start;
      if (res.status !== expected) throw new Error(`login answered ${res.status}, expected ${expected}`);
      return ms;
    };
    const ok: number[] = [];
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < logins; i += 1) {
      ok.push(await timed(email, goodPassword, 200));
      wrong.push(await timed(email, 'not the password at all', 401));
      unknown.push(await timed(uniqueEmail('ghost'), 'not the password at all', 401));
    }

    const latencies: number[] = [];
    let errors = 0;
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < until) {
          const start = performance.now();
          const res = await owner.get('/api/auth/me');
          latencies.push(performance.now() - start);
          if (res.status !== 200) errors += 1;
        }
      }),
    );
    return {
      argon2: { hashMs: round(hashMs), verifyP50Ms: round(percentile(verifies, 50)), verifyP95Ms: round(percentile(verifies, 95)) },
      login: {
        samples: logins, okP50Ms: round(percentile(ok, 50)), okP95Ms: round(percentile(ok, 95)),
        wrongPasswordP50Ms: round(percentile(wrong, 50)), unknownEmailP50Ms: round(percentile(unknown, 50)),
      },
      me: {
        concurrency, seconds, requests: latencies.length, perSecond: Math.round(latencies.length / seconds),
        p50Ms: round(percentile(latencies, 50)), p95Ms: round(percentile(latencies, 95)), p99Ms: round(percentile(latencies, 99)), errors,
      },
    };
  } finally {
    await h.close();
  }
}
