import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '../../../platform/event-store/index.ts';
import { postingIdOf } from '../import-decider.ts';
import { contentHashOf, type PostingFields } from '../posting.ts';

// Generated postings for the search benchmark: realistic titles, skills, places and 60–140-word
// descriptions from a fixed seed, so every run searches the same 50,000 postings.

const roles = ['Backend Engineer', 'Frontend Engineer', 'Data Analyst', 'Data Engineer', 'Machine Learning Engineer', 'DevOps Engineer', 'Site Reliability Engineer',
  'Product Manager', 'Product Designer', 'UX Researcher', 'Registered Nurse', 'Pharmacist', 'Accountant', 'Financial Analyst', 'Sales Representative',
  'Account Executive', 'Customer Success Manager', 'Support Specialist', 'Marketing Manager', 'Content Writer', 'Recruiter', 'HR Generalist', 'Teacher',
  'Warehouse Associate', 'Truck Driver', 'Electrician', 'Mechanical Engineer', 'Civil Engineer', 'Project Manager', 'Business Analyst', 'QA Engineer',
  'Security Engineer', 'Mobile Developer', 'Java Developer', 'Python Developer', 'Chef', 'Store Manager', 'Paralegal', 'Office Manager', 'Physiotherapist'];
const levels = ['', 'Senior ', 'Junior ', 'Lead ', 'Staff ', 'Principal '];
const skills = ['TypeScript', 'Angular', 'React', 'Node.js', 'Go', 'Rust', 'Java', 'Kotlin', 'Swift', 'Python', 'SQL', 'PostgreSQL', 'Kafka', 'Kubernetes', 'Terraform',
  'AWS', 'GCP', 'Azure', 'Docker', 'Spark', 'Airflow', 'PyTorch', 'TensorFlow', 'Tableau', 'Excel', 'Salesforce', 'HubSpot', 'Figma', 'Jira', 'IFRS', 'GAAP',
  'SAP', 'Patient care', 'ICU', 'Forklift', 'CE licence', 'AutoCAD', 'SolidWorks', 'Scrum', 'SEO', 'Copywriting', 'Negotiation', 'Payroll', 'Recruiting'];
const places: [string, string][] = [['Berlin', 'Germany'], ['Hamburg', 'Germany'], ['Munich', 'Germany'], ['Paris', 'France'], ['Lyon', 'France'], ['Lisbon', 'Portugal'],
  ['Madrid', 'Spain'], ['Barcelona', 'Spain'], ['Dublin', 'Ireland'], ['London', 'United Kingdom'], ['Manchester', 'United Kingdom'], ['Amsterdam', 'Netherlands'],
  ['Warsaw', 'Poland'], ['Stockholm', 'Sweden'], ['Toronto', 'Canada'], ['Vancouver', 'Canada'], ['New York', 'United States'], ['Austin', 'United States'],
  ['San Francisco', 'United States'], ['Chicago', 'United States'], ['Sydney', 'Australia'], ['Singapore', 'Singapore'], ['Bangalore', 'India'], ['Tokyo', 'Japan']];
const sentences = ['You will join a small team that ships every week.', 'We value clear writing and kind code review.', 'Our customers are hospitals, schools and city councils.',
  'You will own features from the first sketch to production.', 'We offer a learning budget and flexible hours.', 'The role reports to the head of the department.',
  'Experience with regulated industries is a plus.', 'You will mentor two junior colleagues.', 'We work in two-week sprints with a yearly roadmap.',
  'On-call is shared fairly and paid.', 'You will talk to customers every month.', 'Our stack is boring on purpose and well tested.', 'Travel is rare.',
  'The office has a quiet floor and a good canteen.', 'We publish salary bands for every role.', 'You will improve how we measure quality.',
  'Night and weekend shifts rotate across the team.', 'Safety training is provided in the first month.', 'A driving licence is required.',
  'You will prepare monthly reports for the leadership team.', 'We support parental leave beyond the legal minimum.', 'Fluent English is required; German helps.'];

function prng(seed: number) {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

export function generatePostings(count: number, now: Date, seed = 42): PostingFields[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const role = pick(roles);
    const [city, country] = pick(places);
    const remote = random() < 0.2;
    const own = Array.from({ length: 2 + Math.floor(random() * 5) }, () => pick(skills));
    const words = Array.from({ length: 6 + Math.floor(random() * 8) }, () => pick(sentences));
    return {
      externalId: `gen-${i}`, title: `${pick(levels)}${role}`, company: `Company ${Math.floor(random() * 2_000)}`, city, country, remote,
      locationText: remote ? `Remote - ${country}` : `${city}, ${country}`, skills: [...new Set(own)],
      description: `As a ${role.toLowerCase()} you will use ${own.join(', ')}. ${words.join(' ')}`, url: null,
      postedAt: new Date(now.getTime() - Math.floor(random() * 120) * 86_400_000).toISOString(),
    };
  });
}

/** As the projector would hand them to the postings read model. */
export function asRecordedEvents(postings: readonly PostingFields[], firstPosition: number): RecordedEvent[] {
  const importId = randomUUID();
  return postings.map((p, i) => ({
    type: 'PostingPublished',
    data: { ...p, postingId: postingIdOf('bench', p.externalId), sourceKey: 'bench', contentHash: contentHashOf(p), importId, at: p.postedAt },
    metadata: { eventId: randomUUID(), commandId: importId, correlationId: importId, causationId: importId, actor: { kind: 'system', id: 'bench' }, occurredAt: p.postedAt, schemaVersion: 1 },
    streamId: 'postings-bench', streamPosition: firstPosition + i, position: firstPosition + i + 1,
  }));
}
