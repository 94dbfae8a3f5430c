// The keywords a careful recruiter would list for each fixture job description, written by reading
// the posting (not by running the engine). Canonical names as the vocabulary spells them.
export const expectedKeywords: Record<string, readonly string[]> = {
  'backend-eng': [
    'Python', 'FastAPI', 'Django REST Framework', 'AWS', 'Amazon ECS', 'Amazon RDS', 'Amazon ElastiCache', 'Microservices',
    'Event-driven architecture', 'Kafka', 'Data modeling', 'PostgreSQL', 'asyncio', 'Docker', 'Kubernetes', 'SQL',
    'Query optimization', 'Redis', 'Caching', 'CI/CD', 'GitHub Actions', 'CircleCI', 'Observability', 'Datadog',
    'OpenTelemetry', 'On-call', 'Incident postmortems', 'System design', 'Ownership',
  ],
  'frontend-eng': [
    'React', 'Next.js', 'TypeScript', 'GraphQL', 'React Server Components', 'Server-side rendering', 'Tailwind CSS', 'CSS-in-JS',
    'Web accessibility', 'Storybook', 'Vitest', 'Jest', 'Playwright', 'Unit testing', 'End-to-end testing', 'Core Web Vitals',
    'Design systems', 'Web performance', 'Collaboration',
  ],
  'ml-eng': [
    'Machine learning', 'Python', 'PyTorch', 'scikit-learn', 'Hugging Face Transformers', 'Apache Spark', 'Ray', 'Dask', 'MLflow',
    'Experiment tracking', 'Feature stores', 'Feast', 'Tecton', 'Model registry', 'A/B testing', 'Triton Inference Server',
    'Amazon SageMaker', 'Model monitoring', 'Evidently', 'WhyLogs', 'SQL', 'Distributed systems', 'Data pipelines', 'Model deployment',
  ],
  'product-manager': [
    'Product management', 'Product roadmap', 'Product strategy', 'Product backlog', 'Customer discovery', 'Net Promoter Score',
    'Mixpanel', 'Amplitude', 'Looker', 'Funnel analysis', 'Competitive analysis', 'Product requirements documents',
    'Acceptance criteria', 'Sprint planning', 'OKRs', 'SaaS', 'SQL', 'A/B testing', 'Data analysis', 'Go-to-market',
    'Stakeholder management', 'Communication', 'Prioritization', 'Presentation skills',
  ],
};
