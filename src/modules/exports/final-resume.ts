import type { ExtractedResume, SectionKind } from '../files/index.ts';

// The résumé as it is exported: what the extractor read, with the bullet changes the person
// accepted, in standard sections. Both renderers draw exactly this, and the round-trip test reads
// it back, so it is the one description of "the final résumé".

export type BulletChange = { original: string; replacement: string };

export type EntryBlock = { kind: 'entries'; entries: { heading: string; dates: string | null; bullets: string[] }[] };
export type ListBlock = { kind: 'list'; items: string[] };
export type LinesBlock = { kind: 'lines'; lines: string[] };
export type SectionBody = EntryBlock | ListBlock | LinesBlock;

export type FinalSection = { kind: SectionKind; heading: string; body: SectionBody };
export type FinalResume = { name: string | null; contactLine: string[]; links: string[]; sections: FinalSection[] };

/** Headings every ATS knows; the person's own wording for a known section is not worth a misread. */
const standardHeadings: Partial<Record<SectionKind, string>> = {
  summary: 'SUMMARY', experience: 'EXPERIENCE', education: 'EDUCATION', skills: 'SKILLS', projects: 'PROJECTS',
  certifications: 'CERTIFICATIONS', awards: 'AWARDS', languages: 'LANGUAGES', publications: 'PUBLICATIONS',
  volunteering: 'VOLUNTEERING', interests: 'INTERESTS', links: 'LINKS', references: 'REFERENCES', contact: 'CONTACT',
};

/** Control, zero-width and bidi characters out, whitespace (newlines too) folded: one line per field. */
export function cleanLine(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An unknown section keeps its name, in the capitals a reader (and our extractor) takes for a heading. */
export function headingFor(kind: SectionKind, heading: string): string {
  const standard = standardHeadings[kind];
  if (standard) return standard;
  const own = cleanLine(heading).toUpperCase().replace(/[^A-Z &/-]/g, '').replace(/\s+/g, ' ').trim();
  return /^[A-Z][A-Z &/-]{3,30}$/.test(own) && own.split(' ').length <= 3 ? own : 'ADDITIONAL';
}

/** Each accepted change replaces the first not-yet-replaced bullet with its original text, in order. */
export function applyChanges(bullets: readonly string[], pending: Map<string, string[]>): string[] {
  return bullets.map((bullet) => {
    const queue = pending.get(bullet);
    const replacement = queue?.shift();
    return cleanLine(replacement ?? bullet);
  }).filter((bullet) => bullet.length > 0);
}

export function finalResumeOf(source: ExtractedResume, changes: readonly BulletChange[]): FinalResume {
  // A copy: the section bodies take their entries out of it as they go.
  const extracted = structuredClone(source);
  const { structure, text } = extracted;
  const pending = new Map<string, string[]>();
  for (const change of changes) pending.set(change.original, [...(pending.get(change.original) ?? []), change.replacement]);
  const contact = structure.contact;
  const sections: FinalSection[] = [];
  for (const section of structure.sections) {
    const heading = headingFor(section.kind, section.heading);
    const body = bodyOf(section.kind, text.slice(section.start, section.end), extracted, pending);
    if (body) sections.push({ kind: section.kind, heading, body });
  }
  return {
    name: contact.name ? cleanLine(contact.name) : null,
    contactLine: [contact.email, contact.phone, contact.location].filter((v): v is string => Boolean(v)).map(cleanLine),
    links: contact.links.map(cleanLine).slice(0, 5),
    sections,
  };
}

function bodyOf(kind: SectionKind, sectionText: string, extracted: ExtractedResume, pending: Map<string, string[]>): SectionBody | null {
  const { structure } = extracted;
  if (kind === 'experience') {
    // Several experience sections (e.g. "Work" and "Volunteer experience") share the entry list: the first takes them.
    const entries = structure.experience.splice(0, structure.experience.length).map((entry) => ({
      heading: [entry.title, entry.company].filter((v): v is string => Boolean(v)).map(cleanLine).join(' — '),
      dates: entry.start && entry.end ? `${cleanLine(entry.start)} – ${cleanLine(entry.end)}` : null,
      bullets: applyChanges(entry.bullets, pending),
    }));
    return entries.length > 0 ? { kind: 'entries', entries } : null;
  }
  if (kind === 'education' && structure.education.length > 0) {
    const entries = structure.education.splice(0, structure.education.length).map((entry) => ({
      heading: [entry.degree, entry.institution].filter((v): v is string => Boolean(v)).map(cleanLine).join(' | '),
      dates: entry.end ? (entry.start ? `${cleanLine(entry.start)} – ${cleanLine(entry.end)}` : cleanLine(entry.end)) : null,
      bullets: [],
    }));
    return { kind: 'entries', entries };
  }
  if (kind === 'skills' && structure.skills.length > 0) return { kind: 'list', items: structure.skills.splice(0).map(cleanLine) };
  const lines = sectionText.split('\n').slice(1).map(cleanLine).filter((line) => line.length > 0);
  return lines.length > 0 ? { kind: 'lines', lines } : null;
}
