import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { safeDownloadUrl } from '../../core/api/exports-api';
import { FakeEventSource, fakeEventSourceFactory } from '../../testing/fake-event-source';
import { EXPORTS_CATCH_UP, ExportPanel, OPEN_DOWNLOAD } from './export-panel';
import { EVENT_SOURCE, JOB_POLL_MS } from './job-watcher';

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const JOB = '22222222-2222-4222-8222-222222222222';
const item = (id: string, extra: object = {}) => ({
  id,
  draftId: 'd1',
  kind: 'resume',
  format: 'PDF',
  template: 'modern',
  fileName: 'Jane Doe – résumé.pdf',
  bytes: 48_000,
  pages: 2,
  watermarked: true,
  changesApplied: 1,
  createdAt: '2026-03-01T10:00:00Z',
  ...extra,
});

describe('ExportPanel', () => {
  let fixture: ComponentFixture<ExportPanel>;
  let http: HttpTestingController;
  let opened: string[];
  let finalized: string[];

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await macrotask();
      fixture.detectChanges();
    }
  }

  async function create(status: string): Promise<void> {
    fixture = TestBed.createComponent(ExportPanel);
    fixture.componentRef.setInput('draftId', 'd1');
    fixture.componentRef.setInput('status', status);
    fixture.componentInstance.finalized.subscribe((id) => finalized.push(id));
    fixture.detectChanges();
    await settle();
  }

  beforeEach(() => {
    FakeEventSource.reset();
    EXPORTS_CATCH_UP.delayMs = 1;
    opened = [];
    finalized = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: EVENT_SOURCE, useValue: fakeEventSourceFactory },
        { provide: JOB_POLL_MS, useValue: 10 },
        { provide: OPEN_DOWNLOAD, useValue: (url: string) => opened.push(url) },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const el = () => fixture.nativeElement as HTMLElement;
  const button = (name: RegExp) =>
    Array.from(el().querySelectorAll('button')).find((b) => name.test(b.textContent ?? ''))!;

  it('finalizes with the chosen template and format, follows the job, lists and downloads the file', async () => {
    await create('READY');
    // A READY draft has no files yet: nothing is asked.
    http.expectNone('/api/drafts/d1/exports');
    const modern = el().querySelector<HTMLInputElement>('input[value=modern]')!;
    modern.click();
    const docx = el().querySelector<HTMLInputElement>('input[value=DOCX]')!;
    docx.click();
    await settle();
    expect(button(/export docx/i)).toBeTruthy();

    button(/export docx/i).click();
    const start = http.expectOne({ method: 'POST', url: '/api/drafts/d1/finalize' });
    expect(start.request.body).toEqual({ format: 'DOCX', template: 'modern' });
    expect(start.request.headers.get('Idempotency-Key')).toBeTruthy();
    start.flush({ jobId: JOB }, { status: 202, statusText: 'Accepted' });
    await settle();
    expect(el().textContent).toContain('Building your DOCX');
    FakeEventSource.last().emit('job', {
      id: JOB,
      kind: 'finalize',
      status: 'succeeded',
      steps: {},
    });
    await settle();
    expect(finalized).toEqual([JOB]);

    http.expectOne('/api/drafts/d1/exports').flush({ exports: [] });
    await new Promise((r) => setTimeout(r, 5));
    http
      .expectOne('/api/drafts/d1/exports')
      .flush({ exports: [item(JOB, { format: 'DOCX', pages: null })] });
    await settle();
    expect(el().querySelector('.file-name')?.textContent).toContain('Jane Doe – résumé.pdf');

    el().querySelector<HTMLButtonElement>('li.file button')!.click();
    http
      .expectOne(`/api/exports/${JOB}`)
      .flush({ ...item(JOB), downloadUrl: '/api/files/tok.en', expiresAt: 'x' });
    await settle();
    expect(opened).toEqual([`${location.origin}/api/files/tok.en`]);
  });

  it('reads hostile lists safely and refuses a javascript: download link', async () => {
    await create('FINALIZED');
    expect(el().textContent).toContain('Finalized');
    http.expectOne('/api/drafts/d1/exports').flush({
      exports: [
        null,
        { id: 5 },
        item('e1', {
          fileName: '<script>alert(1)</script>',
          format: 'EXE',
          template: null,
          bytes: 'big',
        }),
      ],
    });
    await settle();
    expect(el().querySelectorAll('li.file').length).toBe(1);
    expect(el().querySelector('script')).toBeNull();
    expect(el().querySelector('.file-name')?.textContent).toContain('<script>');
    el().querySelector<HTMLButtonElement>('li.file button')!.click();
    http.expectOne('/api/exports/e1').flush({ downloadUrl: 'javascript:alert(1)' });
    await settle();
    expect(opened).toEqual([]);
    expect(el().querySelector('.file [role=alert]')?.textContent).toContain('BAD_RESPONSE');
  });

  it('explains a failed export job and disables export before the analysis is done', async () => {
    await create('DRAFT');
    expect(button(/export pdf/i).disabled).toBe(true);
    fixture.componentRef.setInput('status', 'READY');
    await settle();
    button(/export pdf/i).click();
    http
      .expectOne('/api/drafts/d1/finalize')
      .flush({ jobId: JOB }, { status: 202, statusText: 'Accepted' });
    await settle();
    FakeEventSource.last().emit('job', {
      id: JOB,
      status: 'failed',
      errorCode: 'RESUME_REQUIRED',
      steps: {},
    });
    await settle();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('export failed');
    expect(finalized).toEqual([]);
  });
});

describe('ExportPanel preview', () => {
  let fixture: ComponentFixture<ExportPanel>;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: EVENT_SOURCE, useValue: fakeEventSourceFactory },
        { provide: OPEN_DOWNLOAD, useValue: () => undefined },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      await macrotask();
      fixture.detectChanges();
    }
  }
  const el = () => fixture.nativeElement as HTMLElement;
  const button = (name: RegExp) =>
    Array.from(el().querySelectorAll('button')).find((b) => name.test(b.textContent ?? ''))!;

  const finalResume = {
    resume: {
      name: 'Jane Doe',
      contactLine: ['jane@example.com', 'Berlin'],
      links: [],
      sections: [
        {
          kind: 'experience',
          heading: 'EXPERIENCE',
          body: {
            kind: 'entries',
            entries: [
              {
                heading: 'Analyst — Northwind',
                dates: 'Jan 2020 – Present',
                bullets: ['Cut costs by 20%', '<img src=x onerror=alert(1)>'],
              },
            ],
          },
        },
        { kind: 'skills', heading: 'SKILLS', body: { kind: 'list', items: ['SQL', 'Python'] } },
        {
          kind: 'other',
          heading: 'ADDITIONAL',
          body: { kind: 'lines', lines: ['Volunteer, 2019'] },
        },
      ],
    },
    changesApplied: 1,
  };

  it('shows the final résumé in the chosen template when asked, and restyles it without asking again', async () => {
    fixture = TestBed.createComponent(ExportPanel);
    fixture.componentRef.setInput('draftId', 'd1');
    fixture.componentRef.setInput('status', 'READY');
    fixture.detectChanges();
    await settle();
    http.expectNone('/api/drafts/d1/final-resume');

    const toggle = button(/preview/i);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await settle();
    http.expectOne('/api/drafts/d1/final-resume').flush(finalResume);
    await settle();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const page = el().querySelector('app-resume-preview .page')!;
    expect(page.classList).toContain('classic');
    expect(page.querySelector('.name')?.textContent).toContain('Jane Doe');
    expect(page.textContent).toContain('Analyst — Northwind | Jan 2020 – Present');
    expect(page.textContent).toContain('SQL, Python');
    expect(el().textContent).toContain('with 1 accepted change');
    // Résumé text is text: the hostile bullet is shown, never parsed.
    expect(page.querySelector('img')).toBeNull();
    expect(page.textContent).toContain('<img src=x onerror=alert(1)>');

    el().querySelector<HTMLInputElement>('input[value=compact]')!.click();
    await settle();
    expect(el().querySelector('app-resume-preview .page')!.classList).toContain('compact');
    http.expectNone('/api/drafts/d1/final-resume');

    button(/hide preview/i).click();
    await settle();
    expect(el().querySelector('app-resume-preview')).toBeNull();
  });

  it('is not offered before the analysis is done, and says when the preview cannot load', async () => {
    fixture = TestBed.createComponent(ExportPanel);
    fixture.componentRef.setInput('draftId', 'd1');
    fixture.componentRef.setInput('status', 'DRAFT');
    fixture.detectChanges();
    await settle();
    expect(button(/preview/i).disabled).toBe(true);
    fixture.componentRef.setInput('status', 'READY');
    await settle();
    button(/preview/i).click();
    await settle();
    http
      .expectOne('/api/drafts/d1/final-resume')
      .flush(
        { error: { code: 'RESUME_REQUIRED', message: 'Upload a résumé first.' } },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(el().querySelector('[role=alert]')?.textContent).toContain(
      'preview could not be loaded',
    );
    button(/try again/i).click();
    await settle();
    http.expectOne('/api/drafts/d1/final-resume').flush({ resume: null });
    await settle();
    expect(el().querySelector('app-resume-preview .page')).toBeTruthy();
  });
});

describe('safeDownloadUrl', () => {
  const origin = 'https://coach.example';
  it.each([
    ['/api/files/abc', 'https://coach.example/api/files/abc'],
    ['https://bucket.s3.amazonaws.com/k?sig=1', 'https://bucket.s3.amazonaws.com/k?sig=1'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['http://evil.example/x', null],
    [42, null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(safeDownloadUrl(input, origin)).toBe(expected);
  });
});
