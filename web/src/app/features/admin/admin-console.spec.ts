import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { AdminConsole, JOB_FOLLOW_LIMIT_MS, JOB_FOLLOW_MS } from './admin-console';

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await macrotask();
    TestBed.tick();
  }
}
const dialogAnimation = () => new Promise<void>((resolve) => setTimeout(resolve, 250));

const J1 = 'aaaaaaaa-1111-4111-8111-111111111111';
const J2 = 'bbbbbbbb-2222-4222-8222-222222222222';
const job = (jobId: string, extra: object = {}) => ({
  jobId,
  draftId: 'd1',
  workflowId: 'draft-d1',
  kind: 'analysis',
  status: 'failed',
  currentStep: 'analyze',
  errorCode: 'JOB_DESCRIPTION_REQUIRED',
  attempts: 1,
  updatedAt: '2026-03-01T09:00:00Z',
  ...extra,
});
const flagsBody = { flags: { ENABLE_SSE: true, ENABLE_WATERMARKED_EXPORT: false, ANALYSIS_ENGINE: 'auto' } };

describe('AdminConsole', () => {
  let httpTesting: HttpTestingController;
  let fixture: ComponentFixture<AdminConsole>;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: JOB_FOLLOW_MS, useValue: 5 },
        { provide: JOB_FOLLOW_LIMIT_MS, useValue: 60_000 },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    fixture?.destroy();
    httpTesting.verify();
  });

  const root = () => fixture.nativeElement as HTMLElement;
  const jobsRequest = (): TestRequest => httpTesting.expectOne((r) => r.url === '/api/admin/jobs');
  const button = (text: string) =>
    Array.from(root().querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.trim().startsWith(text))!;

  async function create(jobs: object = { items: [job(J1), job(J2, { status: 'succeeded', errorCode: null })], total: 2, page: 1, pageSize: 25 }) {
    fixture = TestBed.createComponent(AdminConsole);
    await settle();
    httpTesting.expectOne('/api/admin/overview').flush({
      users: 12,
      draftsByStatus: { DRAFT: 3, READY: 5 },
      analysesPerDay: [
        { day: '2026-03-01', n: 4, failed: 1 },
        { day: '2026-03-02', n: 2, failed: 0 },
      ],
      failureRate: 0.1667,
      revenue: [{ currency: 'EUR', amount: 1470, refunded: 490 }],
    });
    jobsRequest().flush(jobs);
    httpTesting.expectOne('/api/admin/flags').flush(flagsBody);
    await settle();
  }

  it('shows the overview as cards and a chart', async () => {
    await create();
    const cards = Array.from(root().querySelectorAll('.card')).map((c) =>
      Array.from(c.children).map((e) => e.textContent?.replace(/\s+/g, ' ').trim()).join(' '),
    );
    expect(cards[0]).toBe('Users 12');
    expect(cards[1]).toContain('Drafts 8');
    expect(cards[1]).toContain('READY: 5');
    expect(cards[2]).toMatch(/16\.7\s?%/);
    expect(cards[3]).toContain('€14.70');
    expect(cards[3]).toContain('€4.90 refunded');
    expect(root().querySelector('app-analyses-chart svg')?.getAttribute('aria-label')).toContain('6 in all, 1 failed');
  });

  it('survives a hostile overview and jobs list', async () => {
    await create({ items: [{ jobId: 'x', status: 'eaten-by-grue' }, null, { status: 'failed' }], total: 'many' });
    const rows = root().querySelectorAll('table.jobs tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('eaten-by-grue');
    // Only failed jobs are offered a retry.
    expect(rows[0].querySelector('button')).toBeNull();
  });

  it('filters by status, step and error code, back to page 1', async () => {
    await create();
    const status = root().querySelector<HTMLSelectElement>('select[name="status"]')!;
    status.value = 'failed';
    status.dispatchEvent(new Event('change'));
    await settle();
    let request = jobsRequest();
    expect(request.request.params.get('status')).toBe('failed');
    expect(request.request.params.get('page')).toBe('1');
    request.flush({ items: [job(J1)], total: 1, page: 1, pageSize: 25 });
    await settle();

    const step = root().querySelector<HTMLSelectElement>('select[name="step"]')!;
    step.value = 'analyze';
    step.dispatchEvent(new Event('change'));
    await settle();
    jobsRequest().flush({ items: [job(J1)], total: 1, page: 1, pageSize: 25 });
    await settle();

    const code = root().querySelector<HTMLInputElement>('input[name="errorCode"]')!;
    code.value = 'bad code!';
    code.dispatchEvent(new Event('input'));
    await settle();
    expect(root().textContent).toContain('An error code is 2–60 capital letters');
    code.value = 'job_description_required';
    code.dispatchEvent(new Event('input'));
    await settle();
    code.closest('form')!.dispatchEvent(new Event('submit'));
    await settle();
    request = jobsRequest();
    expect(request.request.params.get('errorCode')).toBe('JOB_DESCRIPTION_REQUIRED');
    expect(request.request.params.get('step')).toBe('analyze');
    expect(request.request.params.get('status')).toBe('failed');
    request.flush({ items: [], total: 0, page: 1, pageSize: 25 });
    await settle();
    expect(root().textContent).toContain('No jobs match.');
  });

  it('retries a failed job and follows it by asking the list again until it leaves the failed list', async () => {
    await create();
    const status = root().querySelector<HTMLSelectElement>('select[name="status"]')!;
    status.value = 'failed';
    status.dispatchEvent(new Event('change'));
    await settle();
    jobsRequest().flush({ items: [job(J1)], total: 1, page: 1, pageSize: 25 });
    await settle();

    root().querySelector<HTMLButtonElement>(`button[aria-label="Retry job aaaaaaaa"]`)!.click();
    await settle();
    const retry = httpTesting.expectOne(`/api/admin/jobs/${J1}/retry`);
    expect(retry.request.method).toBe('POST');
    retry.flush({ jobId: J1, position: 9 }, { status: 202, statusText: 'Accepted' });
    await settle();
    expect(root().querySelector('[role="status"][aria-live="polite"]')?.textContent).toContain('Following it');

    // The read model has not caught up yet: still failed, unchanged — keep following.
    jobsRequest().flush({ items: [job(J1)], total: 1, page: 1, pageSize: 25 });
    await settle();
    expect(root().querySelector<HTMLButtonElement>(`button[aria-label="Retry job aaaaaaaa"]`)!.textContent).toContain('Retrying…');
    await new Promise((r) => setTimeout(r, 10));
    await settle();
    jobsRequest().flush({ items: [], total: 0, page: 1, pageSize: 25 });
    await settle();
    expect(root().querySelector('[role="status"][aria-live="polite"]')?.textContent).toContain(
      'Job aaaaaaaa left the failed list: it is running again.',
    );
    // Nothing followed any more: no more requests.
    await new Promise((r) => setTimeout(r, 20));
    httpTesting.expectNone((r) => r.url === '/api/admin/jobs');
  });

  it('follows a retried job in an unfiltered list until it succeeds', async () => {
    await create();
    root().querySelector<HTMLButtonElement>(`button[aria-label="Retry job aaaaaaaa"]`)!.click();
    await settle();
    httpTesting.expectOne(`/api/admin/jobs/${J1}/retry`).flush({}, { status: 202, statusText: 'Accepted' });
    await settle();
    jobsRequest().flush({ items: [job(J1, { status: 'running', updatedAt: '2026-03-01T09:05:00Z' })], total: 1, page: 1, pageSize: 25 });
    await settle();
    expect(root().textContent).toContain('Job aaaaaaaa is running (analyze)…');
    await new Promise((r) => setTimeout(r, 10));
    await settle();
    jobsRequest().flush({ items: [job(J1, { status: 'succeeded', errorCode: null, updatedAt: '2026-03-01T09:06:00Z' })], total: 1, page: 1, pageSize: 25 });
    await settle();
    expect(root().textContent).toContain('Job aaaaaaaa succeeded.');

    // A second retry of a job that is not failed any more (another admin was faster).
    await new Promise((r) => setTimeout(r, 10));
    httpTesting.expectNone((r) => r.url === '/api/admin/jobs');
  });

  it('shows a refused retry with its code', async () => {
    await create();
    root().querySelector<HTMLButtonElement>(`button[aria-label="Retry job aaaaaaaa"]`)!.click();
    await settle();
    httpTesting
      .expectOne(`/api/admin/jobs/${J1}/retry`)
      .flush({ error: { code: 'JOB_NOT_FAILED', message: 'Only a failed job can be retried.' } }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('Only a failed job can be retried. (JOB_NOT_FAILED)');
  });

  it('changes a user’s plan by e-mail (looked up first) with a reason', async () => {
    await create();
    const set = (name: string, value: string) => {
      const input = root().querySelector<HTMLInputElement>(`.plan-form [name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input'));
    };
    set('user', 'ada@example.com');
    await settle();
    expect(button('Change plan').disabled).toBe(true);
    set('reason', 'goodwill after outage');
    set('plan', 'PRO');
    await settle();
    button('Change plan').click();
    await settle();
    const lookup = httpTesting.expectOne((r) => r.url === '/api/support/users');
    expect(lookup.request.params.get('email')).toBe('ada@example.com');
    lookup.flush({ user: { id: 'u-1', email: 'ada@example.com' }, drafts: [] });
    await settle();
    const change = httpTesting.expectOne('/api/admin/users/u-1/plan');
    expect(change.request.body).toEqual({ plan: 'PRO', reason: 'goodwill after outage' });
    change.flush({ userId: 'u-1', plan: 'PRO' });
    await settle();
    expect(root().textContent).toContain('ada@example.com is now on PRO.');

    set('user', 'nobody@example.com');
    set('reason', 'testing');
    await settle();
    button('Change plan').click();
    await settle();
    httpTesting
      .expectOne((r) => r.url === '/api/support/users')
      .flush({ error: { code: 'NOT_FOUND', message: 'Nothing' } }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('No user with this e-mail or id. (NOT_FOUND)');
  });

  it('changes a flag only with a reason', async () => {
    await create();
    const sse = root().querySelector<HTMLButtonElement>('button[role="switch"][aria-label="Live job updates (SSE)"]')!;
    expect(sse.getAttribute('aria-checked')).toBe('true');
    sse.click();
    await settle();
    expect(document.querySelector('mat-dialog-container')?.textContent).toContain('Set ENABLE_SSE to off?');
    const submit = () =>
      Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-container button')).find((b) => b.textContent?.trim() === 'Change flag')!;
    expect(submit().disabled).toBe(true);
    const reason = document.querySelector<HTMLTextAreaElement>('mat-dialog-container textarea')!;
    reason.value = 'SSE proxy issue';
    reason.dispatchEvent(new Event('input'));
    await settle();
    submit().click();
    await dialogAnimation();
    await settle();
    const put = httpTesting.expectOne('/api/admin/flags/ENABLE_SSE');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ value: false, reason: 'SSE proxy issue' });
    put.flush({ position: 5, flags: { ...flagsBody.flags, ENABLE_SSE: false } });
    await settle();
    expect(sse.getAttribute('aria-checked')).toBe('false');
    expect(root().textContent).toContain('ENABLE_SSE is now off.');

    // Cancelling changes nothing, and the engine select goes back to the stored value.
    const engine = root().querySelector<HTMLSelectElement>('select.engine')!;
    engine.value = 'offline';
    engine.dispatchEvent(new Event('change'));
    await settle();
    Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-container button'))
      .find((b) => b.textContent?.trim() === 'Cancel')!
      .click();
    await dialogAnimation();
    await settle();
    httpTesting.expectNone('/api/admin/flags/ANALYSIS_ENGINE');
    expect(engine.value).toBe('auto');
  });

  it('shows the not-allowed page with the API’s message when the API refuses', async () => {
    fixture = TestBed.createComponent(AdminConsole);
    await settle();
    const forbidden = { error: { code: 'FORBIDDEN', message: 'You are not allowed to do that.' } };
    httpTesting.expectOne('/api/admin/overview').flush(forbidden, { status: 403, statusText: 'Forbidden' });
    jobsRequest().flush(forbidden, { status: 403, statusText: 'Forbidden' });
    httpTesting.expectOne('/api/admin/flags').flush(forbidden, { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(root().querySelector('app-not-allowed')?.textContent).toContain('You are not allowed to do that. (FORBIDDEN)');
    expect(root().querySelector('table')).toBeNull();
  });
});
