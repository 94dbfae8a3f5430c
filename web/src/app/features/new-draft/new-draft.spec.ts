import { HttpEventType, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { MAX_RESUME_BYTES } from './file-check';
import { NewDraft } from './new-draft';

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await macrotask();
    TestBed.tick();
  }
}

describe('NewDraft', () => {
  let fixture: ComponentFixture<NewDraft>;
  let httpTesting: HttpTestingController;
  let root: HTMLElement;
  let navigate: ReturnType<typeof vi.spyOn>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [NewDraft],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(NewDraft);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => httpTesting.verify());

  const inputs = () =>
    root.querySelectorAll<HTMLInputElement>('input[matinput], input.mat-mdc-input-element');
  const textarea = () => root.querySelector<HTMLTextAreaElement>('textarea')!;
  const fileInput = () => root.querySelector<HTMLInputElement>('input[type="file"]')!;
  const alert = () => root.querySelector('app-api-error-alert');

  async function type(
    element: HTMLInputElement | HTMLTextAreaElement,
    value: string,
  ): Promise<void> {
    element.value = value;
    element.dispatchEvent(new Event('input'));
    await settle();
  }

  async function pick(file: File): Promise<void> {
    Object.defineProperty(fileInput(), 'files', { value: [file], configurable: true });
    fileInput().dispatchEvent(new Event('change'));
    await settle();
  }

  async function submit(): Promise<void> {
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();
  }

  async function fillIn(): Promise<void> {
    const [title, jobTitle, company] = Array.from(inputs());
    await type(title, 'Acme application');
    await type(jobTitle, 'Frontend engineer');
    await type(company, ' Acme ');
    await type(textarea(), 'We need Angular and TypeScript.');
    await pick(new File(['%PDF-1.7 résumé'], 'cv.pdf', { type: 'application/pdf' }));
  }

  it('creates the draft, uploads with a progress bar, starts the analysis with an Idempotency-Key, then opens the draft', async () => {
    await fillIn();
    await submit();

    const create = httpTesting.expectOne('/api/drafts');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toEqual({
      title: 'Acme application',
      job: { title: 'Frontend engineer', company: 'Acme', text: 'We need Angular and TypeScript.' },
    });
    create.flush({ id: 'd1', position: 5 }, { status: 201, statusText: 'Created' });
    await settle();

    const upload = httpTesting.expectOne('/api/drafts/d1/resume');
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(File);
    upload.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 100 });
    await settle();
    const bar = root.querySelector('mat-progress-bar[mode="determinate"]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('40');
    expect(root.querySelector('.progress')?.textContent).toContain('Uploading your résumé… 40%');
    upload.flush(
      { resume: { displayName: 'cv.pdf', kind: 'pdf', size: 15 }, warnings: [], position: 6 },
      { status: 201, statusText: 'Created' },
    );
    await settle();

    const analyse = httpTesting.expectOne('/api/drafts/d1/analyses');
    expect(analyse.request.method).toBe('POST');
    expect(analyse.request.headers.get('Idempotency-Key')).toMatch(/^[\x21-\x7e]{8,}$/);
    analyse.flush({ jobId: 'j1', position: 7 }, { status: 202, statusText: 'Accepted' });
    await settle();

    expect(navigate).toHaveBeenCalledWith(['/drafts', 'd1'], {
      queryParams: { job: 'j1' },
      state: { minPosition: 6 },
    });
  });

  it('switches between uploading a file and starting from a form (the general résumé)', async () => {
    const toggles = Array.from(root.querySelectorAll<HTMLButtonElement>('mat-button-toggle button'));
    expect(toggles.map((b) => b.textContent?.trim())).toEqual([
      'upload_file Upload a résumé',
      'edit_note Start from a form',
    ]);
    expect(root.querySelector('app-file-drop')).not.toBeNull();
    toggles[1]!.click();
    await settle();
    httpTesting.expectOne('/api/auth/session').flush({ user: null, reason: 'missing' });
    await settle();
    expect(root.querySelector('app-file-drop')).toBeNull();
    expect(root.querySelector('app-general-resume-form #contact-name')).not.toBeNull();
    // A guest sees what it is and how to get it.
    expect(root.querySelector('app-general-resume-form .upgrade')?.textContent).toContain('part of PRO');
    toggles[0]!.click();
    await settle();
    expect(root.querySelector('app-file-drop')).not.toBeNull();
  });

  it('refuses a file over 5 MB in the browser, without sending anything', async () => {
    await type(textarea(), 'Job text');
    const big = new File(['x'], 'cv.pdf');
    Object.defineProperty(big, 'size', { value: MAX_RESUME_BYTES + 1 });
    await pick(big);
    expect(root.querySelector('app-file-drop [role="alert"]')?.textContent).toContain(
      'the limit is 5 MB',
    );
    await submit();
    httpTesting.expectNone('/api/drafts');
  });

  it('accepts a dropped file and explains a refused one', async () => {
    const zone = root.querySelector<HTMLElement>('app-file-drop .zone')!;
    const drop = async (file: File) => {
      const over = new Event('dragover', { cancelable: true });
      Object.defineProperty(over, 'dataTransfer', { value: { dropEffect: 'none' } });
      zone.dispatchEvent(over);
      expect(over.defaultPrevented).toBe(true);
      const event = new Event('drop', { cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { files: [file] } });
      zone.dispatchEvent(event);
      await settle();
    };

    await drop(new File(['png'], 'photo.png', { type: 'image/png' }));
    expect(root.querySelector('app-file-drop [role="alert"]')?.textContent).toContain(
      'Choose a PDF',
    );

    await drop(new File(['text'], 'cv.md', { type: 'text/markdown' }));
    expect(root.querySelector('app-file-drop [role="alert"]')).toBeNull();
    expect(root.querySelector('app-file-drop .file-name')?.textContent).toBe('cv.md');
  });

  it('asks for a file and the job description when they are missing', async () => {
    await submit();
    httpTesting.expectNone('/api/drafts');
    expect(root.querySelector('app-file-drop [role="alert"]')?.textContent).toContain(
      'Choose the file',
    );
    expect(root.querySelector('mat-error')?.textContent).toBeDefined();
    expect(
      Array.from(root.querySelectorAll('mat-error')).map((e) => e.textContent?.trim()),
    ).toContain('Paste the job description.');
  });

  it('shows a refused upload with its code, and a retry reuses the draft and the same key', async () => {
    await fillIn();
    await submit();
    httpTesting
      .expectOne('/api/drafts')
      .flush({ id: 'd1', position: 5 }, { status: 201, statusText: 'Created' });
    await settle();
    httpTesting.expectOne('/api/drafts/d1/resume').flush(
      {
        error: {
          code: 'UNSUPPORTED_FILE_TYPE',
          message:
            'Please upload a PDF, a Word document (.docx), or a plain text or Markdown file.',
        },
        requestId: 'r-415',
      },
      { status: 415, statusText: 'Unsupported Media Type' },
    );
    await settle();
    expect(alert()?.textContent).toContain('(UNSUPPORTED_FILE_TYPE)');
    expect(alert()?.textContent).toContain('r-415');

    // Same click again: no second draft; the upload is retried, then the analysis.
    await submit();
    httpTesting.expectNone('/api/drafts');
    httpTesting
      .expectOne('/api/drafts/d1/resume')
      .flush(
        { resume: { displayName: 'cv.pdf' }, warnings: [] },
        { status: 201, statusText: 'Created' },
      );
    await settle();
    const first = httpTesting.expectOne('/api/drafts/d1/analyses');
    const key = first.request.headers.get('Idempotency-Key');
    first.flush(
      { error: { code: 'PAYMENT_REQUIRED', message: 'This analysis needs a payment first.' } },
      { status: 402, statusText: 'Payment Required' },
    );
    await settle();
    expect(alert()?.textContent).toContain(
      'This analysis needs a payment first. (PAYMENT_REQUIRED)',
    );
    expect(root.querySelector('.kept a')?.getAttribute('href')).toBe('/drafts/d1');

    await submit();
    const second = httpTesting.expectOne('/api/drafts/d1/analyses');
    expect(second.request.headers.get('Idempotency-Key')).toBe(key);
    second.flush({ jobId: 'j2' }, { status: 202, statusText: 'Accepted' });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/drafts', 'd1'], {
      queryParams: { job: 'j2' },
      state: { minPosition: 5 },
    });
  });

  it('lists the fields a VALIDATION_FAILED answer names', async () => {
    await fillIn();
    await submit();
    httpTesting.expectOne('/api/drafts').flush(
      {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Some fields are missing or invalid.',
          details: { issues: [{ path: 'job.text', code: 'too_big', message: 'Too long' }] },
        },
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    expect(alert()?.textContent).toContain('(VALIDATION_FAILED)');
    expect(alert()?.querySelector('li')?.textContent).toBe('Job description: Too long');
  });
});
