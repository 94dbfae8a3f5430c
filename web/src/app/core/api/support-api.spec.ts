import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from './api-error.interceptor';
import { SupportApi, filenameOf } from './support-api';

const ID = '3f2b9c1e-8a4d-4c2e-9b7a-1d2e3f4a5b6c';

describe('SupportApi', () => {
  let api: SupportApi;
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    api = TestBed.inject(SupportApi);
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpTesting.verify());

  it('looks a user up by e-mail, or by id when the text is a UUID', async () => {
    let answer = firstValueFrom(api.findUser('  ada@example.com '));
    let request = httpTesting.expectOne((r) => r.url === '/api/support/users');
    expect(request.request.params.get('email')).toBe('ada@example.com');
    expect(request.request.params.has('id')).toBe(false);
    request.flush({ user: { id: 'u1', email: 'ada@example.com' }, drafts: [] });
    expect((await answer).user?.id).toBe('u1');

    answer = firstValueFrom(api.findUser(ID));
    request = httpTesting.expectOne((r) => r.url === '/api/support/users');
    expect(request.request.params.get('id')).toBe(ID);
    request.flush({ user: null, drafts: null });
    expect(await answer).toEqual({ user: null, drafts: [] });
  });

  it('reads the timeline and workflow, and posts the replay', async () => {
    const timeline = firstValueFrom(api.timeline('d 1'));
    httpTesting.expectOne('/api/support/drafts/d%201/timeline').flush({ events: [{ position: 1, stream: 'draft-d', type: 'DraftCreated' }] });
    expect((await timeline)[0].type).toBe('DraftCreated');

    const workflow = firstValueFrom(api.workflow('d1'));
    httpTesting.expectOne('/api/support/drafts/d1/workflow').flush({ workflowId: 'draft-d1', temporalUi: null, history: [] });
    expect((await workflow).workflowId).toBe('draft-d1');

    const replay = firstValueFrom(api.replay('d1'));
    const request = httpTesting.expectOne('/api/support/drafts/d1/workflow/replay');
    expect(request.request.method).toBe('POST');
    request.flush({ workflowId: 'draft-d1', deterministic: false, error: 'DeterminismViolationError: x' });
    expect(await replay).toEqual({ deterministic: false, error: 'DeterminismViolationError: x' });
  });

  it('fetches the bundle as text with its file name, and keeps error envelopes readable', async () => {
    const bundle = firstValueFrom(api.bundle('d1'));
    httpTesting
      .expectOne('/api/support/drafts/d1/bundle')
      .flush('{"draftId":"d1"}', { headers: { 'content-disposition': 'attachment; filename="support-bundle-d1.json"' } });
    expect(await bundle).toEqual({ filename: 'support-bundle-d1.json', text: '{"draftId":"d1"}' });

    const failed = firstValueFrom(api.bundle('d1')).catch((e: unknown) => e);
    httpTesting
      .expectOne('/api/support/drafts/d1/bundle')
      .flush(JSON.stringify({ error: { code: 'FORBIDDEN', message: 'You are not allowed to do that.' } }), {
        status: 403,
        statusText: 'Forbidden',
      });
    expect(await failed).toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('makes a safe file name from any Content-Disposition', () => {
    expect(filenameOf(null, 'd1')).toBe('support-bundle-d1.json');
    expect(filenameOf('attachment; filename="../../etc/passwd"', 'd1')).toBe('.._.._etc_passwd');
    expect(filenameOf('attachment; filename=".."', 'd1')).toBe('support-bundle-d1.json');
  });

  it('rebuilds a projection with a POST', async () => {
    const done = firstValueFrom(api.rebuild('drafts'));
    const request = httpTesting.expectOne('/api/support/projections/drafts/rebuild');
    expect(request.request.method).toBe('POST');
    request.flush({ projection: 'drafts', rebuilding: true }, { status: 202, statusText: 'Accepted' });
    await done;
  });
});
