import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { ApplicationDetail } from './application-detail';

@Component({ selector: 'app-fake-tracker', template: '<h1>Tracker</h1>' })
class FakeTracker {}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await macrotask();
    TestBed.tick();
  }
}
const dialogAnimation = () => new Promise<void>((resolve) => setTimeout(resolve, 250));

const body = {
  id: 'a1',
  company: 'Initech',
  role: 'Frontend Engineer',
  status: 'saved',
  postingUrl: 'https://initech.example/1',
  postingId: 'p1',
  draftId: 'd1',
  notes: 'Ask about <b>remote</b>',
  appliedOn: null,
  followUpDueAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z',
};

describe('ApplicationDetail', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'tracker', component: FakeTracker },
            { path: 'tracker/:id', component: ApplicationDetail },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });
  afterEach(() => http.verify());

  const root = () => harness.routeNativeElement as HTMLElement;
  const button = (name: RegExp) =>
    Array.from(root().querySelectorAll<HTMLButtonElement>('button')).find((b) =>
      name.test(b.textContent ?? ''),
    )!;
  async function open(): Promise<void> {
    await harness.navigateByUrl('/tracker/a1');
    TestBed.tick();
    http.expectOne('/api/applications/a1').flush(body);
    http
      .expectOne('/api/applications/a1/history')
      .flush({ items: [{ from: null, to: 'saved', at: '2026-01-01T00:00:00Z' }] });
    await settle();
  }

  it('shows the application, its links, notes as text and its history', async () => {
    await open();
    expect(root().querySelector('h1')?.textContent).toContain('Frontend Engineer at Initech');
    expect(root().querySelector('a[href="/drafts/d1"]')?.textContent).toContain(
      'Open the linked draft',
    );
    expect(root().querySelector<HTMLAnchorElement>('a[target="_blank"]')?.href).toBe(
      'https://initech.example/1',
    );
    expect(root().querySelector<HTMLTextAreaElement>('textarea')?.value).toBe(
      'Ask about <b>remote</b>',
    );
    expect(root().querySelector('b')).toBeNull();
    expect(root().querySelector('.history')?.textContent).toContain('Added as Saved');
  });

  it('saves edited fields, refusing a non-http link first', async () => {
    await open();
    const type = (name: string, value: string) => {
      const field = root().querySelector<HTMLInputElement | HTMLTextAreaElement>(
        `[name="${name}"]`,
      )!;
      field.value = value;
      field.dispatchEvent(new Event('input'));
    };
    type('postingUrl', 'javascript:alert(1)');
    await settle();
    expect(root().textContent).toContain('starting with http:// or https://');
    expect(button(/save changes/i).disabled).toBe(true);
    type('postingUrl', 'https://initech.example/2');
    type('notes', 'Call Monday');
    type('appliedOn', '2026-01-04');
    await settle();
    button(/save changes/i).click();
    await settle();
    const patch = http.expectOne('/api/applications/a1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({
      company: 'Initech',
      role: 'Frontend Engineer',
      postingUrl: 'https://initech.example/2',
      appliedOn: '2026-01-04',
      notes: 'Call Monday',
    });
    patch.flush({ position: 5 });
    await settle();
    expect(root().querySelector('p[role="status"]')?.textContent).toContain('Changes saved.');
    expect(button(/save changes/i).disabled).toBe(true);
  });

  it('moves the status and shows the move in the history at once', async () => {
    await open();
    const page = harness.routeDebugElement!.componentInstance as ApplicationDetail;
    page.set('notes', 'typed, not saved yet');
    await page.move('sideways');
    await page.move('saved');
    http.expectNone('/api/applications/a1');
    const moved = page.move('applied');
    const patch = http.expectOne('/api/applications/a1');
    expect(patch.request.body).toEqual({ status: 'applied' });
    patch.flush({ position: 6 });
    await moved;
    await settle();
    expect(root().querySelector('.history')?.textContent).toContain('Saved → Applied');
    expect(page.current()?.appliedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(page.fields().notes).toBe('typed, not saved yet');
  });

  it('deletes after confirmation and goes back to the tracker', async () => {
    await open();
    button(/delete/i).click();
    await settle();
    Array.from(document.querySelectorAll<HTMLButtonElement>('mat-dialog-actions button'))
      .filter((b) => b.textContent?.trim() === 'Delete')
      .at(-1)!
      .click();
    await dialogAnimation();
    await settle();
    const del = http.expectOne('/api/applications/a1');
    expect(del.request.method).toBe('DELETE');
    del.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/tracker');
  });

  it('says when the application does not exist', async () => {
    await harness.navigateByUrl('/tracker/a1');
    TestBed.tick();
    http
      .expectOne('/api/applications/a1')
      .flush(
        { error: { code: 'APPLICATION_NOT_FOUND', message: 'x' } },
        { status: 404, statusText: 'Not Found' },
      );
    http
      .expectOne('/api/applications/a1/history')
      .flush(
        { error: { code: 'APPLICATION_NOT_FOUND', message: 'x' } },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain(
      'does not exist or was deleted',
    );
  });
});
