import { describe, expect, it } from '@jest/globals';
import { createApp } from './app.ts';
import { createRouter } from './router.ts';
import { startHttpServer } from './server.ts';
import { captureLogs, testConfig } from './test-support.ts';

function slowApp(delayMs: number) {
  const router = createRouter();
  router.get('/api/slow', async (ctx) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    ctx.body = { done: true };
  });
  return createApp({ config: testConfig, logger: captureLogs().logger, readiness: [], routers: [router] });
}

describe('startHttpServer', () => {
  it('listens on HOST:PORT and reports the bound URL', async () => {
    const running = await startHttpServer(slowApp(0), { HOST: '127.0.0.1', PORT: 0 });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('finishes in-flight requests on close and refuses new connections', async () => {
    const running = await startHttpServer(slowApp(300), { HOST: '127.0.0.1', PORT: 0 });
    const inFlight = fetch(`${running.url}/api/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = running.close(5_000);
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await closed;
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });

  it('cuts requests still running when the timeout passes', async () => {
    const running = await startHttpServer(slowApp(5_000), { HOST: '127.0.0.1', PORT: 0 });
    const inFlight = fetch(`${running.url}/api/slow`).then(() => 'answered', () => 'cut');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await running.close(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await inFlight).toBe('cut');
  });

  it('fails clearly when the port is taken', async () => {
    const first = await startHttpServer(slowApp(0), { HOST: '127.0.0.1', PORT: 0 });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startHttpServer(slowApp(0), { HOST: '127.0.0.1', PORT: port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
