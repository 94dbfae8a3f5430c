/** One résumé with known content, written into every generated test file and asserted back out. */
export const sampleResume = {
  name: 'Maria Lopez',
  email: 'maria.lopez@example.com',
  phone: '+1 (312) 555-0199',
  location: 'Chicago, IL',
  link: 'linkedin.com/in/marialopez',
  summary: 'Operations analyst who turns messy logistics data into decisions that save money and time.',
  experience: [
    {
      title: 'Senior Operations Analyst',
      company: 'Northwind Logistics',
      start: 'Mar 2021',
      end: 'Present',
      bullets: [
        'Cut late deliveries by 23% by rebuilding the carrier scorecard in SQL and Tableau',
        'Automated weekly capacity forecasts in Python, saving the planning team 10 hours a week',
        'Led a cross-team review of 40 warehouse processes and retired 12 of them',
      ],
    },
    {
      title: 'Operations Analyst',
      company: 'Contoso Retail',
      start: 'Jun 2018',
      end: 'Feb 2021',
      bullets: [
        'Built the returns dashboard used by 60 store managers every morning',
        'Negotiated freight rates with three carriers using lane-level cost models',
      ],
    },
  ],
  education: [{ institution: 'University of Illinois', degree: 'Bachelor of Science in Industrial Engineering', end: '2018' }],
  skills: ['SQL', 'Python', 'Tableau', 'Excel', 'Forecasting', 'Process improvement'],
} as const;

export type SampleResume = typeof sampleResume;

/** The sample résumé as a person would write it in Markdown. */
export function sampleResumeMarkdown(): string {
  const r = sampleResume;
  return [
    `# ${r.name}`,
    `${r.email} | ${r.phone} | ${r.location} | [LinkedIn](https://${r.link})`,
    '',
    '## Summary',
    r.summary,
    '',
    '## Experience',
    ...r.experience.flatMap((job) => [`**${job.title}** | ${job.start} - ${job.end}`, `*${job.company}*`, ...job.bullets.map((b) => `- ${b}`), '']),
    '## Education',
    ...r.education.flatMap((s) => [`${s.institution} | ${s.end}`, s.degree]),
    '',
    '## Skills',
    r.skills.join(', '),
  ].join('\n');
}
