import type { AnalysisInput, Plan, SectionKind } from '../analysis/index.ts';
import type { ExtractedResume } from '../files/index.ts';

// What the extractor read, shaped as the engine's input. The two modules grew their own section
// vocabularies; kinds the engine does not know become 'other' rather than failing the analysis.

const engineKinds = new Set<SectionKind>(['contact', 'summary', 'experience', 'education', 'skills', 'projects', 'certifications', 'other']);
const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

export type JobText = { title: string | null; company: string | null; text: string };

/** `job` null: a general résumé analysed without a job description (ATS findings and bullet critique only). */
export function analysisInputOf(extracted: ExtractedResume, job: JobText | null, plan: Plan): AnalysisInput {
  const { structure } = extracted;
  return {
    resume: {
      text: extracted.text,
      sections: structure.sections.slice(0, 100).map((s) => ({
        kind: engineKinds.has(s.kind as SectionKind) ? (s.kind as SectionKind) : 'other',
        heading: s.heading.slice(0, 200),
        start: s.start,
        end: s.end,
      })),
      experience: structure.experience.slice(0, 50).map((e) => ({
        title: orUndefined(e.title)?.slice(0, 300),
        company: orUndefined(e.company)?.slice(0, 300),
        start: orUndefined(e.start)?.slice(0, 50),
        end: orUndefined(e.end)?.slice(0, 50),
        bullets: e.bullets.slice(0, 200).map((b) => b.slice(0, 2_000)),
      })),
      contact: {
        email: orUndefined(structure.contact.email),
        phone: orUndefined(structure.contact.phone),
        location: orUndefined(structure.contact.location),
        links: structure.contact.links.slice(0, 20),
      },
      layoutWarnings: extracted.warnings.map((w) => w.code).slice(0, 20),
      pageCount: orUndefined(extracted.pageCount),
    },
    job: job === null ? null : { title: orUndefined(job.title), company: orUndefined(job.company), text: job.text },
    plan,
  };
}

/** Every bullet of the experience entries, in order: what a rewrite request works on. */
export function bulletsOf(extracted: ExtractedResume, limit = 40): string[] {
  return extracted.structure.experience.flatMap((e) => e.bullets).filter((b) => b.trim().length > 0).slice(0, limit);
}
