import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { JobView } from '../../core/api/jobs';
import { FakeEventSource, fakeEventSourceFactory } from '../../testing/fake-event-source';
import { EVENT_SOURCE, JOB_POLL_MS, JobWatcher } from './job-watcher';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const jobJson = (status: string, extra: object = {}) => ({
  id: 'j1',
  draftId: 'd1',
  kind: 'analysis',
  status,
  steps: {},
  ...extra,
});

describe('JobWatcher', () => {
  let httpTesting: HttpTestingController;

  function setUp(factory: unknown = fakeEventSourceFactory): JobWatcher {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: EVENT_SOURCE, useValue: factory },
        { provide: JOB_POLL_MS, useValue: 10 },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    return TestBed.inject(JobWatcher);
  }

  beforeEach(() => FakeEventSource.reset());
  afterEach(() => httpTesting.verify());

  it('follows the job over SSE, ignores junk events and closes the stream when it finishes', () => {
    const watcher = setUp();
    const seen: JobView[] = [];
    let completed = false;
    watcher
      .watch('j1')
      .subscribe({ next: (job) => seen.push(job), complete: () => (completed = true) });

    const source = FakeEventSource.last();
    expect(source.url).toBe('/api/jobs/j1/stream');
    source.emit('job', jobJson('running', { currentStep: 'extract' }));
    source.emit('job', 'not json');
    source.emit('job', { no: 'id' });
    source.emit('job', jobJson('succeeded'));

    expect(seen.map((job) => job.status)).toEqual(['running', 'succeeded']);
    expect(completed).toBe(true);
    expect(source.closed).toBe(true);
  });

  it('falls back to polling GET /api/jobs/:id when the stream errors', async () => {
    const watcher = setUp();
    const seen: string[] = [];
    watcher.watch('j1').subscribe((job) => seen.push(job.status));
    const source = FakeEventSource.last();
    source.emit('job', jobJson('queued'));
    source.fail();
    expect(source.closed).toBe(true);

    httpTesting.expectOne('/api/jobs/j1').flush(jobJson('running'));
    await wait(20);
    // A failed poll is retried, not fatal.
    httpTesting.expectOne('/api/jobs/j1').flush(null, { status: 502, statusText: 'Bad Gateway' });
    await wait(20);
    httpTesting.expectOne('/api/jobs/j1').flush(jobJson('failed', { errorCode: 'NO_TEXT_LAYER' }));
    await wait(20);
    httpTesting.expectNone('/api/jobs/j1');

    expect(seen).toEqual(['queued', 'running', 'failed']);
  });

  it('polls when EventSource is not available', () => {
    const watcher = setUp(null);
    const seen: string[] = [];
    watcher.watch('j1').subscribe((job) => seen.push(job.status));
    httpTesting.expectOne('/api/jobs/j1').flush(jobJson('succeeded'));
    expect(seen).toEqual(['succeeded']);
  });

  it('waits for a job the read model does not have yet, then follows it', async () => {
    const watcher = setUp(null);
    const seen: string[] = [];
    watcher.watch('j1').subscribe((job) => seen.push(job.status));
    httpTesting
      .expectOne('/api/jobs/j1')
      .flush(
        { error: { code: 'NOT_FOUND', message: 'x' } },
        { status: 404, statusText: 'Not Found' },
      );
    await wait(20);
    httpTesting.expectOne('/api/jobs/j1').flush(jobJson('succeeded'));
    expect(seen).toEqual(['succeeded']);
  });

  it('gives up after five failed polls in a row and reports the last error', async () => {
    const watcher = setUp(null);
    let failure: unknown;
    watcher.watch('j1').subscribe({ error: (error: unknown) => (failure = error) });
    for (let i = 0; i < 5; i++) {
      httpTesting
        .expectOne('/api/jobs/j1')
        .flush(
          { error: { code: 'NOT_FOUND', message: 'Nothing was found at this address.' } },
          { status: 404, statusText: 'Not Found' },
        );
      await wait(20);
    }
    httpTesting.expectNone('/api/jobs/j1');
    expect(failure).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stops everything when unsubscribed', () => {
    const watcher = setUp();
    const subscription = watcher.watch('j1').subscribe();
    subscription.unsubscribe();
    expect(FakeEventSource.last().closed).toBe(true);
  });
});
