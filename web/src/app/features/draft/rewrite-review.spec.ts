import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { FakeEventSource, fakeEventSourceFactory } from '../../testing/fake-event-source';
import { EVENT_SOURCE, JOB_POLL_MS } from './job-watcher';
import { REVIEW_CATCH_UP, RewriteReview } from './rewrite-review';

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const JOB = '11111111-1111-4111-8111-111111111111';

const review = (changes: object[], extra: object = {}) => ({
  jobId: JOB,
  createdAt: '2026-03-01T10:00:00Z',
  critiques: [],
  review: { jobId: JOB, regenCount: 1, lastRegenAt: '2026-03-01T10:00:00Z', changes, ...extra },
});
const change = (index: number, extra: object = {}) => ({
  index,
  original: `Led a team ${index}`,
  suggested: `Managed a team of 5 engineers ${index}`,
  decision: 'pending',
  text: null,
  ...extra,
});

describe('RewriteReview', () => {
  let fixture: ComponentFixture<RewriteReview>;
  let http: HttpTestingController;

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await macrotask();
      fixture.detectChanges();
    }
  }

  async function create(status = 'READY'): Promise<void> {
    fixture = TestBed.createComponent(RewriteReview);
    fixture.componentRef.setInput('draftId', 'd1');
    fixture.componentRef.setInput('status', status);
    fixture.detectChanges();
    await settle();
  }

  beforeEach(() => {
    FakeEventSource.reset();
    REVIEW_CATCH_UP.delayMs = 1;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: EVENT_SOURCE, useValue: fakeEventSourceFactory },
        { provide: JOB_POLL_MS, useValue: 10 },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const el = () => fixture.nativeElement as HTMLElement;
  const button = (name: RegExp, scope: ParentNode = el()) =>
    Array.from(scope.querySelectorAll('button')).find((b) => name.test(b.textContent ?? ''))!;
  const notFound = () =>
    http
      .expectOne('/api/drafts/d1/rewrite')
      .flush({ error: { code: 'REWRITE_NOT_FOUND', message: 'No rewrite.' } }, { status: 404, statusText: 'Not Found' });

  it('starts a rewrite with an Idempotency-Key, follows the job and shows the changes as word diffs', async () => {
    await create();
    notFound();
    await settle();
    expect(el().textContent).toContain('Get rewritten bullets');

    button(/suggest better bullets/i).click();
    const start = http.expectOne({ method: 'POST', url: '/api/drafts/d1/rewrite' });
    expect(start.request.headers.get('Idempotency-Key')).toMatch(/.{8,}/);
    start.flush({ jobId: JOB, position: 1 }, { status: 202, statusText: 'Accepted' });
    await settle();
    expect(el().textContent).toContain('Writing better bullets');
    const source = FakeEventSource.last();
    expect(source.url).toBe(`/api/jobs/${JOB}/stream`);
    source.emit('job', { id: JOB, kind: 'rewrite', status: 'succeeded', steps: {} });
    await settle();

    // The read model is a moment behind: an older review first, then the new one.
    http.expectOne('/api/drafts/d1/rewrite').flush({ ...review([]), review: { ...review([]).review, jobId: 'older' } });
    await new Promise((r) => setTimeout(r, 5));
    http.expectOne('/api/drafts/d1/rewrite').flush(review([change(0), change(3)]));
    await settle();

    const items = el().querySelectorAll('li.change');
    expect(items.length).toBe(2);
    expect(items[0].querySelector('.before del')?.textContent).toContain('Led');
    expect(items[0].querySelector('.after ins')?.textContent).toContain('Managed');
    expect(el().querySelector('.meta')?.textContent).toContain('suggestion');
    expect(el().querySelector('.meta')?.textContent).toContain('run 1');
    expect(el().querySelector('time')?.getAttribute('datetime')).toBe('2026-03-01T10:00:00Z');
  });

  it('accepts at once, and rolls back with the reason when the API refuses', async () => {
    await create();
    http.expectOne('/api/drafts/d1/rewrite').flush(review([change(0), change(3)]));
    await settle();
    const second = el().querySelectorAll('li.change')[1];
    button(/accept/i, second).click();
    await settle();
    expect(second.querySelector('.decision')?.textContent).toContain('Accepted');
    const post = http.expectOne({ method: 'POST', url: '/api/drafts/d1/rewrite/decisions' });
    expect(post.request.body).toEqual({ jobId: JOB, decisions: [{ index: 3, decision: 'accept' }] });
    post.flush({ error: { code: 'REWRITE_CHANGE_NOT_FOUND', message: 'No such change.' } }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(second.querySelector('.decision')?.textContent).toContain('Not decided');
    expect(second.querySelector('[role=alert]')?.textContent).toContain('REWRITE_CHANGE_NOT_FOUND');

    button(/reject/i, second).click();
    http.expectOne('/api/drafts/d1/rewrite/decisions').flush({ position: 9, written: 1 });
    await settle();
    expect(second.querySelector('.decision')?.textContent).toContain('Rejected');
    expect(second.querySelector('[role=alert]')).toBeNull();
    expect(el().textContent).toContain('Bullet 2: Rejected.');
  });

  it('edits inline: one line, at most 600 characters, hostile text stays text', async () => {
    await create();
    http.expectOne('/api/drafts/d1/rewrite').flush(review([change(0)]));
    await settle();
    button(/edit/i).click();
    await settle();
    const textarea = el().querySelector('textarea')!;
    expect(document.activeElement).toBe(textarea);
    expect(textarea.getAttribute('maxlength')).toBe('600');

    textarea.value = '   ';
    textarea.dispatchEvent(new Event('input'));
    await settle();
    expect(button(/save edit/i).disabled).toBe(true);

    textarea.value = 'Owned <img src=x onerror=alert(1)>\nthe\u202e on-call';
    textarea.dispatchEvent(new Event('input'));
    await settle();
    textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    const post = http.expectOne('/api/drafts/d1/rewrite/decisions');
    expect(post.request.body.decisions).toEqual([
      { index: 0, decision: 'edit', text: 'Owned <img src=x onerror=alert(1)> the on-call' },
    ]);
    post.flush({ position: 3, written: 1 });
    await settle();
    expect(el().querySelector('img')).toBeNull();
    expect(el().querySelector('.after')?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(el().querySelector('.decision')?.textContent).toContain('your edit');
  });

  it('says when a rewrite is possible again (cooldown, quota) and asks guests to sign up', async () => {
    await create();
    notFound();
    await settle();
    button(/suggest/i).click();
    http.expectOne({ method: 'POST', url: '/api/drafts/d1/rewrite' }).flush(
      { error: { code: 'REWRITE_COOLDOWN', message: 'Wait a moment.', details: { cooldownUntil: '2026-03-01T10:00:30Z' } } },
      { status: 429, statusText: 'Too Many Requests' },
    );
    await settle();
    expect(el().querySelector('[role=alert]')?.textContent).toMatch(/ask again on .*2026/);

    button(/suggest/i).click();
    http.expectOne({ method: 'POST', url: '/api/drafts/d1/rewrite' }).flush(
      { error: { code: 'PLAN_UPGRADE_REQUIRED', message: 'Upgrade.' } },
      { status: 403, statusText: 'Forbidden' },
    );
    await settle();
    expect(el().querySelector('a[href="/register"]')).not.toBeNull();
  });

  it('asks for no review when the draft has never had a rewrite', async () => {
    fixture = TestBed.createComponent(RewriteReview);
    fixture.componentRef.setInput('draftId', 'd1');
    fixture.componentRef.setInput('hasRewrite', false);
    fixture.detectChanges();
    await settle();
    http.expectNone('/api/drafts/d1/rewrite');
    expect(el().textContent).toContain('Get rewritten bullets');
  });

  it('locks a finalized draft and reads hostile reviews safely', async () => {
    await create('FINALIZED');
    http.expectOne('/api/drafts/d1/rewrite').flush({
      review: {
        jobId: JOB,
        regenCount: 'many',
        changes: [change(1), change(1), { index: -1, original: 'x', suggested: 'y' }, null, { index: 2, original: 5 }, change(4, { decision: 'weird' })],
      },
    });
    await settle();
    expect(el().querySelectorAll('li.change').length).toBe(2);
    expect(el().textContent).toContain('finalized');
    expect(button(/suggest/i).disabled).toBe(true);
    expect(Array.from(el().querySelectorAll('li.change button')).every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(el().querySelector('.meta')?.textContent).toContain('run 0');
  });
});
