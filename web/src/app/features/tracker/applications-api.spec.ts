import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { ApplicationsApi } from './applications-api';

describe('ApplicationsApi', () => {
  let api: ApplicationsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    api = TestBed.inject(ApplicationsApi);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('creates, edits, moves and deletes', async () => {
    const created = firstValueFrom(
      api.create({ company: 'Acme', role: 'Dev', status: 'saved', postingId: 'p1' }),
    );
    const create = http.expectOne('/api/applications');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toEqual({
      company: 'Acme',
      role: 'Dev',
      status: 'saved',
      postingId: 'p1',
    });
    create.flush({ id: 'a1', position: 3 }, { status: 201, statusText: 'Created' });
    expect(await created).toEqual({ id: 'a1' });
    expect(api.recentlyCreated()).toEqual(['a1']);
    expect(api.recentlyCreated(Date.now() + 61_000)).toEqual([]);

    const moved = firstValueFrom(api.move('a1', 'interview'));
    const move = http.expectOne('/api/applications/a1');
    expect(move.request.method).toBe('PATCH');
    expect(move.request.body).toEqual({ status: 'interview' });
    move.flush({ position: 4 });
    await moved;

    const edited = firstValueFrom(api.update('a1', { notes: 'call back' }));
    const edit = http.expectOne('/api/applications/a1');
    expect(edit.request.body).toEqual({ notes: 'call back' });
    edit.flush({ position: 5 });
    await edited;

    const removed = firstValueFrom(api.remove('a1'));
    const del = http.expectOne('/api/applications/a1');
    expect(del.request.method).toBe('DELETE');
    del.flush(null, { status: 204, statusText: 'No Content' });
    await removed;
  });

  it('exports CSV as text and imports one, reading the row errors', async () => {
    const exported = firstValueFrom(api.exportCsv());
    const get = http.expectOne('/api/applications/export.csv');
    expect(get.request.responseType).toBe('text');
    get.flush('company,role\r\nAcme,Dev\r\n');
    expect(await exported).toBe('company,role\r\nAcme,Dev\r\n');

    const imported = firstValueFrom(api.importCsv('company,role\nA,B\n,\n'));
    const post = http.expectOne('/api/applications/import');
    expect(post.request.body).toEqual({ csv: 'company,role\nA,B\n,\n' });
    post.flush({ imported: 1, ids: ['x'], errors: [{ row: 3, problems: ['company: Too small'] }] });
    expect(await imported).toEqual({
      imported: 1,
      ids: ['x'],
      errors: [{ row: 3, problems: ['company: Too small'] }],
    });
  });

  it('passes refusals on as ApiErrors', async () => {
    const moved = firstValueFrom(api.move('gone', 'offer')).catch((e: unknown) => e);
    http.expectOne('/api/applications/gone').flush(
      {
        error: { code: 'APPLICATION_NOT_FOUND', message: 'No such application.' },
        requestId: 'r1',
      },
      { status: 404, statusText: 'Not Found' },
    );
    expect(await moved).toMatchObject({
      code: 'APPLICATION_NOT_FOUND',
      status: 404,
      requestId: 'r1',
    });
  });
});
