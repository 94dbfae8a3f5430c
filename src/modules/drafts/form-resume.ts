import type { ExtractedResume, ResumeStructure } from '../files/index.ts';
import type { ResumeForm } from './resume-form.ts';

// A general résumé's form, as the pipeline's extract step hands it on: the same ExtractedResume an
// upload gives (text, sections with offsets into it, experience, education, skills, contact), so
// analysis, rewrites and exports read a form-made résumé exactly like an uploaded one. The text is
// laid out the way a plain résumé reads — name and contact block first, then standard capital
// headings — which is what the analysis's own text reading (contact block, headings, dates) expects.

type Section = ResumeStructure['sections'][number];

const orNull = (value: string): string | null => (value === '' ? null : value);
const dates = (start: string, end: string): string => (start && end ? `${start} – ${end}` : start || end);

export function resumeFromForm(form: ResumeForm): ExtractedResume {
  const lines: string[] = [];
  const sections: Section[] = [];
  let length = 0;
  const push = (line: string) => {
    lines.push(line);
    length += line.length + 1;
  };
  /** One section: its heading and lines, `start`..`end` covering both (as the extractor's offsets do). */
  const section = (kind: Section['kind'], heading: string, body: string[]) => {
    if (body.length === 0) return;
    push('');
    const start = length;
    push(heading);
    for (const line of body) push(line);
    sections.push({ kind, heading, start, end: length - 1 });
  };

  const { contact } = form;
  push(contact.name);
  const reach = [contact.email, contact.phone, contact.location].filter((v) => v !== '');
  if (reach.length > 0) push(reach.join(' | '));
  for (const link of contact.links) push(link);

  section('summary', 'SUMMARY', form.summary === '' ? [] : form.summary.split('\n').map((l) => l.trim()).filter((l) => l !== ''));
  section('experience', 'EXPERIENCE', form.experience.flatMap((entry, index) => {
    const where = [entry.company, entry.location].filter((v) => v !== '').join(', ');
    const when = dates(entry.start, entry.end);
    return [
      ...(index > 0 ? [''] : []),
      where ? `${entry.title} — ${where}` : entry.title,
      ...(when ? [when] : []),
      ...entry.bullets.map((bullet) => `• ${bullet}`),
    ];
  }));
  section('education', 'EDUCATION', form.education.flatMap((entry) => {
    const when = dates(entry.start, entry.end);
    return [entry.degree ? `${entry.degree}, ${entry.institution}` : entry.institution, ...(when ? [when] : [])];
  }));
  section('skills', 'SKILLS', form.skills.length > 0 ? [form.skills.join(', ')] : []);

  return {
    text: lines.join('\n'),
    structure: {
      contact: { name: contact.name, email: orNull(contact.email), phone: orNull(contact.phone), location: orNull(contact.location), links: [...contact.links] },
      sections,
      experience: form.experience.map((entry) => ({
        title: entry.title, company: orNull(entry.company), start: orNull(entry.start), end: orNull(entry.end), bullets: [...entry.bullets],
      })),
      education: form.education.map((entry) => ({ institution: entry.institution, degree: orNull(entry.degree), start: orNull(entry.start), end: orNull(entry.end) })),
      skills: [...form.skills],
    },
    pageCount: null,
    warnings: [],
  };
}
