// Crafted résumés, each with one kind of defect, and the finding codes the ATS check must raise.
// They start from a clean résumé (which must raise nothing) and change one thing.
import type { ResumeInput } from '../input.ts';

export interface AtsCase { readonly name: string; readonly resume: ResumeInput; readonly expect: readonly string[] }

export const CLEAN = `Dana Whitfield
Software Engineer
dana.whitfield@example.com | +1 (503) 555-0166 | Portland, OR

SUMMARY
Software engineer with 4 years of experience building web services in Python and TypeScript.

EXPERIENCE
Software Engineer, Alpine Freight, Portland, OR          Jan 2022 – Present
• Built a shipment tracking API in Python used by 300 carriers
• Cut page load time by 35% by moving rendering to the server

Junior Software Engineer, Blue Yonder Books, Salem, OR          Jun 2020 – Dec 2021
• Wrote 120 automated tests in TypeScript for the checkout flow

EDUCATION
Bachelor of Science in Computer Science, Oregon State University, 2020

SKILLS
Python, TypeScript, PostgreSQL, Docker, Git
`;

const replace = (from: string | RegExp, to: string) => CLEAN.replace(from, to);

export const atsCases: readonly AtsCase[] = [
  { name: 'no contact line', resume: { text: replace(/dana\.whitfield.*\n/, '') }, expect: ['MISSING_EMAIL', 'MISSING_PHONE', 'MISSING_LOCATION'] },
  { name: 'no phone', resume: { text: replace(' | +1 (503) 555-0166', '') }, expect: ['MISSING_PHONE'] },
  { name: 'contact in page header', resume: { text: CLEAN, layoutWarnings: ['HEADER_FOOTER_CONTENT'] }, expect: ['CONTACT_IN_HEADER_FOOTER'] },
  { name: 'extractor saw two columns', resume: { text: CLEAN, layoutWarnings: ['MULTI_COLUMN'] }, expect: ['MULTI_COLUMN'] },
  {
    name: 'two columns in the text',
    resume: { text: replace(/EXPERIENCE\n[\s\S]*?\nEDUCATION/, `EXPERIENCE                                          SKILLS
Software Engineer, Alpine Freight, Portland, OR     Python, TypeScript
Jan 2022 – Present                                  PostgreSQL, Docker
• Built a shipment tracking API in Python           Git and GitHub Actions
  used by 300 carriers across the region            LANGUAGES
• Cut page load time by 35% by moving rendering     English and Spanish
  to the server for the customer portal             INTERESTS
• Wrote 120 automated tests in TypeScript for       Climbing and chess
  the checkout flow of the online store             Volunteer tutoring

EDUCATION`) },
    expect: ['MULTI_COLUMN'],
  },
  { name: 'tables', resume: { text: CLEAN, layoutWarnings: ['TABLES'] }, expect: ['TABLES'] },
  { name: 'image-only page', resume: { text: CLEAN, layoutWarnings: ['IMAGE_ONLY_PAGES'], pageCount: 2 }, expect: ['IMAGE_ONLY_PAGES'] },
  { name: 'garbled font', resume: { text: CLEAN + '(cid:12)(cid:7)(cid:44) (cid:3)(cid:19)\n'.repeat(3) }, expect: ['GLYPH_GARBAGE'] },
  { name: 'unusual headings', resume: { text: replace('EXPERIENCE', 'WHERE I HAVE BEEN').replace('EDUCATION', 'SCHOOLING').replace('SKILLS', 'TOOLBOX') }, expect: ['MISSING_STANDARD_SECTIONS'] },
  { name: 'seasonal dates', resume: { text: replace('Jun 2020 – Dec 2021', "Summer '20 – Winter '21") }, expect: ['UNPARSABLE_DATES'] },
  { name: 'three pages, four years', resume: { text: CLEAN, pageCount: 3 }, expect: ['TOO_LONG_FOR_EXPERIENCE'] },
  { name: 'keyword stuffing', resume: { text: CLEAN + '\nPython Python Python Python Python Python Python Python Python Python\n' }, expect: ['KEYWORD_STUFFING'] },
  { name: 'acronym never spelled out', resume: { text: replace('in Python used by 300 carriers', 'in Python with ML routing used by 300 carriers') }, expect: ['ACRONYMS_NOT_SPELLED_OUT'] },
  { name: 'icon glyphs and emoji', resume: { text: replace('dana.whitfield@example.com', '\uf0e0 dana.whitfield@example.com 🚀') }, expect: ['UNUSUAL_CHARACTERS'] },
  { name: 'bidi override and NUL', resume: { text: replace('Portland, OR\n', 'Portland, OR\u202e\u0000\n') }, expect: ['UNUSUAL_CHARACTERS'] },
  { name: 'empty text', resume: { text: '' }, expect: ['NO_READABLE_TEXT'] },
];
