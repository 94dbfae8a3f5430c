import { afterAll, beforeAll, describe } from '@jest/globals';
import type { EventStore } from '../types.ts';
import { appendingContract } from './appending.ts';
import { concurrencyContract } from './concurrency.ts';
import { catalog, type ContractBackend } from './fixtures.ts';
import { hostileInputContract } from './hostile-input.ts';
import { readingContract } from './reading.ts';

export type { ContractBackend } from './fixtures.ts';

// The one suite every event store adapter must pass. Each adapter's spec calls this with a way to
// open its engine; tests use fresh stream categories, so they also run against a shared server.
export function describeEventStoreContract(name: string, createBackend: () => Promise<ContractBackend>): void {
  describe(`EventStore contract: ${name}`, () => {
    let backend: ContractBackend;
    let store: EventStore;
    beforeAll(async () => {
      backend = await createBackend();
      store = backend.open({ catalog });
    });
    afterAll(async () => {
      await backend?.teardown();
    });

    appendingContract(() => store);
    hostileInputContract(() => store);
    readingContract(() => store, (other) => backend.open({ catalog: other }));
    concurrencyContract((insideAppend) => backend.open({ catalog, insideAppend: () => insideAppend() }));
  });
}
