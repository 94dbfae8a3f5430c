import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { apiErrorInterceptor } from '../../core/api/api-error.interceptor';
import { GeneralResumeForm, problemOf, splitSkills } from './general-resume-form';

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await macrotask();
    TestBed.tick();
  }
}

const savedForm = {
  contact: {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '',
    location: 'London',
    links: ['https://github.com/ada'],
  },
  summary: 'Engineer.',
  experience: [
    {
      title: 'Analyst',
      company: 'Engines Ltd',
      location: '',
      start: 'Jan 2020',
      end: 'Present',
      bullets: ['Wrote the first program', 'Explained loops'],
    },
  ],
  education: [{ institution: 'University of London', degree: 'BSc', start: '', end: '2017' }],
  skills: ['TypeScript', 'Go'],
};

describe('GeneralResumeForm', () => {
  let fixture: ComponentFixture<GeneralResumeForm>;
  let httpTesting: HttpTestingController;
  let root: HTMLElement;
  let navigate: ReturnType<typeof vi.spyOn>;

  async function start(plan: string | null, draftId: string | null = null): Promise<void> {
    TestBed.configureTestingModule({
      imports: [GeneralResumeForm],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(GeneralResumeForm);
    fixture.componentRef.setInput('draftId', draftId);
    root = fixture.nativeElement as HTMLElement;
    await settle();
    httpTesting
      .expectOne('/api/auth/session')
      .flush(
        plan
          ? { user: { id: 'u1', email: 'ada@example.com', plan, role: 'USER' } }
          : { user: null, reason: 'missing' },
      );
    await settle();
  }

  afterEach(() => httpTesting.verify());

  const field = (id: string) =>
    root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
  async function type(id: string, value: string): Promise<void> {
    const element = field(id);
    element.value = value;
    element.dispatchEvent(new Event('input'));
    element.dispatchEvent(new Event('blur'));
    await settle();
  }
  const button = (text: string) =>
    Array.from(root.querySelectorAll<HTMLButtonElement>('button')).find((b) =>
      (b.getAttribute('aria-label') ?? b.textContent ?? '').includes(text),
    )!;
  async function click(text: string): Promise<void> {
    button(text).click();
    await settle();
  }
  async function submit(): Promise<void> {
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle();
  }
  const errorOf = (id: string) =>
    field(id).closest('mat-form-field')?.querySelector('mat-error')?.textContent?.trim() ?? '';

  it('sends the form of a new general draft, starts its analysis and opens the draft', async () => {
    await start('PRO');
    expect(root.querySelector('.upgrade')).toBeNull();
    await type('contact-name', ' Ada Lovelace ');
    await type('contact-email', 'ada@example.com');
    await type('exp-0-title', 'Analyst');
    await type('exp-0-start', 'Jan 2020');
    await type('exp-0-end', 'Present');
    await type('exp-0-bullet-0', 'Wrote the first program');
    await click('Add an achievement to position 1');
    expect(document.activeElement?.id).toBe('exp-0-bullet-1');
    await type('exp-0-bullet-1', '   ');
    await type('skills', 'TypeScript, Go,\nMathematics');
    await submit();

    const create = httpTesting.expectOne('/api/drafts');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toEqual({
      source: 'GENERAL',
      form: {
        contact: {
          name: 'Ada Lovelace',
          email: 'ada@example.com',
          phone: '',
          location: '',
          links: [],
        },
        summary: '',
        experience: [
          {
            title: 'Analyst',
            company: '',
            location: '',
            start: 'Jan 2020',
            end: 'Present',
            bullets: ['Wrote the first program'],
          },
        ],
        education: [],
        skills: ['TypeScript', 'Go', 'Mathematics'],
      },
    });
    create.flush({ id: 'd1', position: 3 }, { status: 201, statusText: 'Created' });
    await settle();
    const analyse = httpTesting.expectOne('/api/drafts/d1/analyses');
    expect(analyse.request.headers.get('Idempotency-Key')).toBeTruthy();
    analyse.flush({ jobId: 'j1', position: 4 }, { status: 202, statusText: 'Accepted' });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/drafts', 'd1'], { queryParams: { job: 'j1' } });
  });

  it('adds and removes positions, achievements, schools and links with named buttons', async () => {
    await start('PRO');
    await click('Add a position');
    expect(root.querySelectorAll('section.entry').length).toBe(2);
    expect(document.activeElement?.id).toBe('exp-1-title');
    expect(root.querySelector('#exp-1-heading')?.textContent).toBe('Position 2');
    await click('Remove position 1');
    expect(root.querySelectorAll('[id$="-heading"][id^="exp-"]').length).toBe(1);
    await click('Add a school');
    expect(field('edu-0-institution')).toBeTruthy();
    await click('Remove school 1');
    expect(root.querySelector('#edu-0-institution')).toBeNull();
    for (let i = 0; i < 5; i++) await click('Add a link');
    expect(root.querySelectorAll('input[type="url"]').length).toBe(5);
    // The sixth is not offered: the API allows five.
    expect(button('Add a link')).toBeUndefined();
    await click('Remove link 5');
    expect(root.querySelectorAll('input[type="url"]').length).toBe(4);
    // Every field has a label.
    for (const input of Array.from(root.querySelectorAll('input, textarea'))) {
      expect(
        input.closest('mat-form-field')?.querySelector('mat-label')?.textContent?.trim(),
      ).toBeTruthy();
    }
  });

  it('catches hostile and malformed fields before sending anything', async () => {
    await start('PRO');
    await type('contact-name', 'Ada\u202eecalevoL');
    await type('exp-0-title', 'Analyst');
    await type('exp-0-start', "Summer '19");
    await click('Add a link');
    await type('link-0', 'javascript:alert(1)');
    await submit();
    httpTesting.expectNone('/api/drafts');
    expect(errorOf('contact-name')).toBe('Remove control or invisible formatting characters.');
    expect(errorOf('exp-0-start')).toContain('Jan 2020');
    expect(errorOf('link-0')).toBe('Use a web address starting with https://.');
    expect(document.activeElement?.id).toBe('contact-name');
  });

  it("puts the API's VALIDATION_FAILED issues on their fields and the rest in the alert", async () => {
    await start('PRO');
    await type('contact-name', 'Ada');
    await type('exp-0-title', 'Analyst');
    await type('exp-0-bullet-0', 'Wrote the first program');
    await submit();
    httpTesting.expectOne('/api/drafts').flush(
      {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Some fields are missing or invalid.',
          details: {
            issues: [
              {
                path: 'form.experience.0.bullets.0',
                code: 'custom',
                message: 'Contains control or invisible formatting characters.',
              },
              {
                path: 'form',
                code: 'custom',
                message: 'The résumé would be longer than 18,000 characters.',
              },
            ],
          },
        },
        requestId: 'r1',
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    expect(errorOf('exp-0-bullet-0')).toBe('Contains control or invisible formatting characters.');
    const alert = root.querySelector('app-api-error-alert')!;
    expect(alert.textContent).toContain('VALIDATION_FAILED');
    expect(alert.textContent).toContain('longer than 18,000 characters');
  });

  it('shows FREE users and guests the upgrade hint instead of a submit button', async () => {
    await start('FREE');
    expect(root.querySelector('.upgrade h2')?.textContent).toContain('part of PRO');
    expect(root.querySelector('.upgrade a')?.getAttribute('href')).toBe('/account');
    expect(root.querySelector('button[type="submit"]')).toBeNull();
    fixture.destroy();
    TestBed.resetTestingModule();
    await start(null);
    expect(root.querySelector('.upgrade a')?.getAttribute('href')).toBe('/register');
  });

  it('explains a PLAN_UPGRADE_REQUIRED answer with the same hint', async () => {
    await start('PRO');
    await type('contact-name', 'Ada');
    await type('exp-0-title', 'Analyst');
    await submit();
    httpTesting
      .expectOne('/api/drafts')
      .flush(
        {
          error: { code: 'PLAN_UPGRADE_REQUIRED', message: 'This is part of the PRO plan.' },
          requestId: 'r2',
        },
        { status: 403, statusText: 'Forbidden' },
      );
    await settle();
    expect(root.querySelector('.upgrade')).not.toBeNull();
    expect(root.querySelector('app-api-error-alert')).toBeNull();
  });

  it('edits a general draft again: loads its form, saves it with PUT and analyses again', async () => {
    await start('PRO', 'd9');
    httpTesting
      .expectOne('/api/drafts/d9')
      .flush({ id: 'd9', title: 'General', status: 'READY', source: 'GENERAL', form: savedForm });
    await settle();
    expect((field('contact-name') as HTMLInputElement).value).toBe('Ada Lovelace');
    expect((field('exp-0-bullet-1') as HTMLInputElement).value).toBe('Explained loops');
    expect((field('skills') as HTMLInputElement).value).toBe('TypeScript, Go');
    expect(root.querySelector('#job-text')).toBeNull();
    await type('exp-0-bullet-1', 'Explained loops to 3 readers');
    await submit();
    const save = httpTesting.expectOne('/api/drafts/d9/form');
    expect(save.request.method).toBe('PUT');
    expect(save.request.body).toEqual({
      form: {
        ...savedForm,
        experience: [
          {
            ...savedForm.experience[0],
            bullets: ['Wrote the first program', 'Explained loops to 3 readers'],
          },
        ],
      },
    });
    save.flush({ position: 9 });
    await settle();
    httpTesting
      .expectOne('/api/drafts/d9/analyses')
      .flush({ jobId: 'j2', position: 10 }, { status: 202, statusText: 'Accepted' });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/drafts', 'd9'], { queryParams: { job: 'j2' } });
  });

  it('words its problems and splits skills', () => {
    expect(splitSkills(' Go, ,TypeScript\nSQL ')).toEqual(['Go', 'TypeScript', 'SQL']);
    expect(problemOf(null)).toBe('');
  });
});
