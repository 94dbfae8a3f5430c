// Soft skills job descriptions ask for, with the words people use for them in bullets.
// Kept short on purpose: a long list of vague words would match everywhere and mean nothing.
import type { CuratedSkill } from './curated-skills.ts';

const SOFT = 'Soft skill';
const s = (name: string, ...aliases: string[]): CuratedSkill => ({ name, category: SOFT, aliases });

export const softSkills: readonly CuratedSkill[] = [
  s('Communication', 'communication skills', 'communicate', 'communicating', 'communicator', 'written communication', 'verbal communication'),
  s('Collaboration', 'collaborate', 'collaborated', 'collaborating', 'collaborative', 'cross-functional', 'cross functional', 'working closely', 'worked closely', 'work closely', 'partnered'),
  s('Leadership', 'led a team', 'leading a team', 'lead a team', 'team lead', 'leading cross-functional teams', 'leadership skills', 'led teams', 'leading teams'),
  s('Mentoring', 'mentor', 'mentored', 'mentorship', 'coaching', 'coached'),
  s('Ownership', 'take ownership', 'took ownership', 'end-to-end ownership', 'owned', 'accountability'),
  s('Stakeholder management', 'stakeholders', 'stakeholder', 'align stakeholders', 'aligned stakeholders', 'stakeholder alignment'),
  s('Problem solving', 'problem-solving', 'solve problems', 'solved problems', 'troubleshooting', 'debugging'),
  s('Strategic thinking', 'strategy', 'strategic', 'strategic planning'),
  s('Presentation skills', 'present roadmap', 'presented to', 'presented', 'presenting', 'presentations'),
  s('Prioritization', 'prioritize', 'prioritise', 'prioritized', 'prioritization', 'prioritisation'),
  s('Decision making', 'data-driven decisions', 'decision-making', 'sound decisions'),
  s('Teamwork', 'team player', 'work in a team', 'team environment'),
  s('Adaptability', 'adaptable', 'fast-paced', 'fast paced', 'ambiguity', 'ambiguous'),
  s('Attention to detail', 'detail-oriented', 'detail oriented'),
  s('Time management', 'deadlines', 'on time', 'within the stipulated time'),
  s('Negotiation', 'negotiate', 'negotiated'),
  s('Customer focus', 'customer-facing', 'customer obsession', 'customer-centric', 'enterprise customers'),
  s('Self-motivation', 'self-direct', 'self-directed', 'self-starter', 'self-motivated', 'little supervision'),
];
