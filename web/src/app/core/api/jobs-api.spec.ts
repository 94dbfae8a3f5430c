import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from './api-error.interceptor';
import { JobsApi, newIdempotencyKey } from './jobs-api';

describe('JobsApi', () => {
  let api: JobsApi;
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    api = TestBed.inject(JobsApi);
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpTesting.verify());

  it('starts an analysis with the Idempotency-Key header and reads the job id', async () => {
    const answer = firstValueFrom(api.startAnalysis('d1', 'key-12345678'));
    const request = httpTesting.expectOne('/api/drafts/d1/analyses');
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('Idempotency-Key')).toBe('key-12345678');
    request.flush(
      { jobId: 'j1', position: 3, reused: false },
      { status: 202, statusText: 'Accepted' },
    );
    expect(await answer).toEqual({ jobId: 'j1', position: 3 });
  });

  it('refuses a 202 without a job id', async () => {
    const answer = firstValueFrom(api.startAnalysis('d1', 'key-12345678')).catch((e: unknown) => e);
    httpTesting
      .expectOne('/api/drafts/d1/analyses')
      .flush({}, { status: 202, statusText: 'Accepted' });
    expect(await answer).toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('makes a fresh, valid key each time', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[\x21-\x7e]{8,200}$/);
  });

  it('reads the jobs of a draft, dropping unreadable ones and taming unknown statuses', async () => {
    const answer = firstValueFrom(api.jobsOfDraft('d1'));
    httpTesting.expectOne('/api/drafts/d1/jobs').flush({
      jobs: [
        {
          id: 'j1',
          draftId: 'd1',
          kind: 'analysis',
          status: 'exploded',
          currentStep: 'extract',
          attempts: 1,
          errorCode: null,
          steps: {
            pay: { status: 'waived', attempt: 1, errorCode: null, at: 'x' },
            extract: { status: 'weird' },
            analyze: null,
          },
        },
        { status: 'running' },
      ],
    });
    const jobs = await answer;
    expect(jobs).toHaveLength(1);
    expect(jobs[0].status).toBe('queued');
    expect(jobs[0].steps).toEqual({
      pay: { status: 'waived', attempt: 1, errorCode: null, at: 'x' },
      extract: { status: 'started', attempt: null, errorCode: null, at: null },
    });
  });

  it('reads one job and the latest analysis', async () => {
    const job = firstValueFrom(api.job('j1'));
    httpTesting.expectOne('/api/jobs/j1').flush({ id: 'j1', status: 'succeeded', steps: {} });
    expect((await job).status).toBe('succeeded');

    const analysis = firstValueFrom(api.analysis('d1'));
    httpTesting
      .expectOne('/api/drafts/d1/analysis')
      .flush({ jobId: 'j1', createdAt: 'c', result: { matchScore: { value: 140 } } });
    const answer = await analysis;
    expect(answer.jobId).toBe('j1');
    expect(answer.result.matchScore.value).toBe(100);
    expect(answer.result.keywords).toEqual({ matched: [], missing: [] });
  });

  it('builds the stream URL for a job', () => {
    expect(api.streamUrl('j 1')).toBe('/api/jobs/j%201/stream');
  });
});
