import { Worker } from 'node:worker_threads';
import { AppError, errorCatalog, type ErrorCode } from '../../../platform/errors.ts';
import type { WorkerJob, WorkerReady, WorkerReply, WorkerTask } from './worker-protocol.ts';

export interface WorkerPoolOptions {
  /** Most workers alive at once; more jobs wait their turn. */
  size: number;
  /** V8 heap ceiling for each worker; passing it ends the worker, not the process. */
  maxHeapMb: number;
}

interface Slot {
  worker: Worker;
  /** Claimed synchronously on acquire, so two jobs can never share a worker. */
  busy: boolean;
  settle: ((reply: WorkerReply | AppError) => void) | null;
  /** Resolves when the worker has loaded its code (WorkerReady). */
  ready: Promise<void>;
}

/**
 * A job's time limit counts from the moment its worker is loaded: on a saturated machine a fresh
 * thread can take seconds to load the parsers, and counting that against a sound file refused it
 * and, as the timed-out worker is replaced, the next try too (found by the fault suite at load 28).
 * Booting itself is bounded by this, far above any healthy start.
 */
const STARTUP_LIMIT_MS = 30_000;

const workerFile = new URL('./extract-worker.ts', import.meta.url);

/**
 * Warm worker threads for parsing untrusted files. A worker is reused while it behaves; one that
 * runs over time or out of memory is terminated and replaced, so a hostile file costs one worker,
 * never the API or the activity worker. Idle workers do not keep the process alive.
 */
export function createWorkerPool(options: WorkerPoolOptions) {
  const slots = new Set<Slot>();
  const waiting: Array<() => void> = [];
  let nextId = 1;

  function spawn(): Slot {
    const worker = new Worker(workerFile, {
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb, maxYoungGenerationSizeMb: Math.min(32, Math.ceil(options.maxHeapMb / 4)), stackSizeMb: 4 },
    });
    let loaded = (): void => undefined;
    const slot: Slot = { worker, busy: true, settle: null, ready: new Promise<void>((resolve) => (loaded = resolve)) };
    worker.on('message', (reply: WorkerReply | WorkerReady) => ('ready' in reply ? loaded() : slot.settle?.(reply)));
    worker.on('error', (error: Error & { code?: string }) => {
      const code = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'EXTRACTION_OUT_OF_MEMORY' : 'FILE_CORRUPT';
      slot.settle?.(new AppError(code, { cause: error }));
    });
    worker.on('exit', () => {
      slots.delete(slot);
      slot.settle?.(new AppError('EXTRACTION_OUT_OF_MEMORY', { details: { reason: 'worker exited' } }));
    });
    worker.unref();
    slots.add(slot);
    return slot;
  }

  async function acquire(): Promise<Slot> {
    for (;;) {
      const idle = [...slots].find((slot) => !slot.busy);
      if (idle) {
        idle.busy = true;
        return idle;
      }
      if (slots.size < options.size) return spawn();
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  }

  async function run(job: WorkerTask, timeoutMs: number): Promise<unknown> {
    const slot = await acquire();
    const id = nextId++;
    slot.worker.ref();
    try {
      const reply = await new Promise<WorkerReply | AppError>((resolve) => {
        let settled = false;
        const expire = () => {
          if (settled) return;
          settled = true;
          resolve(new AppError('EXTRACTION_TIMEOUT', { details: { timeoutMs } }));
          void slot.worker.terminate();
        };
        let timer = setTimeout(expire, STARTUP_LIMIT_MS);
        void slot.ready.then(() => {
          if (settled) return;
          clearTimeout(timer);
          timer = setTimeout(expire, timeoutMs);
        });
        slot.settle = (answer) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(answer);
        };
        slot.worker.postMessage({ ...job, id } satisfies WorkerJob);
      });
      if (reply instanceof AppError) {
        slots.delete(slot);
        void slot.worker.terminate();
        throw reply;
      }
      if (!reply.ok) throw new AppError(knownCode(reply.code), { details: reply.details });
      return reply.value;
    } finally {
      slot.settle = null;
      slot.busy = false;
      if (slots.has(slot)) slot.worker.unref();
      waiting.shift()?.();
    }
  }

  async function close(): Promise<void> {
    const workers = [...slots].map((slot) => slot.worker);
    slots.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  return { run, close };
}

export type WorkerPool = ReturnType<typeof createWorkerPool>;

function knownCode(code: string): ErrorCode {
  return code in errorCatalog ? (code as ErrorCode) : 'INTERNAL';
}
