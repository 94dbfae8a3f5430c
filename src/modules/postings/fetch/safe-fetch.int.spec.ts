import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startFixtureServer, type FixtureServer } from '../testing/fixture-server.ts';
import { safeFetch, type FetchPolicy } from './safe-fetch.ts';

// The guarded fetch against a local server: what a source may answer and what it may not.
let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server?.close());

const local: FetchPolicy = { allowedHosts: ['127.0.0.1', 'localhost'], allowedPrivateAddresses: ['127.0.0.1'], allowHttp: true, maxBytes: 100_000, timeoutMs: 500 };
const failure = async (url: string, policy: FetchPolicy = local) => {
  try {
    await safeFetch(url, policy);
    return 'fetched';
  } catch (error) {
    const e = error as { code: string; details: { reason: string } };
    return `${e.code}:${e.details.reason}`;
  }
};

describe('fetching a postings source', () => {
  it('reads an allowed source', async () => {
    const fetched = await safeFetch(`${server.url}/v0/postings/globex?mode=json`, local);
    expect(JSON.parse(fetched.body.toString('utf8'))).toHaveLength(3);
  });

  it('refuses a name that resolves to a private address unless that address is allowed (no DNS rebinding gap)', async () => {
    const port = new URL(server.url).port;
    const strict = { ...local, allowedPrivateAddresses: [] };
    expect(await failure(`http://localhost:${port}/v0/postings/globex`, strict)).toBe('SOURCE_FETCH_REFUSED:private-address');
    expect(await failure(`http://127.0.0.1:${port}/v0/postings/globex`, strict)).toBe('SOURCE_FETCH_REFUSED:private-address');
    expect(await failure(`http://169.254.169.254/latest/meta-data/`, { ...local, allowedHosts: ['169.254.169.254'] })).toBe('SOURCE_FETCH_REFUSED:private-address');
    expect(server.hits.filter((h) => h.startsWith('/v0/postings/globex'))).toHaveLength(1);
  });

  it('stops reading past the size limit, gives up on a slow source, follows no redirect and takes no compression', async () => {
    expect(await failure(`${server.url}/huge`)).toBe('SOURCE_FETCH_REFUSED:too-large');
    const started = Date.now();
    expect(await failure(`${server.url}/slow`)).toBe('SOURCE_FETCH_FAILED:timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await failure(`${server.url}/redirect`)).toBe('SOURCE_FETCH_REFUSED:redirect');
    expect(await failure(`${server.url}/gzip`)).toBe('SOURCE_FETCH_REFUSED:compressed');
    expect(await failure(`${server.url}/missing`)).toBe('SOURCE_FETCH_FAILED:status');
    expect(await failure(`https://evil.example/jobs.json`)).toBe('SOURCE_FETCH_REFUSED:host-not-allowed');
  });
});
