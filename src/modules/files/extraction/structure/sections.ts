import type { ResumeSection } from '../extracted-resume.ts';
import { headingKind } from './headings.ts';

export interface TextLine {
  text: string;
  /** Offset of the line's first character in the whole text. */
  start: number;
}

export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line, start });
    start += line.length + 1;
  }
  return lines;
}

/** Sections in reading order; whatever comes before the first heading (name, contact) is the header, not a section. */
export function findSections(text: string): ResumeSection[] {
  const sections: ResumeSection[] = [];
  for (const line of splitLines(text)) {
    const kind = headingKind(line.text, sections.length > 0);
    if (!kind) continue;
    const previous = sections.at(-1);
    if (previous) previous.end = trimEnd(text, line.start);
    sections.push({ kind, heading: line.text.replace(/^#+\s*|[:*_\s]+$|^[*_]+/g, ''), start: line.start, end: text.length });
  }
  return sections;
}

function trimEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text[at - 1] ?? '')) at--;
  return at;
}

/** The lines of one section without its heading line. */
export function sectionBody(text: string, section: ResumeSection): string[] {
  return text
    .slice(section.start, section.end)
    .split('\n')
    .slice(1)
    .filter((line) => line.trim().length > 0);
}
