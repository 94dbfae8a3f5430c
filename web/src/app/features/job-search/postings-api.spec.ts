import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { PostingsApi, bestRequest, searchRequest } from './postings-api';

describe('PostingsApi', () => {
  let api: PostingsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    api = TestBed.inject(PostingsApi);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const query = { keywords: ' nurse ', location: 'Dublin ', remote: null, postedWithin: 30 };

  it('builds the search and best requests with trimmed queries', () => {
    expect(searchRequest(query, 2)).toEqual({
      url: '/api/jobs/search',
      method: 'POST',
      body: { keywords: 'nurse', location: 'Dublin', remote: null, postedWithin: 30, page: 2 },
    });
    expect(bestRequest('d1', query).body).toEqual({
      keywords: 'nurse',
      location: 'Dublin',
      remote: null,
      postedWithin: 30,
      draftId: 'd1',
    });
  });

  it('saves a search (name cut to 100) and deletes one', async () => {
    const saved = firstValueFrom(api.saveSearch(`  ${'n'.repeat(120)}`, query));
    const request = http.expectOne('/api/postings/saved-searches');
    expect(request.request.method).toBe('POST');
    expect(request.request.body.name).toHaveLength(100);
    expect(request.request.body.query).toEqual({
      keywords: 'nurse',
      location: 'Dublin',
      remote: null,
      postedWithin: 30,
    });
    request.flush({ id: 's1', position: 4 }, { status: 201, statusText: 'Created' });
    expect(await saved).toEqual({ id: 's1' });

    const removed = firstValueFrom(api.removeSaved('s/1'));
    const del = http.expectOne('/api/postings/saved-searches/s%2F1');
    expect(del.request.method).toBe('DELETE');
    del.flush(null, { status: 204, statusText: 'No Content' });
    await removed;
  });

  it('aims a new draft at a posting and reads its id; an answer without one is BAD_RESPONSE', async () => {
    const aimed = firstValueFrom(api.aim('p1'));
    const request = http.expectOne('/api/postings/p1/draft');
    expect(request.request.method).toBe('POST');
    request.flush({ id: 'd9', position: 12 }, { status: 201, statusText: 'Created' });
    expect(await aimed).toEqual({ draftId: 'd9', position: 12 });

    const broken = firstValueFrom(api.aim('p1')).catch((e: unknown) => e);
    http.expectOne('/api/postings/p1/draft').flush({}, { status: 201, statusText: 'Created' });
    expect(await broken).toMatchObject({ code: 'BAD_RESPONSE' });

    const gone = firstValueFrom(api.aim('p2')).catch((e: unknown) => e);
    http
      .expectOne('/api/postings/p2/draft')
      .flush(
        { error: { code: 'POSTING_NOT_FOUND', message: 'No such posting.' } },
        { status: 404, statusText: 'Not Found' },
      );
    expect(await gone).toMatchObject({ code: 'POSTING_NOT_FOUND', status: 404 });
  });
});
