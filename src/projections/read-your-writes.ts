import type { DatabasePool } from 'slonik';
import type { Config } from '../platform/config/index.ts';
import { createPositionWaiter, type PositionWaiter } from './position-waiter.ts';

// What the API needs for read-your-writes: a waiter bounded by READ_YOUR_WRITES_TIMEOUT_MS, and
// a strict reading of the position a client sends back (e.g. an `x-min-position` header).

export function createReadYourWrites(pool: DatabasePool, config: Pick<Config, 'READ_YOUR_WRITES_TIMEOUT_MS'>): PositionWaiter {
  return createPositionWaiter(pool, { defaultTimeoutMs: config.READ_YOUR_WRITES_TIMEOUT_MS });
}

/** The position in a header value, or undefined when absent; anything else is not a position. */
export function parseMinPosition(value: string | string[] | undefined): number | undefined | 'invalid' {
  if (value === undefined || value === '') return undefined;
  if (Array.isArray(value) || !/^\d{1,15}$/.test(value)) return 'invalid';
  return Number(value);
}
