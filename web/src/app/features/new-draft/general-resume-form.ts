import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  OnInit,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { ApiError, toApiError } from '../../core/api/api-error';
import { errorText } from '../../core/api/error-text';
import { JobsApi, newIdempotencyKey } from '../../core/api/jobs-api';
import { Session } from '../../core/session/session';
import { ApiErrorAlert } from '../../shared/api-error-alert/api-error-alert';
import { FORM_LIMITS, GeneralResumeApi, ResumeFormBody } from './general-resume-api';

type Text = FormControl<string>;
type ExperienceGroup = FormGroup<{
  title: Text;
  company: Text;
  location: Text;
  start: Text;
  end: Text;
  bullets: FormArray<Text>;
}>;
type EducationGroup = FormGroup<{ institution: Text; degree: Text; start: Text; end: Text }>;

// The same checks as the API (src/modules/drafts/resume-form.ts), so most mistakes are caught here;
// whatever the API still refuses comes back as VALIDATION_FAILED and lands on its field.
const HIDDEN =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
const MONTHS =
  'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december';
const DATE = new RegExp(
  `^(?:(?:${MONTHS})\\.? \\d{4}|(?:0?[1-9]|1[0-2])/\\d{4}|\\d{4}-(?:0[1-9]|1[0-2])|\\d{4}|present|current|now)$`,
  'i',
);
const PHONE = /^\+?[0-9 ()./-]{5,}(?: ?(?:ext\.?|x) ?\d{1,6})?$/i;

const visible: ValidatorFn = (c) => (HIDDEN.test(String(c.value ?? '')) ? { hidden: true } : null);
const oneLine: ValidatorFn = (c) =>
  /[\r\n]/.test(String(c.value ?? '')) ? { hidden: true } : null;
const matching =
  (pattern: RegExp, key: string): ValidatorFn =>
  (c) => {
    const value = String(c.value ?? '').trim();
    return value === '' || pattern.test(value) ? null : { [key]: true };
  };
const webAddress: ValidatorFn = (c) => {
  const value = String(c.value ?? '').trim();
  if (value === '') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? null : { link: true };
  } catch {
    return { link: true };
  }
};

const MESSAGES: Readonly<Record<string, string>> = {
  required: 'Required.',
  email: 'Use an e-mail address like name@example.com.',
  hidden: 'Remove control or invisible formatting characters.',
  date: 'Use a date like “Jan 2020”, “01/2020”, “2020” or “Present”.',
  phone: 'Use digits, spaces and + ( ) - . only.',
  link: 'Use a web address starting with https://.',
  skills: `Use at most ${FORM_LIMITS.skills} skills of at most ${FORM_LIMITS.skill} characters each.`,
};

/** The first problem of a control, in words (server messages included). */
export function problemOf(control: AbstractControl | null): string {
  const errors: ValidationErrors | null = control?.errors ?? null;
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return errors['server'];
  const maxlength = errors['maxlength'] as { requiredLength: number } | undefined;
  if (maxlength) return `Use at most ${maxlength.requiredLength.toLocaleString('en')} characters.`;
  const first = Object.keys(errors)[0] ?? '';
  return MESSAGES[first] ?? 'Check this field.';
}

/** "TypeScript, PostgreSQL\nGo" → the skills, trimmed, blanks dropped. */
export function splitSkills(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const skillList: ValidatorFn = (c) => {
  const skills = splitSkills(String(c.value ?? ''));
  return skills.length > FORM_LIMITS.skills || skills.some((s) => s.length > FORM_LIMITS.skill)
    ? { skills: true }
    : null;
};

/**
 * "Start from a form": the general résumé (a PRO entitlement). Contact, summary, experience entries
 * with their bullets, education and skills — entries and bullets added and removed with buttons
 * that say which one they act on, every field labelled. Saving creates the GENERAL draft (or saves
 * the form of the draft being edited) and starts its analysis; a job description is optional.
 * FREE users and guests see what it is and how to get it instead of a submit button.
 */
@Component({
  selector: 'app-general-resume-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatIconButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatProgressBar,
    ApiErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './general-resume-form.html',
  styleUrl: './general-resume-form.scss',
})
export class GeneralResumeForm implements OnInit {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(GeneralResumeApi);
  private readonly jobs = inject(JobsApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);
  readonly session = inject(Session);

  /** A GENERAL draft to edit again; null makes a new one. */
  readonly draftId = input<string | null>(null);

  readonly limits = FORM_LIMITS;
  private readonly text = (max: number, ...more: ValidatorFn[]) =>
    this.fb.control('', [Validators.maxLength(max), visible, oneLine, ...more]);

  readonly form = this.fb.group({
    title: this.text(120),
    contact: this.fb.group({
      name: this.text(FORM_LIMITS.name, Validators.required),
      email: this.text(FORM_LIMITS.email, Validators.email),
      phone: this.text(FORM_LIMITS.phone, matching(PHONE, 'phone')),
      location: this.text(FORM_LIMITS.location),
      links: this.fb.array<Text>([]),
    }),
    summary: this.fb.control('', [Validators.maxLength(FORM_LIMITS.summary), visible]),
    experience: this.fb.array<ExperienceGroup>([]),
    education: this.fb.array<EducationGroup>([]),
    skills: this.fb.control('', [visible, skillList]),
    job: this.fb.group({
      title: this.text(200),
      company: this.text(200),
      text: this.fb.control('', [Validators.maxLength(20_000), visible]),
    }),
  });

  get links(): FormArray<Text> {
    return this.form.controls.contact.controls.links;
  }
  get experience(): FormArray<ExperienceGroup> {
    return this.form.controls.experience;
  }
  get education(): FormArray<EducationGroup> {
    return this.form.controls.education;
  }

  /** null while the plan is not known yet; PRO (or the API's own word) decides the rest. */
  readonly entitled = computed(() => {
    const state = this.session.current();
    if (state.kind === 'unknown') return null;
    return state.kind === 'user' && state.user.plan === 'PRO';
  });
  readonly signedIn = computed(() => this.session.current().kind === 'user');
  readonly busy = signal(false);
  readonly loading = signal(false);
  readonly apiError = signal<ApiError | null>(null);
  readonly errorMessage = computed(() => {
    const error = this.apiError();
    return error ? errorText(error) : '';
  });
  /** VALIDATION_FAILED issues no field shows (the form as a whole, or a path we do not know). */
  readonly otherIssues = signal<string[]>([]);
  readonly needsUpgrade = computed(() => this.apiError()?.code === 'PLAN_UPGRADE_REQUIRED');
  readonly finalized = computed(() => this.apiError()?.code === 'DRAFT_FINALIZED');

  private editing: string | null = null;
  private analysisKey: string | null = null;

  constructor() {
    void this.session.known();
    this.addExperience();
    // Editing anything makes a new request (and a new Idempotency-Key) of the next submission.
    this.form.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => {
      this.analysisKey = null;
    });
  }

  ngOnInit(): void {
    const id = this.draftId();
    if (id) void this.edit(id);
  }

  /** Loads a GENERAL draft's saved form to edit it again. */
  async edit(draftId: string): Promise<void> {
    this.loading.set(true);
    try {
      const draft = await firstValueFrom(this.api.load(draftId));
      this.editing = draft.id;
      this.form.controls.title.setValue(draft.title ?? '');
      if (draft.form) this.fill(draft.form);
    } catch (error) {
      this.apiError.set(toApiError(error));
    } finally {
      this.loading.set(false);
    }
  }

  private fill(form: ResumeFormBody): void {
    const { contact } = form;
    this.form.controls.contact.patchValue({
      name: contact.name,
      email: contact.email,
      phone: contact.phone,
      location: contact.location,
    });
    this.links.clear();
    for (const link of contact.links) this.links.push(this.text(FORM_LIMITS.link, webAddress));
    this.links.setValue(contact.links);
    this.form.controls.summary.setValue(form.summary);
    this.experience.clear();
    for (const entry of form.experience) {
      const group = this.experienceGroup(entry.bullets.length);
      group.setValue(entry);
      this.experience.push(group);
    }
    this.education.clear();
    for (const entry of form.education) {
      const group = this.educationGroup();
      group.setValue(entry);
      this.education.push(group);
    }
    this.form.controls.skills.setValue(form.skills.join(', '));
  }

  private experienceGroup(bullets = 1): ExperienceGroup {
    return this.fb.group({
      title: this.text(FORM_LIMITS.title, Validators.required),
      company: this.text(FORM_LIMITS.company),
      location: this.text(FORM_LIMITS.location),
      start: this.text(FORM_LIMITS.date, matching(DATE, 'date')),
      end: this.text(FORM_LIMITS.date, matching(DATE, 'date')),
      bullets: this.fb.array(Array.from({ length: bullets }, () => this.bulletControl())),
    });
  }

  private educationGroup(): EducationGroup {
    return this.fb.group({
      institution: this.text(FORM_LIMITS.institution, Validators.required),
      degree: this.text(FORM_LIMITS.degree),
      start: this.text(FORM_LIMITS.date, matching(DATE, 'date')),
      end: this.text(FORM_LIMITS.date, matching(DATE, 'date')),
    });
  }

  private bulletControl(): Text {
    return this.text(FORM_LIMITS.bullet);
  }

  /** After an add, the new field takes the focus (keyboard users stay where they work). */
  private focus(id: string): void {
    setTimeout(() => this.host.nativeElement.querySelector<HTMLElement>(`#${id}`)?.focus());
  }

  addLink(): void {
    if (this.links.length >= FORM_LIMITS.links) return;
    this.links.push(this.text(FORM_LIMITS.link, webAddress));
    this.focus(`link-${this.links.length - 1}`);
  }
  removeLink(index: number): void {
    this.links.removeAt(index);
  }

  addExperience(): void {
    if (this.experience.length >= FORM_LIMITS.experience) return;
    this.experience.push(this.experienceGroup());
    this.focus(`exp-${this.experience.length - 1}-title`);
  }
  removeExperience(index: number): void {
    this.experience.removeAt(index);
  }

  bullets(entry: number): FormArray<Text> {
    return this.experience.at(entry).controls.bullets;
  }
  addBullet(entry: number): void {
    const bullets = this.bullets(entry);
    if (bullets.length >= FORM_LIMITS.bullets) return;
    bullets.push(this.bulletControl());
    this.focus(`exp-${entry}-bullet-${bullets.length - 1}`);
  }
  removeBullet(entry: number, index: number): void {
    this.bullets(entry).removeAt(index);
  }

  addEducation(): void {
    if (this.education.length >= FORM_LIMITS.education) return;
    this.education.push(this.educationGroup());
    this.focus(`edu-${this.education.length - 1}-institution`);
  }
  removeEducation(index: number): void {
    this.education.removeAt(index);
  }

  problem(control: AbstractControl | null): string {
    return problemOf(control);
  }

  /** The form as the API takes it: trimmed, blank bullets and links left out. */
  body(): ResumeFormBody {
    const value = this.form.getRawValue();
    const trim = (s: string) => s.trim();
    return {
      contact: {
        name: trim(value.contact.name),
        email: trim(value.contact.email),
        phone: trim(value.contact.phone),
        location: trim(value.contact.location),
        links: value.contact.links.map(trim).filter(Boolean),
      },
      summary: value.summary.trim(),
      experience: value.experience.map((e) => ({
        title: trim(e.title),
        company: trim(e.company),
        location: trim(e.location),
        start: trim(e.start),
        end: trim(e.end),
        bullets: e.bullets.map(trim).filter(Boolean),
      })),
      education: value.education.map((e) => ({
        institution: trim(e.institution),
        degree: trim(e.degree),
        start: trim(e.start),
        end: trim(e.end),
      })),
      skills: splitSkills(value.skills),
    };
  }

  async submit(): Promise<void> {
    if (this.busy()) return;
    this.otherIssues.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstProblem();
      return;
    }
    this.busy.set(true);
    this.apiError.set(null);
    const key = this.analysisKey ?? newIdempotencyKey();
    this.analysisKey = key;
    try {
      const form = this.body();
      const job = this.form.controls.job.getRawValue();
      let draftId = this.editing;
      if (draftId) {
        await firstValueFrom(this.api.saveForm(draftId, form));
      } else {
        const title = this.form.controls.title.value.trim();
        const created = await firstValueFrom(
          this.api.create({
            form,
            ...(title ? { title } : {}),
            ...(job.text.trim()
              ? {
                  job: {
                    text: job.text.trim(),
                    title: job.title.trim() || undefined,
                    company: job.company.trim() || undefined,
                  },
                }
              : {}),
          }),
        );
        // A retry after a failed analysis start saves into the same draft.
        draftId = this.editing = created.id;
      }
      const started = await firstValueFrom(this.jobs.startAnalysis(draftId, key));
      await this.router.navigate(['/drafts', draftId], { queryParams: { job: started.jobId } });
    } catch (error) {
      const apiError = toApiError(error);
      this.apiError.set(apiError);
      this.showIssues(apiError);
    } finally {
      this.busy.set(false);
    }
  }

  /** VALIDATION_FAILED issues land on their fields (`form.experience.0.bullets.1` → that bullet). */
  private showIssues(error: ApiError): void {
    if (error.code !== 'VALIDATION_FAILED') return;
    const details = error.details as { issues?: { path?: unknown; message?: unknown }[] } | null;
    const unplaced: string[] = [];
    for (const issue of details?.issues ?? []) {
      const path = typeof issue.path === 'string' ? issue.path.split('.') : [];
      const message = typeof issue.message === 'string' ? issue.message : 'Check this field.';
      const control = this.controlAt(path);
      if (control) {
        control.setErrors({ ...(control.errors ?? {}), server: message });
        control.markAsTouched();
      } else {
        unplaced.push(message);
      }
    }
    this.otherIssues.set(unplaced.slice(0, 8));
    this.focusFirstProblem();
  }

  private controlAt(path: string[]): AbstractControl | null {
    const [head, ...rest] = path;
    if (head === 'title') return this.form.controls.title;
    if (head === 'job') return this.form.controls.job.get(rest) ?? null;
    if (head !== 'form' || rest.length === 0) return null;
    // One text box holds every skill: a problem with any one of them shows there.
    if (rest[0] === 'skills') return this.form.controls.skills;
    // An issue about a whole list (too many entries) has no single field to show on.
    const control = this.form.get(rest);
    return control instanceof FormArray ? null : control;
  }

  private focusFirstProblem(): void {
    setTimeout(() => {
      this.host.nativeElement
        .querySelector<HTMLElement>('input.ng-invalid, textarea.ng-invalid')
        ?.focus();
    });
  }
}
