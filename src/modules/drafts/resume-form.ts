import { z } from 'zod';

// The general résumé's form (a GENERAL draft starts from it instead of an upload). Every field and
// every list has a limit, so one form can never make a résumé text beyond what extraction allows
// (ExtractedResume.text ≤ 20,000 characters; FORM_TEXT_LIMIT keeps room for headings). Text that
// could fool a reader or a renderer is refused, not cleaned, so what is stored is what was typed:
// control characters, bidirectional overrides and other invisible formatting characters answer
// VALIDATION_FAILED with the field's path. Unknown keys are refused too (strict objects).

/** The longest résumé text a form may produce; extraction's own limit is 20,000. */
export const FORM_TEXT_LIMIT = 18_000;

export const formLimits = {
  name: 100, email: 254, phone: 40, location: 100, link: 300, links: 5, summary: 2_000,
  title: 120, company: 120, date: 30, experience: 15, bullets: 10, bullet: 300,
  institution: 150, degree: 150, education: 8, skill: 60, skills: 50,
} as const;

// C0/C1 controls (a newline only where a field is multi-line), bidi embeddings/overrides/isolates,
// zero-width spaces and the byte-order mark: none belongs in a résumé and each can disguise text.
const HIDDEN_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/u;
const HIDDEN_MULTI_LINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/u;
const LONE_SURROGATE = /[\ud800-\udfff]/u;

const visible = (pattern: RegExp) => (value: string) => !pattern.test(value) && !LONE_SURROGATE.test(value);
const HIDDEN_MESSAGE = 'Contains control or invisible formatting characters.';

/** One line of text, trimmed; `min` 1 when the field is required. */
const line = (max: number, min = 0) => z.string().trim().min(min).max(max).refine(visible(HIDDEN_ONE_LINE), HIDDEN_MESSAGE);
const optionalLine = (max: number) => line(max).optional().default('');

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december';
/** Dates a reader and our own analysis both understand: "Jan 2020", "01/2020", "2020-01", "2020", "Present". */
const DATE = new RegExp(`^(?:(?:${MONTHS})\\.? \\d{4}|(?:0?[1-9]|1[0-2])/\\d{4}|\\d{4}-(?:0[1-9]|1[0-2])|\\d{4}|present|current|now)$`, 'i');
const date = z.string().trim().max(formLimits.date).refine((v) => v === '' || DATE.test(v), 'Use a date like "Jan 2020", "01/2020", "2020" or "Present".')
  .optional().default('');

/** Only web addresses: `javascript:`, `data:` and the like never reach a résumé or a rendered link. */
const link = line(formLimits.link, 1).refine((v) => {
  try {
    const url = new URL(v);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}, 'Use a web address starting with https://.');

const phone = line(formLimits.phone).refine((v) => v === '' || /^\+?[0-9 ()./-]{5,}(?: ?(?:ext\.?|x) ?\d{1,6})?$/i.test(v), 'Use digits, spaces and + ( ) - . only.')
  .optional().default('');

export const FormContact = z.strictObject({
  name: line(formLimits.name, 1),
  email: z.string().trim().max(formLimits.email).pipe(z.union([z.literal(''), z.email('Use an e-mail address like name@example.com.')])).optional().default(''),
  phone,
  location: optionalLine(formLimits.location),
  links: z.array(link).max(formLimits.links).optional().default([]),
});

export const FormExperience = z.strictObject({
  title: line(formLimits.title, 1),
  company: optionalLine(formLimits.company),
  location: optionalLine(formLimits.location),
  start: date,
  end: date,
  bullets: z.array(line(formLimits.bullet, 1)).max(formLimits.bullets).optional().default([]),
});

export const FormEducation = z.strictObject({
  institution: line(formLimits.institution, 1),
  degree: optionalLine(formLimits.degree),
  start: date,
  end: date,
});

const ResumeFormShape = z.strictObject({
  contact: FormContact,
  summary: z.string().trim().max(formLimits.summary).refine(visible(HIDDEN_MULTI_LINE), HIDDEN_MESSAGE).optional().default(''),
  experience: z.array(FormExperience).max(formLimits.experience).optional().default([]),
  education: z.array(FormEducation).max(formLimits.education).optional().default([]),
  skills: z.array(line(formLimits.skill, 1)).max(formLimits.skills).optional().default([]),
});

/** Rough size of the text a form makes (fields plus separators); the mapping's own text is never longer. */
export function formTextSize(form: z.output<typeof ResumeFormShape>): number {
  const { contact } = form;
  let size = 200 + contact.name.length + contact.email.length + contact.phone.length + contact.location.length + form.summary.length;
  for (const l of contact.links) size += l.length + 1;
  for (const e of form.experience) {
    size += e.title.length + e.company.length + e.location.length + e.start.length + e.end.length + 12;
    for (const b of e.bullets) size += b.length + 3;
  }
  for (const e of form.education) size += e.institution.length + e.degree.length + e.start.length + e.end.length + 12;
  for (const s of form.skills) size += s.length + 2;
  return size;
}

/** The form as the API accepts it and the ResumeFormSaved event stores it (defaults filled in). */
export const ResumeForm = ResumeFormShape.superRefine((form, ctx) => {
  if (formTextSize(form) > FORM_TEXT_LIMIT) {
    ctx.addIssue({ code: 'custom', path: [], message: `The résumé would be longer than ${FORM_TEXT_LIMIT.toLocaleString('en')} characters. Shorten some bullets or entries.` });
  }
  const hasContent = form.summary !== '' || form.experience.length > 0 || form.education.length > 0 || form.skills.length > 0;
  if (!hasContent) ctx.addIssue({ code: 'custom', path: ['experience'], message: 'Add at least a summary, an experience entry, an education entry or a skill.' });
});
export type ResumeForm = z.output<typeof ResumeForm>;
export type ResumeFormInput = z.input<typeof ResumeForm>;
