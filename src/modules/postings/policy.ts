import type { FetchPolicy } from './fetch/safe-fetch.ts';

// The fetch policy from the environment (docs/postings.md). Private addresses and plain http are
// never allowed here: only tests build a policy that allows their local fixture server.

export type PostingsEnv = { POSTINGS_ALLOWED_HOSTS: string; POSTINGS_FETCH_MAX_BYTES: number; POSTINGS_FETCH_TIMEOUT_MS: number };

export function fetchPolicyOf(env: PostingsEnv): FetchPolicy {
  return {
    allowedHosts: env.POSTINGS_ALLOWED_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
    maxBytes: env.POSTINGS_FETCH_MAX_BYTES,
    timeoutMs: env.POSTINGS_FETCH_TIMEOUT_MS,
  };
}
