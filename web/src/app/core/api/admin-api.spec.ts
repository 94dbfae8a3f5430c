import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { AdminApi } from './admin-api';
import { apiErrorInterceptor } from './api-error.interceptor';

describe('AdminApi', () => {
  let api: AdminApi;
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    api = TestBed.inject(AdminApi);
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpTesting.verify());

  it('reads the overview', async () => {
    const overview = firstValueFrom(api.overview());
    httpTesting.expectOne('/api/admin/overview').flush({ users: 3, draftsByStatus: { READY: 2 }, analysesPerDay: [], failureRate: 0.25, revenue: [] });
    expect(await overview).toMatchObject({ users: 3, failureRate: 0.25, draftsByStatus: [{ status: 'READY', n: 2 }] });
  });

  it('lists jobs with only the filters that are set', async () => {
    let page = firstValueFrom(api.jobs({ status: 'failed', step: null, errorCode: 'JOB_DESCRIPTION_REQUIRED', page: 2, pageSize: 25 }));
    let request = httpTesting.expectOne((r) => r.url === '/api/admin/jobs');
    expect(request.request.params.keys().sort()).toEqual(['errorCode', 'page', 'pageSize', 'status']);
    expect(request.request.params.get('status')).toBe('failed');
    expect(request.request.params.get('page')).toBe('2');
    request.flush({ items: [{ jobId: 'j1', status: 'failed' }], total: 30, page: 2, pageSize: 25 });
    expect((await page).total).toBe(30);

    page = firstValueFrom(api.jobs({ status: null, step: 'analyze', errorCode: null, page: 1, pageSize: 25 }));
    request = httpTesting.expectOne((r) => r.url === '/api/admin/jobs');
    expect(request.request.params.get('step')).toBe('analyze');
    expect(request.request.params.has('status')).toBe(false);
    request.flush(null);
    expect(await page).toEqual({ items: [], total: 0, page: 1, pageSize: 25 });
  });

  it('retries a job, changes a plan and a flag with their reasons', async () => {
    const retry = firstValueFrom(api.retry('j1'));
    const retryRequest = httpTesting.expectOne('/api/admin/jobs/j1/retry');
    expect(retryRequest.request.method).toBe('POST');
    retryRequest.flush({ jobId: 'j1', position: 9 }, { status: 202, statusText: 'Accepted' });
    await retry;

    const plan = firstValueFrom(api.setPlan('u1', 'PRO', 'goodwill'));
    const planRequest = httpTesting.expectOne('/api/admin/users/u1/plan');
    expect(planRequest.request.body).toEqual({ plan: 'PRO', reason: 'goodwill' });
    planRequest.flush({ userId: 'u1', plan: 'PRO' });
    await plan;

    const flag = firstValueFrom(api.setFlag('ANALYSIS_ENGINE', 'offline', 'provider outage'));
    const flagRequest = httpTesting.expectOne('/api/admin/flags/ANALYSIS_ENGINE');
    expect(flagRequest.request.method).toBe('PUT');
    expect(flagRequest.request.body).toEqual({ value: 'offline', reason: 'provider outage' });
    flagRequest.flush({ position: 4, flags: { ENABLE_SSE: true, ENABLE_WATERMARKED_EXPORT: true, ANALYSIS_ENGINE: 'offline' } });
    expect((await flag).ANALYSIS_ENGINE).toBe('offline');

    const flags = firstValueFrom(api.flags());
    httpTesting.expectOne('/api/admin/flags').flush({ flags: { ENABLE_SSE: false } });
    expect(await flags).toEqual({ ENABLE_SSE: false, ENABLE_WATERMARKED_EXPORT: false, ANALYSIS_ENGINE: 'auto' });
  });

  it('passes a refused retry on as an ApiError', async () => {
    const retry = firstValueFrom(api.retry('j1')).catch((e: unknown) => e);
    httpTesting
      .expectOne('/api/admin/jobs/j1/retry')
      .flush({ error: { code: 'JOB_NOT_FAILED', message: 'Only a failed job can be retried.' } }, { status: 409, statusText: 'Conflict' });
    expect(await retry).toMatchObject({ code: 'JOB_NOT_FAILED', status: 409 });
  });
});
