// Contact details as an ATS would look for them in the text itself.
import type { ResumeInput } from '../input.ts';

export interface ContactDetails {
  email?: string | undefined;
  phone?: string | undefined;
  location?: string | undefined;
  links: string[];
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)|\d{2,4})[\s.-]?\d{3,4}[\s.-]?\d{3,4}\b/;
const LOCATION = /\b[A-Z][a-zA-Z]+(?: [A-Z][a-zA-Z]+)*, (?:[A-Z]{2}\b|USA|UK|Canada|India|Germany|France|Australia|Netherlands|Ireland|Spain|Italy|Remote)/;
const LINK = /\b(?:https?:\/\/\S+|(?:www\.)?(?:linkedin\.com|github\.com|gitlab\.com)\/\S+)/g;

/** headEnd: where the first section after the contact block starts. */
export function detectContact(text: string, given: ResumeInput['contact'], headEnd: number): ContactDetails {
  // Only the contact block is searched for a location: "Berkeley, CA" under Education is a school.
  const head = text.slice(0, Math.min(headEnd, 600));
  return {
    email: given?.email ?? EMAIL.exec(text)?.[0],
    phone: given?.phone ?? PHONE.exec(text)?.[0]?.trim(),
    location: given?.location ?? LOCATION.exec(head)?.[0],
    links: given?.links ?? [...text.matchAll(LINK)].map((m) => m[0]),
  };
}
