// What the engine is asked to analyse. Structure is optional: the pipeline passes what the
// extractor recovered, and the engine derives sections and bullets from plain text when it is absent.
import { z } from 'zod';

export const SectionKind = z.enum(['contact', 'summary', 'experience', 'education', 'skills', 'projects', 'certifications', 'other']);
export type SectionKind = z.infer<typeof SectionKind>;

/** Codes the extractor raises about the document's layout; ATS findings explain them. */
export const LayoutWarning = z.enum(['MULTI_COLUMN', 'TABLES', 'HEADER_FOOTER_CONTENT', 'IMAGES', 'IMAGE_ONLY_PAGES', 'GLYPH_GARBAGE']);
export type LayoutWarning = z.infer<typeof LayoutWarning>;

// Bounds keep one request from holding a worker: longer text is clipped (and reported) by the engine.
const Text = z.string().max(1_000_000);

export const ResumeSection = z.object({
  kind: SectionKind,
  heading: z.string().max(200),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type ResumeSection = z.infer<typeof ResumeSection>;

export const ExperienceEntry = z.object({
  title: z.string().max(300).optional(),
  company: z.string().max(300).optional(),
  start: z.string().max(50).optional(),
  end: z.string().max(50).optional(),
  bullets: z.array(z.string().max(2_000)).max(200),
});
export type ExperienceEntry = z.infer<typeof ExperienceEntry>;

export const ResumeInput = z.object({
  text: Text,
  sections: z.array(ResumeSection).max(100).optional(),
  experience: z.array(ExperienceEntry).max(50).optional(),
  contact: z.object({
    email: z.string().max(300).optional(),
    phone: z.string().max(100).optional(),
    location: z.string().max(300).optional(),
    links: z.array(z.string().max(500)).max(20).optional(),
  }).optional(),
  // Unknown codes from a newer extractor are kept out rather than failing the whole analysis.
  layoutWarnings: z.array(z.string().max(50)).max(20).optional(),
  pageCount: z.number().int().nonnegative().max(1000).optional(),
});
export type ResumeInput = z.infer<typeof ResumeInput>;

export const Plan = z.enum(['FREE', 'PRO', 'GUEST']);
export type Plan = z.infer<typeof Plan>;

export const JobInput = z.object({ title: z.string().max(300).optional(), company: z.string().max(300).optional(), text: Text });
export type JobInput = z.infer<typeof JobInput>;

export const AnalysisInput = z.object({
  resume: ResumeInput,
  /** Null: a general résumé, not aimed at one job — ATS findings and bullet critique only (no score, keywords, hire probability or letter). */
  job: JobInput.nullable(),
  plan: Plan,
});
export type AnalysisInput = z.infer<typeof AnalysisInput>;
