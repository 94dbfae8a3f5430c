import type { FinalResume } from './final-resume.ts';

// The résumé cut into the pieces a page break may fall between, in reading order.

export type PdfBlock =
  | { kind: 'name'; text: string }
  | { kind: 'contact'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'entry'; text: string; dates: string | null }
  | { kind: 'bullet'; text: string }
  | { kind: 'line'; text: string }
  | { kind: 'list'; items: string[] };

/** Headings and entry lines stay with what follows them. */
export const keepsWithNext = (block: PdfBlock): boolean => block.kind === 'heading' || block.kind === 'entry' || block.kind === 'name';

export function pdfBlocksOf(resume: FinalResume): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  if (resume.name) blocks.push({ kind: 'name', text: resume.name });
  if (resume.contactLine.length > 0) blocks.push({ kind: 'contact', text: resume.contactLine.join(' | ') });
  if (resume.links.length > 0) blocks.push({ kind: 'contact', text: resume.links.join(' | ') });
  for (const section of resume.sections) {
    blocks.push({ kind: 'heading', text: section.heading });
    const body = section.body;
    if (body.kind === 'entries') {
      for (const entry of body.entries) {
        blocks.push({ kind: 'entry', text: entry.heading, dates: entry.dates });
        for (const bullet of entry.bullets) blocks.push({ kind: 'bullet', text: bullet });
      }
    } else if (body.kind === 'list') {
      blocks.push({ kind: 'list', items: body.items });
    } else {
      for (const line of body.lines) blocks.push({ kind: 'line', text: line });
    }
  }
  return blocks;
}

/**
 * A comma list laid out so no item is cut at a line end ("Machine" / "Learning" would come back as
 * two skills): items are packed greedily by measured width; a line ends with the comma.
 */
export function packItems(items: readonly string[], width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const item of items) {
    const candidate = current ? `${current}, ${item}` : item;
    if (current && measure(`${candidate},`) > width) {
      lines.push(`${current},`);
      current = item;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}
