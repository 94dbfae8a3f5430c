import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  TestRequest,
} from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { Session, SignedInUser } from '../../core/session/session';
import { JobSearch } from './job-search';

@Component({ selector: 'app-fake-draft', template: '<h1>Draft</h1>' })
class FakeDraft {}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await macrotask();
    TestBed.tick();
  }
}

const posting = (id: string, extra: object = {}) => ({
  id,
  title: `Frontend Engineer ${id}`,
  company: 'Initech',
  city: 'Lisbon',
  country: 'Portugal',
  remote: true,
  location: null,
  skills: ['Angular'],
  url: `https://initech.example/${id}`,
  postedAt: '2026-01-02T00:00:00Z',
  snippet: [
    { text: 'Build the portal in ', hit: false },
    { text: 'Angular', hit: true },
    { text: ' <img src=x onerror="alert(1)">', hit: false },
  ],
  rank: 0.5,
  ...extra,
});

describe('JobSearch', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const user = signal<SignedInUser | null>(null);

  beforeEach(async () => {
    user.set(null);
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'jobs', component: JobSearch },
            { path: 'drafts/:id', component: FakeDraft },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: Session, useValue: { user } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });
  afterEach(() => http.verify());

  const root = () => harness.routeNativeElement as HTMLElement;
  const search = (): TestRequest => http.expectOne((r) => r.url === '/api/jobs/search');
  const button = (name: RegExp) =>
    Array.from(root().querySelectorAll<HTMLButtonElement>('button')).find((b) =>
      name.test(b.textContent ?? ''),
    )!;
  async function open(url: string, signedIn = false): Promise<void> {
    if (signedIn) user.set({ id: 'u1', email: 'ada@example.com', plan: 'FREE', role: 'USER' });
    await harness.navigateByUrl(url);
    TestBed.tick();
  }
  async function flushMemory(saved: object[] = [], history: object[] = []): Promise<void> {
    http.expectOne('/api/postings/saved-searches').flush({ items: saved });
    http.expectOne('/api/postings/searches').flush({ items: history });
    await settle();
  }

  it('asks nothing before a search and invites one', async () => {
    await open('/jobs');
    await settle();
    http.expectNone('/api/jobs/search');
    expect(root().textContent).toContain('Find your next job');
    expect(root().textContent).toContain('Sign in to save searches');
  });

  it('searches what the URL says and draws hits as marks, the posting text as text only', async () => {
    await open('/jobs?q=angular&remote=yes&within=7&page=2');
    const request = search();
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      keywords: 'angular',
      location: '',
      remote: true,
      postedWithin: 7,
      page: 2,
    });
    request.flush({ items: [posting('p1')], total: 45, totalExact: true, page: 2, pageSize: 20 });
    await settle();

    const card = root().querySelector('app-posting-card')!;
    expect(card.querySelector('h3')?.textContent).toContain('Frontend Engineer p1');
    expect(card.textContent).toContain('Initech');
    expect(card.textContent).toContain('Lisbon, Portugal');
    expect(card.textContent).toContain('Remote');
    expect(card.textContent).toContain('Posted Jan 2, 2026');
    expect(Array.from(card.querySelectorAll('mark')).map((m) => m.textContent)).toEqual([
      'Angular',
    ]);
    expect(card.querySelector('img')).toBeNull();
    expect(card.querySelector('.snippet')?.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(card.querySelector<HTMLAnchorElement>('a[target="_blank"]')?.href).toBe(
      'https://initech.example/p1',
    );
    expect(root().querySelector('[role="status"]')?.textContent).toContain(
      '45 postings · “angular” · remote only · last 7 days',
    );
    expect(root().querySelector('mat-paginator')).not.toBeNull();
    // Guests are asked to sign in before tracking.
    expect(card.querySelector('a[href="/sign-in"]')?.textContent).toContain('Sign in to track');
  });

  it('puts the form into the URL on submit and goes back to page 1', async () => {
    await open('/jobs?q=old&page=3');
    search().flush({ items: [], total: 0, page: 3, pageSize: 20 });
    await settle();
    expect(root().textContent).toContain('No postings match');

    const keywords = root().querySelector<HTMLInputElement>('input[name="keywords"]')!;
    keywords.value = 'nurse';
    keywords.dispatchEvent(new Event('input'));
    const place = root().querySelector<HTMLInputElement>('input[name="location"]')!;
    place.value = 'Dublin';
    place.dispatchEvent(new Event('input'));
    button(/^\s*search\s*Search\s*$/i)?.click() ??
      root().querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/jobs?q=nurse&location=Dublin');
    const request = search();
    expect(request.request.body).toEqual({
      keywords: 'nurse',
      location: 'Dublin',
      remote: null,
      postedWithin: null,
      page: 1,
    });
    request.flush({ items: [posting('p2')], total: 1, page: 1, pageSize: 20 });
    await settle();
    expect(root().querySelector('mat-paginator')).toBeNull();
  });

  it('says "about" when the API only estimated a large total', async () => {
    await open('/jobs?q=engineer');
    search().flush({
      items: [posting('p1')],
      total: 12345,
      totalExact: false,
      page: 1,
      pageSize: 20,
    });
    await settle();
    expect(root().querySelector('[role="status"]')?.textContent).toContain('about 12,345 postings');
  });

  it('aims a new draft at a posting and opens it', async () => {
    await open('/jobs?q=angular');
    search().flush({ items: [posting('p1')], total: 1, page: 1, pageSize: 20 });
    await settle();
    button(/analyze my résumé/i).click();
    await settle();
    http
      .expectOne('/api/postings/p1/draft')
      .flush({ id: 'd9', position: 12 }, { status: 201, statusText: 'Created' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/drafts/d9');
  });

  it('shows why aiming failed', async () => {
    await open('/jobs?q=angular');
    search().flush({ items: [posting('p1')], total: 1, page: 1, pageSize: 20 });
    await settle();
    button(/analyze my résumé/i).click();
    await settle();
    http.expectOne('/api/postings/p1/draft').flush(
      {
        error: { code: 'POSTING_NOT_FOUND', message: 'This posting is no longer listed.' },
        requestId: 'r7',
      },
      { status: 404, statusText: 'Not Found' },
    );
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('(POSTING_NOT_FOUND)');
    expect(TestBed.inject(Router).url).toBe('/jobs?q=angular');
  });

  it('tracks a posting as a saved application, once', async () => {
    await open('/jobs?q=angular', true);
    const request = search();
    await flushMemory();
    request.flush({
      items: [posting('p1', { company: null, url: 'javascript:alert(1)' })],
      total: 1,
      page: 1,
      pageSize: 20,
    });
    await settle();
    // A first page arrived: shown in the history at once, then the history is read again.
    expect(root().querySelector('ul[aria-label="Recent searches"]')?.textContent).toContain(
      '“angular”',
    );
    expect(root().querySelector('ul[aria-label="Recent searches"]')?.textContent).toContain(
      '1 found',
    );
    http.expectOne('/api/postings/searches').flush({
      items: [
        { id: 'h1', query: { keywords: 'angular' }, results: 1, at: '2026-01-03T00:00:00Z' },
        { id: 'h0', query: { keywords: 'go' }, results: 4 },
      ],
    });
    await settle();
    const recent = Array.from(root().querySelectorAll('ul[aria-label="Recent searches"] li')).map(
      (li) => li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(recent).toEqual([expect.stringContaining('“angular”'), expect.stringContaining('“go”')]);

    button(/^\s*bookmark_add\s*Track\s*$/).click();
    await settle();
    const create = http.expectOne('/api/applications');
    expect(create.request.body).toEqual({
      company: 'Unknown company',
      role: 'Frontend Engineer p1',
      status: 'saved',
      postingId: 'p1',
      postingUrl: null,
    });
    create.flush({ id: 'a1', position: 3 }, { status: 201, statusText: 'Created' });
    await settle();
    const tracked = button(/Tracked/);
    expect(tracked.disabled).toBe(true);
  });

  it('saves, runs and deletes saved searches', async () => {
    await open('/jobs?q=nurse&location=Dublin', true);
    const request = search();
    await flushMemory([{ id: 's0', name: 'Old', query: { keywords: 'chef', remote: true } }]);
    request.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await settle();
    http.expectOne('/api/postings/searches').flush({ items: [] });
    await settle();

    const name = root().querySelector<HTMLInputElement>('app-search-memory input')!;
    expect(name.value).toBe('“nurse” · Dublin');
    name.value = 'Dublin nurses';
    name.dispatchEvent(new Event('input'));
    await settle();
    button(/save search/i).click();
    await settle();
    const save = http.expectOne('/api/postings/saved-searches');
    expect(save.request.body).toEqual({
      name: 'Dublin nurses',
      query: { keywords: 'nurse', location: 'Dublin', remote: null, postedWithin: null },
    });
    save.flush({ id: 's1', position: 9 }, { status: 201, statusText: 'Created' });
    await settle();
    const saved = () =>
      Array.from(root().querySelectorAll('ul[aria-label="Saved searches"] li')).map((li) =>
        li.textContent?.replace(/\s+/g, ' ').trim(),
      );
    expect(saved()).toEqual([
      expect.stringContaining('Dublin nurses'),
      expect.stringContaining('Old'),
    ]);

    root()
      .querySelector<HTMLButtonElement>('button[aria-label="Delete saved search Old"]')!
      .click();
    await settle();
    const del = http.expectOne('/api/postings/saved-searches/s0');
    expect(del.request.method).toBe('DELETE');
    del.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(saved()).toEqual([expect.stringContaining('Dublin nurses')]);

    button(/Dublin nurses/).click();
    await settle();
    expect(TestBed.inject(Router).url).toBe('/jobs?q=nurse&location=Dublin');
  });

  it('ranks the search against a draft’s résumé and shows the match score beside each posting', async () => {
    await open('/jobs?q=engineer');
    search().flush({ items: [posting('p1')], total: 1, page: 1, pageSize: 20 });
    await settle();
    button(/choose a résumé/i).click();
    await settle();
    http
      .expectOne((r) => r.url === '/api/drafts')
      .flush({
        items: [
          { id: 'd1', title: 'My CV', status: 'READY', resume: { displayName: 'cv.pdf' } },
          { id: 'd2', title: 'No file', status: 'DRAFT', resume: null },
        ],
        total: 2,
      });
    await settle();
    const page = harness.routeDebugElement!.componentInstance as JobSearch;
    expect(page.drafts.value()?.map((d) => d.id)).toEqual(['d1']);
    page.bestDraft.set('d1');
    page.scoreBest();
    await settle();
    const best = http.expectOne('/api/postings/best');
    expect(best.request.body).toEqual({
      keywords: 'engineer',
      location: '',
      remote: null,
      postedWithin: null,
      draftId: 'd1',
    });
    best.flush({
      draftId: 'd1',
      items: [posting('p2', { matchScore: 87.4 }), posting('p1', { matchScore: 12 })],
    });
    await settle();
    const scores = Array.from(root().querySelectorAll('ol app-posting-card .score')).map((s) =>
      s.getAttribute('aria-label'),
    );
    expect(scores).toEqual(['Match score 87 out of 100', 'Match score 12 out of 100']);

    button(/back to search results/i).click();
    await settle();
    expect(root().querySelector('ol app-posting-card')).toBeNull();
    expect(root().querySelectorAll('ul app-posting-card')).toHaveLength(1);
  });

  it('explains a résumé that has not been read yet', async () => {
    await open('/jobs?q=engineer');
    search().flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await settle();
    const page = harness.routeDebugElement!.componentInstance as JobSearch;
    page.bestOpen.set(true);
    await settle();
    http
      .expectOne((r) => r.url === '/api/drafts')
      .flush({ items: [{ id: 'd1', resume: { displayName: 'cv.pdf' } }], total: 1 });
    page.bestDraft.set('d1');
    page.scoreBest();
    await settle();
    http
      .expectOne('/api/postings/best')
      .flush(
        { error: { code: 'RESUME_TEXT_REQUIRED', message: 'x' } },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('has not been read yet');
  });

  it('shows a failed search with its code and retries', async () => {
    await open('/jobs?q=x');
    search().flush(
      { error: { code: 'NOT_READY', message: 'Not available.' }, requestId: 'r1' },
      { status: 503, statusText: 'Unavailable' },
    );
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('(NOT_READY)');
    button(/try again/i).click();
    await settle();
    search().flush({ items: [posting('p1')], total: 1, page: 1, pageSize: 20 });
    await settle();
    expect(root().querySelector('[role="alert"]')).toBeNull();
  });
});
