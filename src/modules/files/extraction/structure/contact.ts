import type { ResumeStructure } from '../extracted-resume.ts';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d[\d\s.-]{5,}\d/g;
const LINK = /\b(?:https?:\/\/)?(?:www\.)?(?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|me|app|co|ai|page|site|xyz|eu|uk|de)(?:\/[^\s,|;)]*)?/gi;
const PART_SEPARATOR = /\s+[,|•·]\s+|\s*[|•·\t]\s*|\s{2,}/;
const LOCATION = /^(?:[\p{Lu}][\p{L}.'-]*)(?: [\p{Lu}][\p{L}.'-]*)*, ?(?:[A-Z]{2}|[\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]+)*)$|^remote$/iu;
const NAME = /^[\p{Lu}][\p{L}'.-]*(?: [\p{Lu}][\p{L}'.-]*){1,3}$/u;

/**
 * Contact fields come from the header (the lines before the first section) and, for email and
 * phone only, from anywhere: some layouts put them in a side column.
 */
export function findContact(header: readonly string[], wholeText: string): ResumeStructure['contact'] {
  const headerText = header.join('\n');
  const parts = header.flatMap((line) => line.split(PART_SEPARATOR)).map((part) => part.trim()).filter(Boolean);
  return {
    name: parts.find((part) => NAME.test(part) && !/\d|@/.test(part)) ?? null,
    email: EMAIL.exec(headerText)?.[0] ?? EMAIL.exec(wholeText)?.[0] ?? null,
    phone: findPhone(headerText) ?? findPhone(wholeText),
    location: parts.find((part) => LOCATION.test(part) && !EMAIL.test(part)) ?? null,
    links: findLinks(wholeText),
  };
}

function findPhone(text: string): string | null {
  for (const match of text.matchAll(PHONE)) {
    const digits = match[0].replace(/\D/g, '').length;
    // Nine digits at least, so a date range like "2019 - 2021" is never taken for a number.
    if (digits >= 9 && digits <= 15) return match[0].trim();
  }
  return null;
}

function findLinks(text: string): string[] {
  const links = new Set<string>();
  for (const match of text.matchAll(LINK)) {
    const link = match[0].replace(/[.,]+$/, '');
    const before = text[(match.index ?? 0) - 1];
    if (before === '@' || (!link.includes('/') && !/^(https?:|www\.)/i.test(link))) continue; // an email's domain, or a word like "Node.js"
    links.add(link);
  }
  return [...links];
}
