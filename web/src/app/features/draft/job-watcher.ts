import { Injectable, InjectionToken, inject } from '@angular/core';
import { Observable, Subscription } from 'rxjs';
import { ApiError, toApiError } from '../../core/api/api-error';
import { JobsApi } from '../../core/api/jobs-api';
import { JobView, isFinished, readJob } from '../../core/api/jobs';

/** The part of EventSource the watcher uses (tests pass a fake). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

export const EVENT_SOURCE = new InjectionToken<((url: string) => EventSourceLike) | null>(
  'EVENT_SOURCE',
  {
    factory: () =>
      typeof EventSource === 'function'
        ? (url: string) => new EventSource(url, { withCredentials: true })
        : null,
  },
);

export const JOB_POLL_MS = new InjectionToken<number>('JOB_POLL_MS', { factory: () => 2000 });

/** Consecutive failed polls before the watcher gives up and reports the error. */
const MAX_POLL_FAILURES = 5;

/**
 * Follows a job until it finishes: Server-Sent Events first (`event: job`, data = JobView); if the
 * stream fails or cannot be opened, polls GET /api/jobs/:id every 2 s. Emits each new state and
 * completes when the job has succeeded or failed.
 */
@Injectable({ providedIn: 'root' })
export class JobWatcher {
  private readonly jobs = inject(JobsApi);
  private readonly openEventSource = inject(EVENT_SOURCE);
  private readonly pollMs = inject(JOB_POLL_MS);

  watch(jobId: string): Observable<JobView> {
    return new Observable<JobView>((subscriber) => {
      let source: EventSourceLike | null = null;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let request: Subscription | undefined;
      let failures = 0;
      let stopped = false;

      const stop = () => {
        stopped = true;
        source?.close();
        source = null;
        clearTimeout(timer);
        request?.unsubscribe();
      };

      const emit = (job: JobView) => {
        if (stopped) return;
        subscriber.next(job);
        if (isFinished(job)) {
          stop();
          subscriber.complete();
        }
      };

      const poll = () => {
        if (stopped) return;
        request = this.jobs.job(jobId).subscribe({
          next: (job) => {
            failures = 0;
            emit(job);
            if (!stopped) timer = setTimeout(poll, this.pollMs);
          },
          error: (error: unknown) => {
            const apiError = toApiError(error);
            failures++;
            // Retried, 404 included: a job that was just started may not be in the read model yet.
            if (failures >= MAX_POLL_FAILURES) {
              stop();
              subscriber.error(apiError);
            } else {
              timer = setTimeout(poll, this.pollMs);
            }
          },
        });
      };

      const fallBackToPolling = () => {
        if (stopped || !source) return;
        source.close();
        source = null;
        poll();
      };

      if (!this.openEventSource) {
        poll();
        return stop;
      }
      try {
        source = this.openEventSource(this.jobs.streamUrl(jobId));
      } catch {
        poll();
        return stop;
      }
      source.addEventListener('job', (event) => {
        let data: unknown;
        try {
          data = JSON.parse(String(event.data));
        } catch {
          return;
        }
        const job = readJob(data);
        if (job) emit(job);
      });
      source.addEventListener('gone', () => {
        if (stopped) return;
        stop();
        subscriber.error(
          new ApiError({ code: 'NOT_FOUND', message: 'This job no longer exists.', status: 404 }),
        );
      });
      // Covers both a broken connection and the server's own `event: error`.
      source.onerror = fallBackToPolling;
      source.addEventListener('error', fallBackToPolling);
      return stop;
    });
  }
}
