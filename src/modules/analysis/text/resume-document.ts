// Turns the engine input into one normalised view of the résumé: sanitised text, sections,
// bullets, dates, titles, degree and contact — from the extractor's structure when it sent one,
// derived from the plain text otherwise.
import type { LayoutWarning, ResumeInput, ResumeSection, SectionKind } from '../input.ts';
import { ROLE_NOUN } from '../job/job-title.ts';
import { deriveBullets, isEntryHeader, stripLeadingDates } from './bullets.ts';
import { detectContact, type ContactDetails } from './contact.ts';
import { findDateRanges, yearsCovered, type DateRange } from './dates.ts';
import { highestDegree, type DegreeLevel } from './degrees.ts';
import { countFormFeedPages, sanitizeText } from './sanitize.ts';
import { detectSections } from './sections.ts';
import { tokenize, type Token } from './tokenize.ts';

export interface ResumeBullet { readonly text: string; readonly start?: number | undefined }

export interface ResumeDocument {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sections: readonly ResumeSection[];
  readonly headingsSeen: ReadonlySet<SectionKind>;
  readonly bullets: readonly ResumeBullet[];
  readonly dateRanges: readonly DateRange[];
  readonly years: number | undefined;
  readonly titles: readonly string[];
  readonly degree: DegreeLevel;
  readonly contact: ContactDetails;
  readonly pageCount: number | undefined;
  readonly layoutWarnings: readonly LayoutWarning[];
  readonly truncated: boolean;
  readonly controlCharacters: number;
}

const KNOWN_WARNINGS = new Set<string>(['MULTI_COLUMN', 'TABLES', 'HEADER_FOOTER_CONTENT', 'IMAGES', 'IMAGE_ONLY_PAGES', 'GLYPH_GARBAGE']);
const CLAIMED_YEARS = /(\d{1,2})\+?\s*(?:years?|yrs?)\s+(?:of\s+)?(?:professional\s+|industry\s+|hands-on\s+)?experience/i;

function validSections(given: readonly ResumeSection[] | undefined, length: number): ResumeSection[] | undefined {
  const sections = given?.filter((s) => s.start <= s.end && s.end <= length);
  return sections && sections.length > 0 ? [...sections].sort((a, b) => a.start - b.start) : undefined;
}

function sectionText(text: string, sections: readonly ResumeSection[], kinds: readonly SectionKind[]) {
  return sections.filter((s) => kinds.includes(s.kind)).map((s) => ({ text: text.slice(s.start, s.end), start: s.start }));
}

/** Lines that name a role ("Senior Software Engineer", "Data Scientist, Uber, …"). */
function findTitles(lines: readonly string[]): string[] {
  const titles: string[] = [];
  for (const line of lines) {
    const cell = stripLeadingDates(line.trim().split(/\s{3,}/)[0] ?? '');
    for (const part of cell.split(/\s*(?:,|\||•|·|–|—| at )\s*/)) {
      const words = part.split(/\s+/).length;
      if (ROLE_NOUN.test(part) && words <= 6 && !/[@\d]|\.$/.test(part)) titles.push(part.trim());
    }
  }
  return [...new Set(titles)];
}

export function readResume(input: ResumeInput, asOf: Date): ResumeDocument {
  const { text, truncated, controlCharacters } = sanitizeText(input.text);
  const detected = detectSections(text);
  const sections = validSections(input.sections, text.length) ?? detected.sections;
  const headingsSeen = new Set([...detected.headingsSeen, ...sections.map((s) => s.kind)]);
  const work = sectionText(text, sections, ['experience', 'projects']);
  const experience = sectionText(text, sections, ['experience']);
  const hasStructure = sections.some((s) => s.kind === 'experience');
  const bullets = input.experience?.some((e) => e.bullets.length > 0)
    ? input.experience.flatMap((e) => e.bullets.map((b) => ({ text: sanitizeText(b).text.trim() })))
    : (hasStructure ? work : [{ text, start: 0 }]).flatMap((s) => deriveBullets(s.text, s.start));
  const dateRanges = (hasStructure ? experience : [{ text, start: 0 }]).flatMap((s) => findDateRanges(s.text, asOf, s.start));
  const claimed = CLAIMED_YEARS.exec(text);
  const years = dateRanges.length > 0 ? yearsCovered(dateRanges) : claimed ? Number(claimed[1]) : undefined;
  const headEnd = sections.find((s) => s.kind !== 'contact')?.start ?? 400;
  const headerLines = text.slice(0, headEnd).split('\n').slice(0, 8);
  const entryLines = experience.flatMap((s) => s.text.split('\n')).filter((l) => isEntryHeader(l.trim()) || (l.trim().split(/\s{3,}/)[0] ?? '').split(/\s+/).length <= 6);
  const givenTitles = input.experience?.flatMap((e) => (e.title ? [e.title] : [])) ?? [];
  const education = sectionText(text, sections, ['education']).map((s) => s.text).join('\n');
  return {
    text,
    tokens: tokenize(text),
    sections,
    headingsSeen,
    bullets: bullets.filter((b) => b.text.length > 0).slice(0, 80),
    dateRanges,
    years,
    titles: [...new Set([...givenTitles, ...findTitles(headerLines), ...findTitles(entryLines)])],
    degree: highestDegree(education || text),
    contact: detectContact(text, input.contact, headEnd),
    pageCount: input.pageCount ?? countFormFeedPages(input.text),
    layoutWarnings: (input.layoutWarnings ?? []).filter((w): w is LayoutWarning => KNOWN_WARNINGS.has(w)),
    truncated,
    controlCharacters,
  };
}
