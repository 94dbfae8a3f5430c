import type { Logger } from 'pino';

/**
 * One dependency the API needs to serve requests. `check` rejects (or never settles) when it is
 * down; it may answer figures worth showing (a backlog), which /readyz reports as `detail`.
 */
export type ReadinessCheck = { name: string; check(signal: AbortSignal): Promise<void | Record<string, number | string>> };

export type CheckResult = { status: 'up' | 'down'; ms: number; reason?: 'timeout' | 'error'; detail?: Record<string, number | string> };
export type ReadinessReport = { ready: boolean; checks: Record<string, CheckResult>; down: string[] };

class CheckTimeout extends Error {}

async function runOne(check: ReadinessCheck, timeoutMs: number, logger?: Logger): Promise<CheckResult> {
  const started = performance.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout()), timeoutMs);
    timer.unref();
  });
  try {
    const detail = await Promise.race([Promise.resolve().then(() => check.check(controller.signal)), timeout]);
    return { status: 'up', ms: elapsed(started), ...(detail ? { detail } : {}) };
  } catch (error) {
    const reason = error instanceof CheckTimeout ? 'timeout' : 'error';
    logger?.warn({ check: check.name, reason, err: reason === 'error' ? error : undefined }, 'readiness check failed');
    return { status: 'down', ms: elapsed(started), reason };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

/** Runs every check in parallel, each bounded by `timeoutMs`; a hung check counts as down. */
export async function runReadinessChecks(checks: readonly ReadinessCheck[], timeoutMs: number, logger?: Logger): Promise<ReadinessReport> {
  const results = await Promise.all(checks.map(async (check) => [check.name, await runOne(check, timeoutMs, logger)] as const));
  const down = results.filter(([, result]) => result.status === 'down').map(([name]) => name);
  return { ready: down.length === 0, checks: Object.fromEntries(results), down };
}
