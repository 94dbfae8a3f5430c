import { describe, expect, it } from '@jest/globals';
import type { DatabasePool } from 'slonik';
import { createAppendNotifier } from './notifications.ts';

// A stand-in pool that records each NOTIFY and lets the test decide when it completes.
function recordingPool() {
  const sent: string[] = [];
  const pending: (() => void)[] = [];
  const pool = {
    query: (query: { values: readonly unknown[] }) => {
      sent.push(String(query.values[1]));
      return new Promise<void>((resolve) => pending.push(resolve));
    },
  } as unknown as DatabasePool;
  const settle = async () => {
    while (pending.length > 0) {
      pending.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { pool, sent, settle };
}

describe('append notifier', () => {
  it('coalesces appends that finish while a NOTIFY is in flight into one for the highest position', async () => {
    const { pool, sent, settle } = recordingPool();
    const notifier = createAppendNotifier(pool, () => undefined, 0);
    notifier.notify(3);
    notifier.notify(5);
    notifier.notify(4);
    await settle();
    expect(sent).toEqual(['3', '5']);
  });

  it('keeps announcing after an append finishes below what was already announced', async () => {
    const { pool, sent, settle } = recordingPool();
    const notifier = createAppendNotifier(pool, () => undefined, 0);
    notifier.notify(10);
    await settle();
    notifier.notify(7); // finished late, already covered by 10
    await settle();
    notifier.notify(12);
    await settle();
    expect(sent).toEqual(['10', '12']);
    await notifier.flush();
  });

  it('spaces its NOTIFYs out, and the first one after a quiet spell goes at once', async () => {
    const { pool, sent, settle } = recordingPool();
    const notifier = createAppendNotifier(pool, () => undefined, 40);
    notifier.notify(1);
    expect(sent).toEqual(['1']);
    await settle();
    notifier.notify(2);
    await settle();
    expect(sent).toEqual(['1']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await settle();
    expect(sent).toEqual(['1', '2']);
  });
});
