import { describe, expect, it } from '@jest/globals';
import { describeEventStoreContract, type ContractBackend } from '../contract/index.ts';
import type { EventStore } from '../types.ts';
import { createEventStoreDbStore } from './index.ts';

// The contract runs against EventStoreDB only when a server is configured (none can run here).
const url = process.env.EVENTSTORE_URL;

if (url) {
  describeEventStoreContract('eventstoredb', async (): Promise<ContractBackend> => {
    const stores: EventStore[] = [];
    return {
      open({ catalog, insideAppend }) {
        const store = createEventStoreDbStore({ url, catalog });
        stores.push(store);
        if (!insideAppend) return store;
        // No transactions to be slow inside: the writer is slow just before appending instead.
        return { ...store, append: async (streamId, events, options) => (await insideAppend(streamId), store.append(streamId, events, options)) };
      },
      async teardown() {
        await Promise.all(stores.map((s) => s.close()));
      },
    };
  });
} else {
  describe('EventStore contract: eventstoredb', () => {
    it('did not run: EVENTSTORE_URL is not set', () => {
      console.log('EventStoreDB contract suite not run: EVENTSTORE_URL is not set');
      expect(process.env.EVENTSTORE_URL ?? '').toBe('');
    });
  });
}
