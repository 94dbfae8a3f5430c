import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { analysisAnswer, RESUME_TEXT } from '../../testing/analysis-fixture';
import { FakeEventSource, fakeEventSourceFactory } from '../../testing/fake-event-source';
import { DraftPage } from './draft-page';
import { EVENT_SOURCE, JOB_POLL_MS } from './job-watcher';

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await macrotask();
    TestBed.tick();
  }
}

const draftJson = (extra: object = {}) => ({
  id: 'd1',
  title: 'Acme application',
  status: 'DRAFT',
  job: { title: 'Frontend engineer', company: 'Acme', text: 'We need Angular.' },
  resume: { displayName: 'cv.pdf', kind: 'pdf', size: 120_000, uploadedAt: '2026-03-01T09:00:00Z' },
  extraction: null,
  createdAt: '2026-03-01T09:00:00Z',
  updatedAt: '2026-03-01T09:00:00Z',
  ...extra,
});

const jobJson = (status: string, steps: object = {}, extra: object = {}) => ({
  id: 'j1',
  draftId: 'd1',
  kind: 'analysis',
  status,
  currentStep: null,
  attempts: 1,
  errorCode: null,
  steps,
  createdAt: '2026-03-01T09:00:01Z',
  updatedAt: '2026-03-01T09:00:01Z',
  ...extra,
});

const step = (status: string, errorCode: string | null = null) => ({
  status,
  attempt: 1,
  errorCode,
  at: '2026-03-01T09:00:02Z',
});

describe('DraftPage', () => {
  let harness: RouterTestingHarness;
  let httpTesting: HttpTestingController;

  beforeEach(async () => {
    FakeEventSource.reset();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'drafts/:id', component: DraftPage }], withComponentInputBinding()),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: EVENT_SOURCE, useValue: fakeEventSourceFactory },
        { provide: JOB_POLL_MS, useValue: 10 },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    // The rewrite review, export and cover-letter panels read their own data (tested in their specs).
    for (const request of httpTesting.match((r) => /\/(rewrite|exports|cover-letter)$/.test(r.url)))
      request.flush(
        { error: { code: 'REWRITE_NOT_FOUND', message: 'No rewrite yet.' } },
        { status: 404, statusText: 'Not Found' },
      );
    httpTesting.verify();
  });

  const root = () => harness.routeNativeElement as HTMLElement;
  const stepTexts = () =>
    Array.from(root().querySelectorAll('app-pipeline-stepper li')).map((li) =>
      [
        li.querySelector('.label')?.textContent?.trim(),
        li.querySelector('.state')?.textContent?.trim(),
      ].join(': '),
    );

  async function open(url: string): Promise<void> {
    await harness.navigateByUrl(url);
    await settle();
  }

  it('follows ?job= live over SSE: the stepper updates, then the results load and render', async () => {
    await open('/drafts/d1?job=j1');
    httpTesting.expectOne('/api/drafts/d1').flush(draftJson());
    httpTesting.expectOne('/api/drafts/d1/jobs').flush({ jobs: [jobJson('queued')] });
    await settle();

    const source = FakeEventSource.last();
    expect(source.url).toBe('/api/jobs/j1/stream');
    expect(root().querySelector('h1')?.textContent).toContain('Acme application');

    source.emit(
      'job',
      jobJson(
        'running',
        { pay: step('waived'), extract: step('started') },
        { currentStep: 'extract' },
      ),
    );
    await settle();
    expect(stepTexts()).toEqual(['Pay: Free', 'Read résumé: In progress…', 'Analyze: Waiting']);
    expect(
      root().querySelector('app-pipeline-stepper [aria-live="polite"]')?.textContent,
    ).toContain('Read résumé: in progress…');
    httpTesting.expectNone('/api/drafts/d1/analysis');

    source.emit(
      'job',
      jobJson('succeeded', {
        pay: step('waived'),
        extract: step('succeeded'),
        analyze: step('succeeded'),
      }),
    );
    await settle();
    expect(source.closed).toBe(true);
    expect(stepTexts()).toEqual(['Pay: Free', 'Read résumé: Done', 'Analyze: Done']);

    // The finished job changed the draft (extracted text): it is read again, and the analysis loads.
    httpTesting
      .expectOne('/api/drafts/d1')
      .flush(draftJson({ status: 'IN_REVIEW', extraction: { text: RESUME_TEXT, warnings: [] } }));
    httpTesting.expectOne('/api/drafts/d1/analysis').flush(analysisAnswer());
    await settle();

    const results = root().querySelector('app-analysis-view')!;
    expect(results.querySelector('app-score-ring')?.getAttribute('aria-label')).toBe(
      'Match score 72 out of 100: Good match',
    );
    expect(Array.from(results.querySelectorAll('mark')).map((m) => m.textContent)).toEqual([
      'Angular',
      'TypeScript',
    ]);
    expect(results.textContent).toContain('GraphQL');
    expect(
      Array.from(results.querySelectorAll('del'))
        .map((d) => d.textContent)
        .join('|'),
    ).toContain('team');
    expect(
      Array.from(results.querySelectorAll('ins'))
        .map((d) => d.textContent)
        .join('|'),
    ).toContain('checkout redesign');
    expect(results.textContent).toContain('Two columns confuse ATS parsers.');
    expect(results.textContent).toContain('A severity this build does not know.');
    expect(results.textContent).toContain('Moderate');
    expect(results.querySelector('textarea')?.value).toContain('Dear hiring team');
    expect(results.querySelector('app-pro-upsell')).toBeNull();

    // A matched keyword chip is a toggle that emphasises its places in the résumé.
    const chip = results.querySelector<HTMLButtonElement>('button[aria-label^="Angular"]')!;
    chip.click();
    await settle();
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect(Array.from(results.querySelectorAll('mark.focused')).map((m) => m.textContent)).toEqual([
      'Angular',
    ]);
    chip.click();
    await settle();
    expect(results.querySelectorAll('mark.focused')).toHaveLength(0);
  });

  it('explains a failed step in plain words', async () => {
    await open('/drafts/d1?job=j1');
    httpTesting.expectOne('/api/drafts/d1').flush(draftJson());
    httpTesting.expectOne('/api/drafts/d1/jobs').flush({ jobs: [] });
    await settle();
    FakeEventSource.last().emit(
      'job',
      jobJson(
        'failed',
        { pay: step('succeeded'), extract: step('failed', 'NO_TEXT_LAYER') },
        { errorCode: 'NO_TEXT_LAYER' },
      ),
    );
    await settle();
    // No analysis exists for a failed first run.
    httpTesting.expectOne('/api/drafts/d1').flush(draftJson());
    httpTesting
      .expectOne('/api/drafts/d1/analysis')
      .flush(
        { error: { code: 'ANALYSIS_NOT_FOUND', message: 'No analysis yet.' } },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();

    expect(stepTexts()).toEqual(['Pay: Done', 'Read résumé: Failed', 'Analyze: Not run']);
    const alert = root().querySelector('app-pipeline-stepper [role="alert"]')?.textContent ?? '';
    expect(alert).toContain(
      'We found no text in this file — export it from Word/Google Docs as PDF with text',
    );
    expect(alert).toContain('NO_TEXT_LAYER');
  });

  it('falls back to polling when the stream fails', async () => {
    await open('/drafts/d1?job=j1');
    httpTesting.expectOne('/api/drafts/d1').flush(draftJson());
    httpTesting.expectOne('/api/drafts/d1/jobs').flush({ jobs: [jobJson('running')] });
    await settle();
    FakeEventSource.last().fail();
    httpTesting
      .expectOne('/api/jobs/j1')
      .flush(jobJson('running', { pay: step('succeeded') }, { currentStep: 'extract' }));
    await settle();
    expect(stepTexts()[0]).toBe('Pay: Done');
    await new Promise((resolve) => setTimeout(resolve, 20));
    httpTesting
      .expectOne('/api/jobs/j1')
      .flush(jobJson('failed', {}, { errorCode: 'PAYMENT_NOT_RECEIVED' }));
    await settle();
    httpTesting.expectOne('/api/drafts/d1').flush(draftJson());
    httpTesting
      .expectOne('/api/drafts/d1/analysis')
      .flush(
        { error: { code: 'ANALYSIS_NOT_FOUND', message: 'None' } },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    expect(root().querySelector('app-pipeline-stepper [role="alert"]')?.textContent).toContain(
      'The payment did not come through',
    );
  });

  it('shows the latest finished analysis without a stream, with PRO cards for panels the plan lacks', async () => {
    await open('/drafts/d1');
    httpTesting.expectOne('/api/drafts/d1').flush(
      draftJson({
        extraction: { text: 'short', warnings: [{ code: 'TABLES', message: 'Tables found' }] },
      }),
    );
    httpTesting.expectOne('/api/drafts/d1/jobs').flush({
      jobs: [
        jobJson(
          'succeeded',
          { pay: step('waived') },
          { id: 'j0', createdAt: '2026-01-01T00:00:00Z' },
        ),
        jobJson('succeeded', { pay: step('waived') }),
      ],
    });
    await settle();
    expect(FakeEventSource.opened).toHaveLength(0);
    httpTesting.expectOne('/api/drafts/d1/analysis').flush(
      analysisAnswer({
        panelsAllowed: ['score', 'keywords', 'ats'],
        bulletCritiques: [],
        hireProbability: null,
        coverLetter: null,
      }),
    );
    await settle();

    expect(root().textContent).toContain('Tables found');
    const upsells = Array.from(root().querySelectorAll('app-pro-upsell'));
    expect(upsells).toHaveLength(3);
    expect(upsells[0].textContent).toContain('PRO');
    // Offsets beyond the (short) text do not break the highlighter.
    expect(root().querySelector('app-resume-highlight')?.textContent).toContain('short');
  });

  it('shows a general résumé (no job description) with its edit link and ATS + bullets only', async () => {
    await open('/drafts/d1');
    httpTesting
      .expectOne('/api/drafts/d1')
      .flush(draftJson({ source: 'GENERAL', job: null, resume: null, status: 'READY' }));
    httpTesting.expectOne('/api/drafts/d1/jobs').flush({ jobs: [jobJson('succeeded', {})] });
    await settle();
    httpTesting.expectOne('/api/drafts/d1/analysis').flush(
      analysisAnswer({
        hasJobDescription: false,
        panelsAllowed: ['ats', 'bullets'],
        hireProbability: null,
        coverLetter: null,
      }),
    );
    await settle();
    const edit = root().querySelector<HTMLAnchorElement>('a[href="/drafts/new?draft=d1"]');
    expect(edit?.textContent).toBe('Edit the form');
    expect(root().textContent).toContain('General résumé (from the form)');
    const headings = Array.from(root().querySelectorAll('app-analysis-view .card > h3')).map((h) =>
      h.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(headings).toEqual(['ATS check', 'Bullet suggestions']);
    expect(root().querySelector('app-pro-upsell')).toBeNull();
  });

  it('renders hostile results: missing fields, unknown values, huge text', async () => {
    await open('/drafts/d1');
    httpTesting
      .expectOne('/api/drafts/d1')
      .flush({ id: 'd1', status: 'MYSTERY', extraction: { text: 'x'.repeat(200_000) } });
    httpTesting.expectOne('/api/drafts/d1/jobs').flush({ jobs: 'nope' });
    await settle();
    httpTesting.expectOne('/api/drafts/d1/analysis').flush({
      result: {
        matchScore: { value: 'high', breakdown: [null, { label: 'Odd', weight: 7, points: -3 }] },
        keywords: {
          matched: [{ term: 'x', locations: [{ start: -5, end: 1e9 }, { start: 'a' }] }],
          missing: null,
        },
        atsFindings: [{ severity: 'unheard-of' }],
        bulletCritiques: [
          {
            original: 'Did things',
            rewritten: null,
            verdict: { accepted: false, reasons: ['Unsupported claim'] },
          },
        ],
        hireProbability: { value: 9, band: 'stellar', factors: 'none' },
        coverLetter: { text: 42 },
      },
    });
    await settle();

    expect(root().querySelector('h1')?.textContent).toContain('Untitled draft');
    expect(root().querySelector('app-status-badge')?.textContent).toContain('MYSTERY');
    expect(root().querySelector('app-score-ring')?.getAttribute('aria-label')).toContain(
      'Match score 0 out of 100',
    );
    expect(root().querySelector('app-resume-highlight')?.textContent).toContain(
      'Showing the first 60,000 characters.',
    );
    expect(root().querySelectorAll('app-resume-highlight mark')).toHaveLength(1);
    expect(root().textContent).toContain('No safe rewrite was found for this bullet.');
    expect(root().textContent).toContain('Unsupported claim');
    expect(root().querySelector('app-hire-panel')?.textContent).toContain('100%');
  });

  it('runs the analysis again with an Idempotency-Key and follows the new job', async () => {
    await open('/drafts/d1');
    httpTesting.expectOne('/api/drafts/d1').flush(draftJson());
    httpTesting.expectOne('/api/drafts/d1/jobs').flush({ jobs: [] });
    await settle();
    httpTesting
      .expectOne('/api/drafts/d1/analysis')
      .flush(
        { error: { code: 'ANALYSIS_NOT_FOUND', message: 'None' } },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    expect(root().textContent).toContain('No analysis yet');

    const run = Array.from(root().querySelectorAll<HTMLButtonElement>('button')).find((b) =>
      b.textContent?.includes('Run analysis'),
    )!;
    run.click();
    await settle();
    const first = httpTesting.expectOne('/api/drafts/d1/analyses');
    const key = first.request.headers.get('Idempotency-Key');
    expect(key).toBeTruthy();
    first.flush(
      { error: { code: 'RATE_LIMITED', message: 'Too many attempts.' } },
      { status: 429, statusText: 'Too Many Requests' },
    );
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain(
      'Too many attempts. (RATE_LIMITED)',
    );

    run.click();
    await settle();
    const second = httpTesting.expectOne('/api/drafts/d1/analyses');
    expect(second.request.headers.get('Idempotency-Key')).toBe(key);
    second.flush({ jobId: 'j2' }, { status: 202, statusText: 'Accepted' });
    await settle();

    expect(TestBed.inject(Router).url).toBe('/drafts/d1?job=j2');
    expect(FakeEventSource.last().url).toBe('/api/jobs/j2/stream');
    FakeEventSource.last().emit('job', jobJson('queued', {}, { id: 'j2' }));
    await settle();
    expect(stepTexts()).toEqual(['Pay: Waiting', 'Read résumé: Waiting', 'Analyze: Waiting']);
    expect(run.disabled).toBe(true);
  });

  it('keeps the previous results on screen while a new run is in progress, and names the tab', async () => {
    await open('/drafts/d1');
    httpTesting
      .expectOne('/api/drafts/d1')
      .flush(draftJson({ extraction: { text: RESUME_TEXT, warnings: [] } }));
    httpTesting
      .expectOne('/api/drafts/d1/jobs')
      .flush({ jobs: [jobJson('succeeded', { pay: step('waived') })] });
    await settle();
    httpTesting.expectOne('/api/drafts/d1/analysis').flush(analysisAnswer());
    await settle();
    expect(TestBed.inject(Title).getTitle()).toBe('Acme application · Résumé coach');

    Array.from(root().querySelectorAll<HTMLButtonElement>('button'))
      .find((b) => b.textContent?.includes('Run again'))!
      .click();
    await settle();
    httpTesting
      .expectOne('/api/drafts/d1/analyses')
      .flush({ jobId: 'j2' }, { status: 202, statusText: 'Accepted' });
    await settle();
    FakeEventSource.last().emit(
      'job',
      jobJson('running', { pay: step('waived') }, { id: 'j2', currentStep: 'extract' }),
    );
    await settle();

    expect(root().querySelector('app-score-ring')).not.toBeNull();
    expect(root().textContent).toContain(
      'Showing your previous results until the new analysis finishes.',
    );
  });

  it('lets a draft aimed at a posting (no résumé yet) take its résumé, then reads it fresh', async () => {
    await open('/drafts/d1');
    httpTesting.expectOne('/api/drafts/d1').flush(draftJson({ resume: null }));
    httpTesting.expectOne('/api/drafts/d1/jobs').flush({ jobs: [] });
    await settle();
    const notFound = { status: 404, statusText: 'Not Found' };
    httpTesting
      .match('/api/drafts/d1/analysis')
      .forEach((r) => r.flush({ error: { code: 'ANALYSIS_NOT_FOUND', message: 'x' } }, notFound));
    expect(root().textContent).toContain('Add your résumé');

    const input = root().querySelector<HTMLInputElement>('app-resume-upload input[type=file]')!;
    const hostile = new File(['MZ'], 'setup.exe');
    Object.defineProperty(input, 'files', { value: [hostile], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
    expect(root().querySelector('app-resume-upload')?.textContent).toMatch(/PDF|Word|\.docx/);

    const good = new File(['%PDF-1.4 résumé'], 'cv.pdf', { type: 'application/pdf' });
    Object.defineProperty(input, 'files', { value: [good], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
    const upload = Array.from(
      root().querySelectorAll<HTMLButtonElement>('app-resume-upload button'),
    ).find((b) => b.textContent?.includes('Upload résumé'))!;
    expect(upload.disabled).toBe(false);
    upload.click();
    await settle();
    const sent = httpTesting.expectOne({ method: 'POST', url: '/api/drafts/d1/resume' });
    expect(sent.request.body).toBeInstanceOf(FormData);
    sent.flush({ resume: { displayName: 'cv.pdf', kind: 'pdf', size: 15 }, position: 42 });
    await settle();
    const reread = httpTesting.expectOne('/api/drafts/d1');
    expect(reread.request.headers.get('x-min-position')).toBe('42');
    reread.flush(draftJson());
    await settle();
    httpTesting
      .match('/api/drafts/d1/analysis')
      .forEach((r) => r.flush({ error: { code: 'ANALYSIS_NOT_FOUND', message: 'x' } }, notFound));
    expect(root().querySelector('app-resume-upload')).toBeNull();
    expect(root().textContent).toContain('cv.pdf');
  });

  it('says so when the draft does not exist', async () => {
    await open('/drafts/nope');
    httpTesting.expectOne('/api/drafts/nope').flush(
      {
        error: { code: 'DRAFT_NOT_FOUND', message: 'This draft does not exist or is not yours.' },
      },
      { status: 404, statusText: 'Not Found' },
    );
    httpTesting
      .expectOne('/api/drafts/nope/jobs')
      .flush(
        { error: { code: 'NOT_FOUND', message: 'x' } },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    httpTesting
      .match('/api/drafts/nope/analysis')
      .forEach((r) =>
        r.flush(
          { error: { code: 'NOT_FOUND', message: 'x' } },
          { status: 404, statusText: 'Not Found' },
        ),
      );
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('DRAFT_NOT_FOUND');
  });
});
