import type { ResumeKind } from '../upload/resume-kind.ts';

/** Messages between the extractor and its worker threads; plain data only, as postMessage copies them. */
export type WorkerTask =
  | { task: 'extract'; kind: ResumeKind; bytes: Uint8Array; maxPdfPages: number }
  | { task: 'probe-pdf'; bytes: Uint8Array; maxPages: number };

export type WorkerJob = WorkerTask & { id: number };

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; code: string; details?: unknown; message: string };

/** Sent once by a worker when its code is loaded: the time limit of a job starts then, not at the thread's boot. */
export type WorkerReady = { ready: true };
