import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { AppError } from '../../../platform/errors.ts';
import { isBlockedAddress } from './blocked-addresses.ts';

// The one way the postings module reaches the network. Only an admin-configured source's URL gets
// here (never one a user typed), and only when: the scheme is https (http only where the options
// allow it, for tests), the host is on the allow-list, and every address the name resolves to is
// public. The check sits in the socket's own DNS lookup, so the address that is checked is the
// address that is connected to (no DNS-rebinding gap). No redirects, no compression (no bombs),
// a byte limit while reading and one deadline for the whole exchange.

export type FetchPolicy = {
  allowedHosts: readonly string[];
  maxBytes: number;
  timeoutMs: number;
  /** Tests only: addresses allowed although private (e.g. 127.0.0.1 for a local fixture server). */
  allowedPrivateAddresses?: readonly string[];
  allowHttp?: boolean;
};

export type Fetched = { status: number; contentType: string; body: Buffer };

const refuse = (reason: string, details: Record<string, unknown> = {}) => new AppError('SOURCE_FETCH_REFUSED', { details: { reason, ...details } });

export function guardedLookup(policy: FetchPolicy): LookupFunction {
  const allowed = new Set(policy.allowedPrivateAddresses ?? []);
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const bad = addresses.find((a) => isBlockedAddress(a.address) && !allowed.has(a.address));
      if (bad || addresses.length === 0) return callback(refuse('private-address', { host: hostname }), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** Throws SOURCE_FETCH_REFUSED before any connection when the URL breaks the policy. */
export function checkUrl(raw: string, policy: FetchPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('invalid-url');
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:')) throw refuse('scheme', { scheme: url.protocol });
  if (url.username || url.password) throw refuse('credentials-in-url');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!policy.allowedHosts.map((h) => h.toLowerCase()).includes(host)) throw refuse('host-not-allowed', { host });
  if (isIP(host) && isBlockedAddress(host) && !(policy.allowedPrivateAddresses ?? []).includes(host)) throw refuse('private-address', { host });
  return url;
}

export function safeFetch(raw: string, policy: FetchPolicy): Promise<Fetched> {
  const url = checkUrl(raw, policy);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Fetched>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, value?: Fetched) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (error) reject(error);
      else resolve(value!);
    };
    const request = client.get(url, {
      lookup: guardedLookup(policy),
      headers: { accept: 'application/json, text/csv;q=0.9, */*;q=0.1', 'accept-encoding': 'identity', 'user-agent': 'resume-coach-postings/1' },
      agent: false,
    }, (response) => {
      const status = response.statusCode ?? 0;
      const encoding = (response.headers['content-encoding'] ?? 'identity').toLowerCase();
      const declared = Number(response.headers['content-length'] ?? Number.NaN);
      const stop = (error: AppError) => {
        response.destroy();
        request.destroy();
        finish(error);
      };
      if (status >= 300 && status < 400) return stop(refuse('redirect', { status }));
      if (status !== 200) return stop(new AppError('SOURCE_FETCH_FAILED', { details: { reason: 'status', status } }));
      if (encoding !== 'identity') return stop(refuse('compressed', { encoding }));
      if (declared > policy.maxBytes) return stop(refuse('too-large', { maxBytes: policy.maxBytes }));
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > policy.maxBytes) return stop(refuse('too-large', { maxBytes: policy.maxBytes }));
        chunks.push(chunk);
      });
      response.on('end', () => finish(null, { status, contentType: String(response.headers['content-type'] ?? ''), body: Buffer.concat(chunks, received) }));
      response.on('error', (error) => finish(new AppError('SOURCE_FETCH_FAILED', { cause: error, details: { reason: 'network' } })));
    });
    const deadline = setTimeout(() => {
      request.destroy();
      finish(new AppError('SOURCE_FETCH_FAILED', { details: { reason: 'timeout', timeoutMs: policy.timeoutMs } }));
    }, policy.timeoutMs);
    request.on('error', (error) => {
      const refused = (error as unknown as { code?: string }).code === 'SOURCE_FETCH_REFUSED' ? (error as unknown as AppError) : undefined;
      finish(refused ?? new AppError('SOURCE_FETCH_FAILED', { cause: error, details: { reason: 'network' } }));
    });
  });
}
