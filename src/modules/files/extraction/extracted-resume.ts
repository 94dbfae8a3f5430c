import { z } from 'zod';

export const SectionKind = z.enum([
  'summary', 'experience', 'education', 'skills', 'projects', 'certifications', 'awards',
  'languages', 'publications', 'volunteering', 'interests', 'links', 'references', 'contact', 'other',
]);
export type SectionKind = z.infer<typeof SectionKind>;

export const LayoutWarningCode = z.enum([
  'MULTI_COLUMN', 'TABLES', 'HEADER_FOOTER_CONTENT', 'IMAGES', 'IMAGE_ONLY_PAGES', 'GLYPH_GARBAGE', 'TEXT_TRUNCATED',
]);
export type LayoutWarningCode = z.infer<typeof LayoutWarningCode>;

export const LayoutWarning = z.object({
  code: LayoutWarningCode,
  message: z.string(),
  /** 1-based pages the warning is about, when it is about some pages only. */
  pages: z.array(z.number().int().positive()).optional(),
});
export type LayoutWarning = z.infer<typeof LayoutWarning>;

const Contact = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  location: z.string().nullable(),
  links: z.array(z.string()),
});

/** Offsets index `text`: `text.slice(start, end)` is the section, heading included. */
const Section = z.object({ kind: SectionKind, heading: z.string(), start: z.number().int().min(0), end: z.number().int().min(0) });

const ExperienceEntry = z.object({
  title: z.string().nullable(),
  company: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  bullets: z.array(z.string()),
});

const EducationEntry = z.object({
  institution: z.string().nullable(),
  degree: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
});

export const ResumeStructure = z.object({
  contact: Contact,
  sections: z.array(Section),
  experience: z.array(ExperienceEntry),
  education: z.array(EducationEntry),
  skills: z.array(z.string()),
});
export type ResumeStructure = z.infer<typeof ResumeStructure>;
export type ExperienceEntry = z.infer<typeof ExperienceEntry>;
export type EducationEntry = z.infer<typeof EducationEntry>;
export type ResumeSection = z.infer<typeof Section>;

/** What extraction hands to analysis: the text as read, its structure as far as it could be told, and layout warnings. */
export const ExtractedResume = z.object({
  text: z.string().min(1).max(20_000),
  structure: ResumeStructure,
  /** Pages of a PDF; for DOCX the page count Word saved, if any; null for text. */
  pageCount: z.number().int().positive().nullable(),
  warnings: z.array(LayoutWarning),
});
export type ExtractedResume = z.infer<typeof ExtractedResume>;
