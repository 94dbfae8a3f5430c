import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { SAVE_FILE } from '../../shared/save-file/save-file';
import { SupportConsole } from './support-console';

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await macrotask();
    TestBed.tick();
  }
}
const dialogAnimation = () => new Promise<void>((resolve) => setTimeout(resolve, 250));

const D1 = '11111111-1111-4111-8111-111111111111';

describe('SupportConsole', () => {
  let harness: RouterTestingHarness;
  let httpTesting: HttpTestingController;
  const saveFile = vi.fn();

  beforeEach(async () => {
    saveFile.mockReset();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'support', component: SupportConsole }], withComponentInputBinding()),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: SAVE_FILE, useValue: saveFile },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => httpTesting.verify());

  const root = () => harness.routeNativeElement as HTMLElement;
  const button = (text: string) =>
    Array.from(root().querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent?.includes(text))!;
  async function open(url: string): Promise<void> {
    await harness.navigateByUrl(url);
    await settle();
  }
  async function openDraft(): Promise<void> {
    await open(`/support?draft=${D1}`);
    httpTesting.expectOne(`/api/support/drafts/${D1}/timeline`).flush({
      events: [
        { position: 1, stream: `draft-${D1}`, type: 'DraftCreated', at: '2026-03-01T09:00:00Z', actor: 'user:u1', data: { title: '[redacted]' } },
        { position: 2, stream: 'job-j1', type: 'JobStepRecorded', at: '2026-03-01T09:00:01Z', actor: 'system:p', data: { step: 'analyze', status: 'failed' } },
      ],
    });
    httpTesting.expectOne(`/api/support/drafts/${D1}/workflow`).flush({
      workflowId: `draft-${D1}`,
      temporalUi: `http://localhost:8233/namespaces/default/workflows/draft-${D1}`,
      history: [
        { id: 1, at: '2026-03-01T09:00:00Z', type: 'workflow_execution_started' },
        { id: 7, at: '2026-03-01T09:00:02Z', type: 'activity_task_failed', activity: 'analyzeDraft', attempt: 1, errorType: 'JOB_DESCRIPTION_REQUIRED', message: 'No job description.' },
      ],
    });
    await settle();
  }

  it('finds a user by e-mail (in the URL), lists the drafts and opens one', async () => {
    await open('/support');
    const input = root().querySelector<HTMLInputElement>('input[name="q"]')!;
    input.value = ' ada@example.com ';
    input.dispatchEvent(new Event('input'));
    await settle();
    root().querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/support?q=ada@example.com');
    const request = httpTesting.expectOne((r) => r.url === '/api/support/users');
    expect(request.request.params.get('email')).toBe('ada@example.com');
    request.flush({
      user: { id: 'u1', email: 'ada@example.com', plan: 'FREE', role: 'USER', createdAt: '2026-01-01T00:00:00Z' },
      drafts: [{ id: D1, status: 'FAILED_SOMEHOW', title: null, updatedAt: 'garbage' }, { status: 'READY' }],
    });
    await settle();
    expect(root().querySelector('h2')?.textContent).toContain('ada@example.com');
    const items = root().querySelectorAll('ul.drafts li');
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain('Untitled draft');
    expect(items[0].textContent).toContain('FAILED_SOMEHOW');
    expect(items[0].textContent).toContain('garbage');

    items[0].querySelector('a')!.click();
    await settle();
    expect(TestBed.inject(Router).url).toBe(`/support?q=ada@example.com&draft=${D1}`);
    httpTesting.expectOne(`/api/support/drafts/${D1}/timeline`).flush({ events: [] });
    httpTesting.expectOne(`/api/support/drafts/${D1}/workflow`).flush({ history: [] });
    await settle();
    expect(root().textContent).toContain('No events recorded');
    expect(root().querySelector('ul.drafts li.selected')).not.toBeNull();
  });

  it('says when nobody has that e-mail', async () => {
    await open('/support?q=nobody@example.com');
    httpTesting
      .expectOne((r) => r.url === '/api/support/users')
      .flush({ error: { code: 'NOT_FOUND', message: 'Nothing was found.' } }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(root().textContent).toContain('No user with this e-mail or id.');
    expect(root().querySelector('[role="alert"]')).toBeNull();
  });

  it('shows the timeline grouped by stream and the workflow history with failures and a Temporal link', async () => {
    await openDraft();
    const headings = Array.from(root().querySelectorAll('app-event-timeline h3')).map((h) => h.textContent?.replace(/\s+/g, ' ').trim());
    expect(headings).toEqual(['Draft (1)', 'Jobs (1)']);
    const failedRows = root().querySelectorAll('app-workflow-table tr.failed');
    expect(failedRows).toHaveLength(1);
    expect(failedRows[0].textContent).toContain('JOB_DESCRIPTION_REQUIRED');
    expect(failedRows[0].textContent).toContain('analyzeDraft');
    expect(root().querySelector('app-workflow-table')?.textContent).toContain('1 failure');
    const link = root().querySelector<HTMLAnchorElement>('app-workflow-table a')!;
    expect(link.href).toBe(`http://localhost:8233/namespaces/default/workflows/draft-${D1}`);
    expect(link.rel).toContain('noopener');
  });

  it('replays the workflow and shows a green, then a red verdict', async () => {
    await openDraft();
    button('Replay workflow').click();
    await settle();
    let replay = httpTesting.expectOne(`/api/support/drafts/${D1}/workflow/replay`);
    expect(replay.request.method).toBe('POST');
    replay.flush({ workflowId: `draft-${D1}`, deterministic: true });
    await settle();
    expect(root().querySelector('.verdict.ok')?.textContent).toContain('Deterministic');

    button('Replay workflow').click();
    await settle();
    replay = httpTesting.expectOne(`/api/support/drafts/${D1}/workflow/replay`);
    replay.flush({ deterministic: false, error: 'DeterminismViolationError: activity mismatch' });
    await settle();
    const bad = root().querySelector('.verdict.bad')!;
    expect(bad.textContent).toContain('Not deterministic');
    expect(bad.querySelector('pre')?.textContent).toBe('DeterminismViolationError: activity mismatch');
    expect(root().querySelector('.verdict.ok')).toBeNull();
  });

  it('downloads the support bundle as a file', async () => {
    await openDraft();
    button('Download support bundle').click();
    await settle();
    httpTesting
      .expectOne(`/api/support/drafts/${D1}/bundle`)
      .flush('{"draftId":"x"}', { headers: { 'content-disposition': `attachment; filename="support-bundle-${D1}.json"` } });
    await settle();
    expect(saveFile).toHaveBeenCalledWith(`support-bundle-${D1}.json`, '{"draftId":"x"}', 'application/json');
  });

  it('shows a workflow that never ran as the API says, and a timeline failure as an alert', async () => {
    await open(`/support?draft=${D1}`);
    httpTesting
      .expectOne(`/api/support/drafts/${D1}/timeline`)
      .flush({ error: { code: 'SERVER_ERROR', message: 'Boom.' }, requestId: 'r1' }, { status: 500, statusText: 'Error' });
    httpTesting
      .expectOne(`/api/support/drafts/${D1}/workflow`)
      .flush({ error: { code: 'NOT_FOUND', message: 'No workflow has run for this draft.' } }, { status: 404, statusText: 'Not Found' });
    await settle();
    const alerts = Array.from(root().querySelectorAll('[role="alert"]')).map((a) => a.textContent);
    expect(alerts.join('|')).toContain('Boom. (SERVER_ERROR)');
    expect(alerts.join('|')).toContain('No workflow has run for this draft. (NOT_FOUND)');
  });

  it('rebuilds a projection only after confirmation', async () => {
    await open('/support');
    const select = root().querySelector<HTMLSelectElement>('select')!;
    expect(Array.from(select.options).map((o) => o.value)).toEqual([
      'stream-catalog', 'users', 'sessions', 'users-guests', 'drafts', 'jobs', 'analyses', 'revenue',
    ]);
    select.value = 'jobs';
    select.dispatchEvent(new Event('change'));
    button('Rebuild projection').click();
    await settle();
    expect(document.querySelector('mat-dialog-container')?.textContent).toContain('Rebuild “jobs”?');
    Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-actions button'))
      .find((b) => b.textContent?.trim() === 'Cancel')!
      .click();
    await dialogAnimation();
    await settle();
    httpTesting.expectNone('/api/support/projections/jobs/rebuild');

    button('Rebuild projection').click();
    await settle();
    Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-actions button'))
      .filter((b) => b.textContent?.trim() === 'Rebuild')
      .at(-1)!
      .click();
    await dialogAnimation();
    await settle();
    const request = httpTesting.expectOne('/api/support/projections/jobs/rebuild');
    expect(request.request.method).toBe('POST');
    request.flush({ projection: 'jobs', rebuilding: true }, { status: 202, statusText: 'Accepted' });
    await settle();
    expect(root().textContent).toContain('Rebuilding jobs');
  });

  it('shows the not-allowed page with the API’s message when the API refuses (403)', async () => {
    await open('/support?q=ada@example.com');
    httpTesting
      .expectOne((r) => r.url === '/api/support/users')
      .flush({ error: { code: 'FORBIDDEN', message: 'You are not allowed to do that.' } }, { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(root().querySelector('app-not-allowed')?.textContent).toContain('You are not allowed to do that. (FORBIDDEN)');
    expect(root().querySelector('form')).toBeNull();
  });
});
