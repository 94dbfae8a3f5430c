import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { DraftsList, SEARCH_DEBOUNCE_MS } from './drafts-list';

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Lets timers, navigation and change detection run; never waits for open requests (whenStable would). */
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await macrotask();
    TestBed.tick();
  }
}

const draft = (id: string, extra: object = {}) => ({
  id,
  title: `Draft ${id}`,
  status: 'DRAFT',
  job: { title: 'Frontend engineer', company: 'Acme' },
  resume: { displayName: 'cv.pdf', kind: 'pdf', size: 120_000 },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z',
  ...extra,
});

/** The dialog reports its result once its closing animation has finished. */
const dialogAnimation = () => new Promise<void>((resolve) => setTimeout(resolve, 250));

describe('DraftsList', () => {
  let harness: RouterTestingHarness;
  let httpTesting: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'drafts', component: DraftsList }], withComponentInputBinding()),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: SEARCH_DEBOUNCE_MS, useValue: 0 },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => httpTesting.verify());

  const root = () => harness.routeNativeElement as HTMLElement;
  const listRequest = (): TestRequest =>
    httpTesting.expectOne((r) => r.url === '/api/drafts' && r.method === 'GET');
  async function flushList(body: object | null): Promise<TestRequest> {
    const request = listRequest();
    request.flush(body);
    await settle();
    return request;
  }
  async function open(url = '/drafts'): Promise<void> {
    await harness.navigateByUrl(url);
    TestBed.tick();
  }

  it('lists drafts defensively: missing job, résumé, title or an unknown status still render', async () => {
    await open();
    await flushList({
      items: [draft('d1'), { id: 'd2', title: null, status: 'ARCHIVED', job: null, resume: null }],
      total: 2,
      page: 1,
      pageSize: 20,
    });
    const items = Array.from(root().querySelectorAll('li.draft')).map(
      (li) => li.textContent?.replace(/\s+/g, ' ') ?? '',
    );
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('Draft d1');
    expect(items[0]).toContain('Frontend engineer · Acme');
    expect(items[0]).toContain('cv.pdf (120 kB)');
    expect(items[1]).toContain('Untitled draft');
    expect(items[1]).toContain('No résumé yet');
    expect(items[1]).toContain('ARCHIVED');
    expect(root().querySelector('[role="status"]')?.textContent).toContain('2 drafts');
  });

  it('shows an empty state with a call to action for a new user', async () => {
    await open();
    await flushList({ items: [], total: 0, page: 1, pageSize: 20 });
    expect(root().textContent).toContain('No drafts yet');
    expect(root().querySelector('.empty a')?.getAttribute('href')).toBe('/drafts/new');
  });

  it('searches after typing (debounced), keeps the query in the URL and resets to page 1', async () => {
    await open('/drafts?page=3');
    let request = listRequest();
    expect(request.request.params.get('page')).toBe('3');
    request.flush({ items: [draft('d1')], total: 41, page: 3, pageSize: 20 });
    await settle();

    const input = root().querySelector<HTMLInputElement>('input[type="search"]')!;
    input.value = 'ac';
    input.dispatchEvent(new Event('input'));
    input.value = 'acme';
    input.dispatchEvent(new Event('input'));
    await settle();

    request = listRequest();
    expect(request.request.params.get('q')).toBe('acme');
    expect(request.request.params.get('page')).toBe('1');
    expect(TestBed.inject(Router).url).toBe('/drafts?q=acme');
    request.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await settle();
    expect(root().textContent).toContain('No drafts match');
  });

  it('filters by status with the chips', async () => {
    await open();
    await flushList({ items: [draft('d1')], total: 1, page: 1, pageSize: 20 });
    const chip = Array.from(root().querySelectorAll<HTMLElement>('mat-chip-option')).find((c) =>
      c.textContent?.includes('Ready'),
    )!;
    chip.querySelector<HTMLElement>('button, [role="option"]')?.click() ?? chip.click();
    await settle();
    const request = listRequest();
    expect(request.request.params.get('status')).toBe('READY');
    request.flush({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('pages with the paginator', async () => {
    await open();
    await flushList({ items: [draft('d1')], total: 45, page: 1, pageSize: 20 });
    root().querySelector<HTMLButtonElement>('button.mat-mdc-paginator-navigation-next')!.click();
    await settle();
    const request = listRequest();
    expect(request.request.params.get('page')).toBe('2');
    expect(request.request.params.get('pageSize')).toBe('20');
    request.flush({ items: [draft('d21')], total: 45, page: 2, pageSize: 20 });
  });

  it('deletes a draft only after confirmation, then reloads', async () => {
    await open();
    await flushList({ items: [draft('d1')], total: 1, page: 1, pageSize: 20 });

    root().querySelector<HTMLButtonElement>('button[aria-label="Delete Draft d1"]')!.click();
    await settle();
    const cancel = Array.from(
      document.querySelectorAll<HTMLButtonElement>('mat-dialog-actions button'),
    ).find((b) => b.textContent?.trim() === 'Cancel')!;
    expect(document.querySelector('mat-dialog-content')?.textContent).toContain('Draft d1');
    cancel.click();
    await dialogAnimation();
    await settle();
    httpTesting.expectNone((r) => r.method === 'DELETE');

    root().querySelector<HTMLButtonElement>('button[aria-label="Delete Draft d1"]')!.click();
    await settle();
    Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-actions button'))
      .filter((b) => b.textContent?.trim() === 'Delete')
      .at(-1)!
      .click();
    await dialogAnimation();
    await settle();
    const request = httpTesting.expectOne('/api/drafts/d1');
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    await flushList({ items: [], total: 0, page: 1, pageSize: 20 });
    expect(root().textContent).toContain('No drafts yet');
  });

  it('treats 401 (no account, no guest yet) as "no drafts", not as an error', async () => {
    await open();
    listRequest().flush(
      { error: { code: 'UNAUTHENTICATED', message: 'Please sign in to continue.' } },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle();
    expect(root().querySelector('[role="alert"]')).toBeNull();
    expect(root().textContent).toContain('No drafts yet');
    expect(root().querySelector('.empty a[href="/sign-in"]')).not.toBeNull();
  });

  it('shows a load error with its code and offers a retry', async () => {
    await open();
    await flushList(null);
    // (null is read as an empty page; now make the reload fail)
    const component = harness.routeDebugElement!.componentInstance as DraftsList;
    component.retry();
    TestBed.tick();
    listRequest().flush(
      {
        error: { code: 'NOT_READY', message: 'A service the product depends on is not available.' },
        requestId: 'r5',
      },
      { status: 503, statusText: 'Service Unavailable' },
    );
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('(NOT_READY)');
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('r5');
  });
});
