// Layout problems: what the extractor reported, plus what plain text itself shows (two columns
// printed side by side leave wide gaps in the middle of many lines).
import type { AtsFinding } from '../result.ts';
import type { ResumeDocument } from '../text/resume-document.ts';
import { DATE_RANGE } from '../text/dates.ts';
import { excerpt, finding, type Evidence } from './finding.ts';

const GAP = /^(\s*)(\S.*?\S)\s{5,}(\S.*)$/;
const RIGHT_ALIGNED_DETAIL = /^(?:(?:19|20)\d{2}|[A-Z][\w .]+, [A-Z]{2,}|.*\b(?:present|current)\b.*)$/i;

function columnEvidence(resume: ResumeDocument): Evidence[] {
  const bodyStart = resume.sections.find((s) => s.kind !== 'contact')?.start ?? 0;
  const evidence: Evidence[] = [];
  let offset = 0;
  for (const line of resume.text.split('\n')) {
    const m = offset >= bodyStart ? GAP.exec(line) : null;
    DATE_RANGE.lastIndex = 0;
    const right = m?.[3]?.trim() ?? '';
    if (m && (m[2] ?? '').split(/\s+/).length >= 2 && !DATE_RANGE.test(right) && !RIGHT_ALIGNED_DETAIL.test(right)) {
      evidence.push(excerpt(resume.text, offset, offset + line.length));
    }
    offset += line.length + 1;
  }
  return evidence;
}

export function layoutFindings(resume: ResumeDocument): AtsFinding[] {
  const findings: AtsFinding[] = [];
  const warnings = new Set(resume.layoutWarnings);
  const columns = columnEvidence(resume);
  const bodyLines = resume.text.split('\n').filter((l) => l.trim()).length;
  if (warnings.has('MULTI_COLUMN') || columns.length >= 5 || (bodyLines > 0 && columns.length / bodyLines > 0.15)) {
    findings.push(finding('MULTI_COLUMN', 'warning', 'The résumé uses several columns. ATS read left to right across the page and mix the columns up: use a single column.', columns));
  }
  const tableLines = resume.text.split('\n').filter((l) => (l.match(/\||\t/g)?.length ?? 0) >= 2);
  if (warnings.has('TABLES') || tableLines.length >= 3) {
    findings.push(finding('TABLES', 'warning', 'Tables were found. Many ATS skip or scramble table cells: write the content as plain lines.', tableLines.slice(0, 3).map((text) => ({ text: text.trim() }))));
  }
  if (warnings.has('IMAGE_ONLY_PAGES')) findings.push(finding('IMAGE_ONLY_PAGES', 'critical', 'At least one page is only an image (a scan or an exported picture). An ATS cannot read it: export the résumé as text.'));
  else if (warnings.has('IMAGES')) findings.push(finding('IMAGES', 'info', 'The résumé contains images. An ATS ignores them, so no information should live only in a picture or icon.'));
  if (warnings.has('GLYPH_GARBAGE') || (resume.text.match(/\ufffd|\(cid:\d+\)/g)?.length ?? 0) >= 5) {
    findings.push(finding('GLYPH_GARBAGE', 'critical', 'Parts of the text come out as garbled characters (usually an embedded font without a text map). Re-export the PDF with standard fonts.'));
  }
  return findings;
}

export function lengthFindings(resume: ResumeDocument): AtsFinding[] {
  const pages = resume.pageCount;
  const years = resume.years ?? 0;
  if (pages === undefined) return [];
  if ((pages > 2 && years < 10) || (pages >= 2 && years < 2)) {
    return [finding('TOO_LONG_FOR_EXPERIENCE', 'warning', `${pages} pages for about ${years} years of experience. Recruiters expect one page under ten years and two at most beyond that.`, [{ text: `${pages} pages` }])];
  }
  return [];
}
