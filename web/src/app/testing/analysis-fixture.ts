/** A complete analysis answer as the API sends it (schemaVersion 1), for component tests. */
export const RESUME_TEXT =
  'Jane Doe\nFrontend engineer with Angular and TypeScript.\nLed a team of 5 engineers.';

export function analysisAnswer(overrides: Record<string, unknown> = {}) {
  const angular = RESUME_TEXT.indexOf('Angular');
  const typescript = RESUME_TEXT.indexOf('TypeScript');
  return {
    jobId: 'j1',
    createdAt: '2026-03-01T10:00:00Z',
    result: {
      schemaVersion: 1,
      engine: 'offline',
      model: null,
      usage: null,
      panelsAllowed: ['score', 'keywords', 'ats', 'bullets', 'hireProbability', 'coverLetter'],
      matchScore: {
        value: 72,
        breakdown: [
          {
            key: 'hardSkills',
            label: 'Hard skills',
            weight: 0.5,
            points: 40,
            assessed: true,
            explanation: '4 of 5 required skills found.',
          },
          {
            key: 'education',
            label: 'Education',
            weight: 0.1,
            points: 0,
            assessed: false,
            explanation: 'The job names no degree.',
          },
        ],
      },
      job: {
        title: 'Frontend engineer',
        normalizedTitle: null,
        occupation: null,
        minYears: null,
        degree: null,
      },
      keywords: {
        matched: [
          {
            term: 'Angular',
            canonical: 'angular',
            category: 'framework',
            kind: 'hard',
            importance: 'required',
            jobMentions: 3,
            locations: [{ section: 'summary', start: angular, end: angular + 7, text: 'Angular' }],
            alternatives: [],
          },
          {
            term: 'TypeScript',
            canonical: 'typescript',
            category: 'language',
            kind: 'hard',
            importance: 'preferred',
            jobMentions: 1,
            locations: [
              { section: 'summary', start: typescript, end: typescript + 10, text: 'TypeScript' },
              { section: 'other', start: 99_999, end: 100_010, text: 'beyond the text' },
            ],
            alternatives: [],
          },
        ],
        missing: [
          {
            term: 'GraphQL',
            canonical: 'graphql',
            category: 'api',
            kind: 'hard',
            importance: 'required',
            jobMentions: 2,
            locations: [],
            alternatives: ['REST'],
          },
        ],
      },
      atsFindings: [
        {
          code: 'MULTI_COLUMN',
          severity: 'critical',
          message: 'Two columns confuse ATS parsers.',
          evidence: [{ text: 'Skills | Experience' }],
        },
        {
          code: 'NO_DATES',
          severity: 'warning',
          message: 'Some jobs have no dates.',
          evidence: [],
        },
        {
          code: 'NEW_KIND',
          severity: 'catastrophic',
          message: 'A severity this build does not know.',
          evidence: [],
        },
      ],
      bulletCritiques: [
        {
          original: 'Led a team of 5 engineers',
          problems: [{ code: 'NO_RESULT', message: 'Says what you did, not what it achieved.' }],
          rewritten: 'Led 5 engineers to ship the checkout redesign',
          rationale: 'Adds the outcome.',
          verdict: { accepted: true, reasons: [] },
        },
      ],
      hireProbability: {
        value: 0.42,
        band: 'moderate',
        factors: [
          {
            name: 'Required skills',
            value: 0.8,
            weight: 0.5,
            contribution: 0.1,
            explanation: 'Most required skills are there.',
          },
        ],
      },
      coverLetter: { text: 'Dear hiring team,\nI build Angular apps.', dropped: [] },
      notices: ['The résumé text was clipped at 20,000 characters.'],
      ...overrides,
    },
  };
}
