import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { FakeEventSource, fakeEventSourceFactory } from '../../testing/fake-event-source';
import { CLIPBOARD, CoverLetterPanel } from './cover-letter-panel';
import { EXPORTS_CATCH_UP, OPEN_DOWNLOAD } from './export-panel';
import { EVENT_SOURCE, JOB_POLL_MS } from './job-watcher';

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const JOB = '33333333-3333-4333-8333-333333333333';
const suggestion = {
  text: 'Dear Hiring Manager,\n\nI am applying for the analyst role.\n\nSincerely,\nJane Doe',
  dropped: [{ sentence: 'I led 500 people.', reasons: ['not in the résumé'] }],
};

describe('CoverLetterPanel', () => {
  let fixture: ComponentFixture<CoverLetterPanel>;
  let http: HttpTestingController;
  let opened: string[];
  let clipboard: { writeText: (text: string) => Promise<void> } | null;
  let copiedTexts: string[];

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await macrotask();
      fixture.detectChanges();
    }
  }

  function configure(): void {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: EVENT_SOURCE, useValue: fakeEventSourceFactory },
        { provide: JOB_POLL_MS, useValue: 10 },
        { provide: OPEN_DOWNLOAD, useValue: (url: string) => opened.push(url) },
        { provide: CLIPBOARD, useFactory: () => clipboard },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  }

  async function create(draftId: string | null, saved: object = { letter: null }): Promise<void> {
    fixture = TestBed.createComponent(CoverLetterPanel);
    fixture.componentRef.setInput('letter', suggestion);
    fixture.componentRef.setInput('draftId', draftId);
    fixture.detectChanges();
    if (draftId) http.expectOne(`/api/drafts/${draftId}/cover-letter`).flush(saved);
    await settle();
  }

  beforeEach(() => {
    FakeEventSource.reset();
    EXPORTS_CATCH_UP.delayMs = 1;
    opened = [];
    copiedTexts = [];
    clipboard = { writeText: async (text: string) => void copiedTexts.push(text) };
  });
  afterEach(() => http.verify());

  const el = () => fixture.nativeElement as HTMLElement;
  const editor = () => el().querySelector<HTMLTextAreaElement>('textarea')!;
  const button = (name: RegExp) =>
    Array.from(el().querySelectorAll('button')).find((b) => name.test(b.textContent ?? ''))!;
  const type = async (text: string) => {
    editor().value = text;
    editor().dispatchEvent(new Event('input'));
    await settle();
  };

  it('starts from the saved letter, saves an edit and says so', async () => {
    configure();
    await create('d1', {
      letter: {
        text: 'My own letter.\n\nBest,\nJane',
        source: 'edited',
        savedAt: '2026-03-01T10:00:00Z',
      },
    });
    expect(editor().value).toBe('My own letter.\n\nBest,\nJane');
    expect(el().querySelector('[role=status]')?.textContent).toContain('Saved');

    await type('My own letter, better.\n\nBest,\nJane');
    expect(el().textContent).toContain('Not saved yet');
    el().querySelector<HTMLButtonElement>('.save-button')!.click();
    const put = http.expectOne({ method: 'PUT', url: '/api/drafts/d1/cover-letter' });
    expect(put.request.body).toEqual({ text: 'My own letter, better.\n\nBest,\nJane' });
    put.flush({ text: 'My own letter, better.\n\nBest,\nJane', saved: true, position: 9 });
    await settle();
    expect(el().querySelector('[role=status]')?.textContent).toContain('Saved');

    button(/use the suggestion/i).click();
    await settle();
    expect(editor().value).toBe(suggestion.text);
    expect(el().textContent).toContain('Not saved yet');
  });

  it('copies the text on screen with a visible "Copied"', async () => {
    configure();
    await create('d1');
    await type('Edited for copying');
    button(/copy/i).click();
    await settle();
    expect(copiedTexts).toEqual(['Edited for copying']);
    expect(el().querySelector('.copied')?.textContent).toContain('Copied');
    expect(button(/copied/i)).toBeTruthy();
  });

  it('selects the text for Ctrl+C when the Clipboard API is missing or refuses', async () => {
    clipboard = null;
    configure();
    await create(null);
    button(/copy/i).click();
    await settle();
    expect(el().querySelector('.copied')).toBeNull();
    expect(el().querySelector('.fallback')?.textContent).toContain('press Ctrl+C');
    expect(editor().selectionStart).toBe(0);
    expect(editor().selectionEnd).toBe(suggestion.text.length);
  });

  it('falls back too when the browser refuses the write', async () => {
    clipboard = { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) };
    configure();
    await create(null);
    button(/copy/i).click();
    await settle();
    expect(el().querySelector('.fallback')).toBeTruthy();
  });

  it('downloads: saves the edit, starts the export job, shows progress, then opens the file link', async () => {
    configure();
    await create('d1');
    await type('Dear team,\n\nHire me.');
    el().querySelector<HTMLSelectElement>('select')!.value = 'modern';
    el().querySelector('select')!.dispatchEvent(new Event('change'));
    await settle();
    button(/docx/i).click();
    await settle();
    http
      .expectOne({ method: 'PUT', url: '/api/drafts/d1/cover-letter' })
      .flush({ text: 'Dear team,\n\nHire me.', saved: true, position: 3 });
    await settle();
    const start = http.expectOne({ method: 'POST', url: '/api/drafts/d1/cover-letter/export' });
    expect(start.request.body).toEqual({ format: 'DOCX', template: 'modern' });
    expect(start.request.headers.get('Idempotency-Key')).toMatch(/^[\x21-\x7e]{8,}$/);
    start.flush({ jobId: JOB }, { status: 202, statusText: 'Accepted' });
    await settle();
    expect(el().textContent).toContain('Building your cover letter (DOCX)');
    expect(el().querySelector('mat-progress-bar')).toBeTruthy();
    FakeEventSource.last().emit('job', {
      id: JOB,
      kind: 'finalize',
      status: 'succeeded',
      steps: {},
    });
    await settle();
    // The export is a moment behind its job in the read model: a 404 is asked again.
    http
      .expectOne(`/api/exports/${JOB}`)
      .flush(
        { error: { code: 'NOT_FOUND', message: 'no' } },
        { status: 404, statusText: 'Not Found' },
      );
    await new Promise((r) => setTimeout(r, 5));
    await settle();
    http
      .expectOne(`/api/exports/${JOB}`)
      .flush({ id: JOB, downloadUrl: '/api/files/tok.en', expiresAt: 'x' });
    await settle();
    expect(opened).toEqual([`${location.origin}/api/files/tok.en`]);
    expect(el().querySelector('mat-progress-bar')).toBeNull();
  });

  it('explains a failed export and a refused start', async () => {
    configure();
    await create('d1', { letter: { text: suggestion.text, source: 'generated', savedAt: null } });
    button(/pdf/i).click();
    await settle();
    http
      .expectOne('/api/drafts/d1/cover-letter/export')
      .flush({ jobId: JOB }, { status: 202, statusText: 'Accepted' });
    await settle();
    FakeEventSource.last().emit('job', {
      id: JOB,
      status: 'failed',
      errorCode: 'COVER_LETTER_NOT_FOUND',
      steps: {},
    });
    await settle();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('download failed');
    expect(opened).toEqual([]);

    button(/pdf/i).click();
    await settle();
    http
      .expectOne('/api/drafts/d1/cover-letter/export')
      .flush(
        {
          error: { code: 'COVER_LETTER_NOT_FOUND', message: 'This draft has no cover letter yet.' },
        },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('could not start');
  });

  it('keeps hostile text as text and is copy-only without a draft', async () => {
    configure();
    fixture = TestBed.createComponent(CoverLetterPanel);
    fixture.componentRef.setInput('letter', {
      text: '<script>alert(1)</script>\u202e',
      dropped: [{ sentence: '<img src=x onerror=alert(1)>', reasons: [] }],
    });
    fixture.detectChanges();
    await settle();
    expect(editor().value).toContain('<script>alert(1)</script>');
    expect(el().querySelector('script, img')).toBeNull();
    expect(el().querySelector('details')?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(el().querySelector('.save-button')).toBeNull();
    expect(el().querySelector('.download')).toBeNull();
  });

  it('ignores a malformed saved-letter answer and keeps the suggestion', async () => {
    configure();
    await create('d1', { letter: { text: 42 } });
    expect(editor().value).toBe(suggestion.text);
  });
});
