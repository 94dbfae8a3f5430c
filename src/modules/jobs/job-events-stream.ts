import { PassThrough } from 'node:stream';
import type { Context } from 'koa';
import type { JobView } from './read-model.ts';

// GET /api/jobs/:id/stream: Server-Sent Events of the job as the projections see it. Polls the
// read model (no LISTEN/NOTIFY needed), sends only changes, ends once the job has finished, and
// stops polling the moment the browser goes away.

export type StreamOptions = { pollMs: number; heartbeatMs: number; maxMs: number };
export const defaultStreamOptions: StreamOptions = { pollMs: 400, heartbeatMs: 15_000, maxMs: 10 * 60_000 };

const finished = (job: JobView) => job.status === 'succeeded' || job.status === 'failed';

export function streamJob(ctx: Context, read: () => Promise<JobView | null>, options: StreamOptions = defaultStreamOptions): void {
  const out = new PassThrough();
  ctx.status = 200;
  ctx.type = 'text/event-stream';
  ctx.set('cache-control', 'no-store');
  ctx.set('x-accel-buffering', 'no');
  ctx.body = out;
  ctx.req.socket.setTimeout(0);

  let last = '';
  let stopped = false;
  let lastWrite = Date.now();
  const started = Date.now();
  const write = (text: string) => {
    lastWrite = Date.now();
    out.write(text);
  };
  const stop = () => {
    if (stopped) return;
    stopped = true;
    out.end();
  };
  ctx.req.once('close', stop);
  out.once('close', stop);

  const tick = async () => {
    if (stopped) return;
    try {
      const job = await read();
      if (!job) {
        write(`event: gone\ndata: {}\n\n`);
        return stop();
      }
      const payload = JSON.stringify(job);
      if (payload !== last) {
        last = payload;
        write(`id: ${job.position}\nevent: job\ndata: ${payload}\n\n`);
      } else if (Date.now() - lastWrite >= options.heartbeatMs) {
        write(': keep-alive\n\n');
      }
      if (finished(job) || Date.now() - started > options.maxMs) return stop();
    } catch {
      // The read model was briefly unreachable: say so and let EventSource reconnect.
      write(`event: error\ndata: {"code":"NOT_READY"}\n\n`);
      return stop();
    }
    setTimeout(() => void tick(), options.pollMs).unref();
  };
  write(`retry: 2000\n\n`);
  void tick();
}
