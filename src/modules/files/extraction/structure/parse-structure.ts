import type { ResumeStructure } from '../extracted-resume.ts';
import { findContact } from './contact.ts';
import { findEducation } from './education.ts';
import { findExperience } from './experience.ts';
import { findSections, sectionBody } from './sections.ts';
import { findSkills } from './skills.ts';

/** Best-effort structure from normalised text; analysis still reads the text itself. */
export function parseStructure(text: string): ResumeStructure {
  const sections = findSections(text);
  const headerEnd = sections[0]?.start ?? Math.min(text.length, 600);
  const header = text.slice(0, headerEnd).split('\n').filter((line) => line.trim().length > 0);
  const bodyOf = (kind: string): string[] => sections.filter((s) => s.kind === kind).flatMap((s) => sectionBody(text, s));
  return {
    contact: findContact(header, text),
    sections,
    experience: findExperience(bodyOf('experience')),
    education: findEducation(bodyOf('education')),
    skills: findSkills(bodyOf('skills')),
  };
}
