import { HttpEventType, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from './api-error.interceptor';
import { ApiError } from './api-error';
import { DraftsApi, UploadProgress } from './drafts-api';

describe('DraftsApi', () => {
  let api: DraftsApi;
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    api = TestBed.inject(DraftsApi);
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpTesting.verify());

  it('lists with status, trimmed q, page and pageSize, and reads the page defensively', async () => {
    const answer = firstValueFrom(
      api.list({ status: 'READY', q: '  acme ', page: 2, pageSize: 10 }),
    );
    const request = httpTesting.expectOne((r) => r.url === '/api/drafts');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.get('status')).toBe('READY');
    expect(request.request.params.get('q')).toBe('acme');
    expect(request.request.params.get('page')).toBe('2');
    expect(request.request.params.get('pageSize')).toBe('10');
    expect(request.request.withCredentials).toBe(true);
    request.flush({
      items: [
        { id: 'd1', title: null, status: 'SOMETHING_NEW', job: null, resume: null },
        {
          id: 'd2',
          title: 'Acme',
          status: 'READY',
          job: { title: 'Dev', company: null },
          resume: { displayName: 'cv.pdf', kind: 'pdf', size: 1200 },
        },
        { title: 'no id: dropped' },
        'garbage',
      ],
      total: 12,
    });
    const page = await answer;
    expect(page.items.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(page.items[0]).toMatchObject({
      title: null,
      status: 'SOMETHING_NEW',
      job: null,
      resume: null,
    });
    expect(page.items[1].resume).toEqual({
      displayName: 'cv.pdf',
      kind: 'pdf',
      size: 1200,
      uploadedAt: null,
    });
    expect(page).toMatchObject({ total: 12, page: 2, pageSize: 10 });
  });

  it('leaves out empty filters', () => {
    api.list({ q: '   ', status: null }).subscribe();
    const request = httpTesting.expectOne((r) => r.url === '/api/drafts');
    expect(request.request.params.keys().sort()).toEqual(['page', 'pageSize']);
    request.flush(null);
  });

  it('reads a draft, with the x-min-position header after a write', async () => {
    const answer = firstValueFrom(api.get('d1', 42));
    const request = httpTesting.expectOne('/api/drafts/d1');
    expect(request.request.headers.get('x-min-position')).toBe('42');
    request.flush({
      id: 'd1',
      title: 'T',
      status: 'DRAFT',
      job: { title: null, company: null, text: 'We need TypeScript' },
      extraction: {
        text: 'Résumé text',
        warnings: [{ code: 'MULTI_COLUMN', message: 'Two columns' }, 'TABLES', 5],
      },
    });
    const draft = await answer;
    expect(draft.job?.text).toBe('We need TypeScript');
    expect(draft.extraction?.warnings).toEqual([
      { code: 'MULTI_COLUMN', message: 'Two columns' },
      { code: 'TABLES', message: 'TABLES' },
    ]);
  });

  it('refuses a draft answer without an id as BAD_RESPONSE', async () => {
    const answer = firstValueFrom(api.get('d1')).catch((e: unknown) => e);
    httpTesting.expectOne('/api/drafts/d1').flush({ title: 'no id' });
    expect(await answer).toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('creates a draft and reads { id } as well as { draft: { id } }', async () => {
    let answer = firstValueFrom(api.create({ title: 'T', job: { text: 'JD' } }));
    let request = httpTesting.expectOne('/api/drafts');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ title: 'T', job: { text: 'JD' } });
    request.flush({ id: 'd9', position: 7 }, { status: 201, statusText: 'Created' });
    expect(await answer).toEqual({ id: 'd9', position: 7 });

    answer = firstValueFrom(api.create({ job: { text: 'JD' } }));
    request = httpTesting.expectOne('/api/drafts');
    request.flush({ draft: { id: 'd10' }, position: 8 }, { status: 201, statusText: 'Created' });
    expect(await answer).toEqual({ id: 'd10', position: 8 });
  });

  it('deletes with DELETE and encodes the id', async () => {
    const done = firstValueFrom(api.remove('a/b'), { defaultValue: undefined });
    const request = httpTesting.expectOne('/api/drafts/a%2Fb');
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await done;
  });

  it('uploads the file as multipart field "file" and reports progress, then the result', () => {
    const events: UploadProgress[] = [];
    const file = new File(['hello'], 'cv.txt', { type: 'text/plain' });
    api.uploadResume('d1', file).subscribe((event) => events.push(event));
    const request = httpTesting.expectOne('/api/drafts/d1/resume');
    expect(request.request.method).toBe('POST');
    expect(request.request.reportUploadProgress).toBe(true);
    const body = request.request.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect((body.get('file') as File).name).toBe('cv.txt');

    request.event({ type: HttpEventType.Sent });
    request.event({ type: HttpEventType.UploadProgress, loaded: 50, total: 200 });
    request.event({ type: HttpEventType.UploadProgress, loaded: 200, total: 200 });
    request.event({ type: HttpEventType.UploadProgress, loaded: 10 });
    request.flush(
      {
        resume: { displayName: 'cv.txt', kind: 'txt', size: 5, uploadedAt: '2026-01-01T00:00:00Z' },
        warnings: [],
        position: 9,
      },
      { status: 201, statusText: 'Created' },
    );

    expect(events).toEqual([
      { type: 'progress', loaded: 50, total: 200, fraction: 0.25 },
      { type: 'progress', loaded: 200, total: 200, fraction: 1 },
      { type: 'progress', loaded: 10, total: null, fraction: null },
      {
        type: 'done',
        upload: {
          resume: {
            displayName: 'cv.txt',
            kind: 'txt',
            size: 5,
            uploadedAt: '2026-01-01T00:00:00Z',
          },
          warnings: [],
          position: 9,
        },
      },
    ]);
  });

  it('turns a refused upload into an ApiError with the API code', async () => {
    const answer = firstValueFrom(api.uploadResume('d1', new File(['x'], 'cv.pdf'))).catch(
      (e: unknown) => e,
    );
    httpTesting
      .expectOne('/api/drafts/d1/resume')
      .flush(
        {
          error: { code: 'NO_TEXT_LAYER', message: 'No text could be found in this file.' },
          requestId: 'r1',
        },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    const error = (await answer) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('NO_TEXT_LAYER');
  });
});
