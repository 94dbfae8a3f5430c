// Our own synonyms, abbreviations and clean categories for the technologies job seekers name most.
// O*NET has the long tail but not "k8s", "Postgres" or "CI/CD", and its categories are commodity
// codes ("TensorFlow: Industrial control software"), so these entries win over O*NET's.
//
// Alias markers: "=Word" matches only with that exact capitalisation ("Excel", not "excel");
// "~Word" also needs another skill nearby ("Python, R" / "Kafka and Go") because the word alone is
// common English or a single letter. Unmarked aliases match case-insensitively.

export interface CuratedSkill {
  readonly name: string;
  readonly category: string;
  readonly aliases: readonly string[];
}

const LANG = 'Programming language';
const WEB = 'Web & frontend';
const BACK = 'Backend & APIs';
const DB = 'Databases';
const CLOUD = 'Cloud';
const OPS = 'DevOps & infrastructure';
const DATA = 'Data & machine learning';
const TEST = 'Testing & quality';
const OBS = 'Observability & reliability';
const PROD = 'Product & analytics';
const ARCH = 'Architecture & practices';
const TOOLS = 'Tools & collaboration';
const MOBILE = 'Mobile';

const s = (name: string, category: string, ...aliases: string[]): CuratedSkill => ({ name, category, aliases });

export const curatedSkills: readonly CuratedSkill[] = [
  s('JavaScript', LANG, '=JS', 'ECMAScript', 'ES6', 'ES6+', 'ES2015'),
  s('TypeScript', LANG, '=TS'),
  s('Python', LANG, 'Python3', 'Python 3'),
  s('Java', LANG, '=Java', 'J2EE', 'Java EE', 'Java SE'),
  s('Go', LANG, '~Go', 'Golang'),
  s('R', LANG, '~R', 'R language', 'RStudio'),
  s('C', LANG, '~C', 'ANSI C'),
  s('C++', LANG, 'CPP', 'C plus plus'),
  s('C#', LANG, 'C sharp', 'CSharp'),
  s('Rust', LANG, '=Rust'), s('Ruby', LANG, '=Ruby'), s('Scala', LANG, '=Scala'), s('Kotlin', LANG),
  s('Swift', LANG, '~Swift'), s('PHP', LANG), s('Perl', LANG, '=Perl'), s('Bash', LANG, 'shell scripting'),
  s('SQL', LANG, 'Structured Query Language', 'Structured query language SQL', 'T-SQL', 'PL/SQL'),
  s('HTML', WEB, 'HTML5'), s('CSS', WEB, 'CSS3'),
  s('React', WEB, 'React.js', 'ReactJS', 'React JS'), s('Redux', WEB), s('Next.js', WEB, 'NextJS', 'Next JS'),
  s('Angular', WEB, 'AngularJS', 'Angular.js'), s('Vue.js', WEB, 'Vue', 'VueJS'), s('Svelte', WEB),
  s('Tailwind CSS', WEB, 'Tailwind', 'TailwindCSS'), s('CSS-in-JS', WEB, 'styled-components', 'Emotion CSS'),
  s('Webpack', WEB), s('Vite', WEB, '=Vite'), s('Babel', WEB, '=Babel'), s('D3.js', WEB, 'D3'), s('jQuery', WEB),
  s('Storybook', WEB), s('Server-side rendering', WEB, 'SSR', 'streaming SSR'), s('React Server Components', WEB, 'server components'),
  s('Web accessibility', WEB, 'accessibility', 'accessible', 'a11y', 'WCAG', 'WCAG 2.1', 'WCAG 2.1 AA', 'screen-reader testing', 'screen reader'),
  s('Core Web Vitals', WEB, 'Web Vitals', '=LCP', '=CLS', '=INP'), s('Responsive design', WEB, 'responsive web design'),
  s('Design systems', WEB, 'design system', 'design-system', 'design tokens', 'component library'),
  s('Web performance', WEB, 'frontend performance', 'performance budgets', 'page speed'),
  s('Node.js', BACK, '=Node', 'NodeJS', 'Node JS'), s('Express.js', BACK, '~Express', 'ExpressJS'),
  s('Django', BACK), s('Django REST Framework', BACK, 'DRF'), s('FastAPI', BACK, 'Fast API'), s('Flask', BACK, '=Flask'),
  s('Spring Boot', BACK, '~Spring', 'Spring MVC', 'Spring Framework'), s('Hibernate', BACK), s('.NET', BACK, 'dotnet', 'ASP.NET', '.NET Core'),
  s('Ruby on Rails', BACK, 'Rails', 'RoR'), s('GraphQL', BACK), s('REST APIs', BACK, '=REST', 'RESTful', 'RESTful APIs', 'REST API', 'RESTful services', 'RESTful API'),
  s('gRPC', BACK), s('WebSockets', BACK, 'WebSocket'), s('asyncio', BACK, 'async programming', 'asynchronous programming', 'async/await'),
  s('API design', BACK, 'API development', 'APIs'), s('Microservices', ARCH, 'microservice', 'microservices architecture', 'service-oriented architecture', 'SOA'),
  s('Event-driven architecture', ARCH, 'event-driven', 'event driven', 'event-driven messaging', 'event-driven systems', 'event sourcing'),
  s('Distributed systems', ARCH, 'distributed system', 'distributed computing', 'distributed compute'),
  s('System design', ARCH, 'software architecture', 'architectural decisions'),
  s('Data modeling', DB, 'data modelling', 'schema design', 'relational data modeling'),
  s('Query optimization', DB, 'SQL query optimization', 'query tuning', 'database optimization', 'indexing strategies', 'indexing'),
  s('Caching', ARCH, 'cache', 'caching layers', 'caching patterns'),
  s('PostgreSQL', DB, 'Postgres', 'PSQL', 'Postgre SQL'), s('MySQL', DB), s('MongoDB', DB, 'Mongo'), s('Redis', DB),
  s('SQLite', DB), s('Elasticsearch', DB, 'Elastic Search', 'OpenSearch'), s('DynamoDB', DB), s('Cassandra', DB, 'Apache Cassandra'),
  s('NoSQL', DB), s('Oracle Database', DB, 'Oracle DB'), s('Microsoft SQL Server', DB, 'SQL Server', 'MSSQL'), s('Firebase', DB, 'Firestore'),
  s('Kafka', BACK, 'Apache Kafka'), s('RabbitMQ', BACK), s('Amazon SQS', CLOUD, 'SQS'),
  s('AWS', CLOUD, 'Amazon Web Services', 'Amazon Web Services AWS software'), s('Amazon ECS', CLOUD, 'ECS', 'Elastic Container Service'),
  s('Amazon EKS', CLOUD, 'EKS'), s('Amazon RDS', CLOUD, 'RDS'), s('Amazon ElastiCache', CLOUD, 'ElastiCache'), s('AWS Lambda', CLOUD, '=Lambda'),
  s('Amazon S3', CLOUD, 'S3'), s('Amazon EC2', CLOUD, 'EC2'), s('Amazon SageMaker', DATA, 'SageMaker', 'SageMaker endpoints', 'Amazon Web Services AWS SageMaker'),
  s('Google Cloud Platform', CLOUD, 'GCP', 'Google Cloud'), s('Microsoft Azure', CLOUD, 'Azure'), s('BigQuery', DATA, 'Google BigQuery'),
  s('Docker', OPS, 'containerization', 'containers', 'Docker Compose'), s('Kubernetes', OPS, 'k8s'),
  s('Terraform', OPS), s('Ansible', OPS), s('Helm', OPS, '=Helm'), s('Linux', OPS, 'Unix'),
  s('CI/CD', OPS, 'CI CD', 'CICD', 'continuous integration', 'continuous delivery', 'continuous deployment', 'CI/CD pipelines'),
  s('GitHub Actions', OPS), s('CircleCI', OPS, 'Circle CI'), s('Jenkins', OPS), s('GitLab CI', OPS, 'GitLab'),
  s('Git', TOOLS, '=Git', '=GIT', 'version control'), s('GitHub', TOOLS),
  s('Observability', OBS, 'observability tooling', 'monitoring'), s('Datadog', OBS, 'Data Dog'), s('OpenTelemetry', OBS, 'OTel'),
  s('Prometheus', OBS), s('Grafana', OBS), s('PagerDuty', OBS, 'Pager Duty'), s('Sentry', OBS, '=Sentry'),
  s('On-call', OBS, 'on call', 'on-call rotations', 'on-call rotation'), s('Incident postmortems', OBS, 'postmortems', 'post-mortems', 'postmortem', 'runbooks', 'incident response'),
  s('Site reliability engineering', OBS, 'SRE', 'reliability engineering'),
  s('Unit testing', TEST, 'unit tests', 'unit test'), s('End-to-end testing', TEST, 'end-to-end tests', 'E2E testing', 'E2E tests', 'end-to-end testing'),
  s('Test-driven development', TEST, 'TDD', 'test driven development', 'test-driven'), s('Jest', TEST, '=Jest'), s('Vitest', TEST),
  s('Playwright', TEST), s('Cypress', TEST, '=Cypress'), s('Selenium', TEST), s('JUnit', TEST), s('Mockito', TEST), s('pytest', TEST, 'PyTest'),
  s('Machine learning', DATA, '=ML', 'machine-learning', 'applied ML', 'ML engineering', 'ML systems'),
  s('Deep learning', DATA, 'neural networks', 'deep neural networks'), s('Natural language processing', DATA, 'NLP'),
  s('Computer vision', DATA), s('Large language models', DATA, 'LLM', 'LLMs'),
  s('PyTorch', DATA, '=Torch'), s('TensorFlow', DATA, ), s('Keras', DATA), s('scikit-learn', DATA, 'sklearn', 'scikit learn', 'Scikit-learn'),
  s('Hugging Face Transformers', DATA, 'Hugging Face', 'HuggingFace', '=Transformers'),
  s('pandas', DATA, 'Pandas'), s('NumPy', DATA), s('Apache Spark', DATA, '=Spark', 'PySpark', 'Spark SQL'), s('Ray', DATA, '~Ray'),
  s('Dask', DATA), s('Apache Airflow', DATA, 'Airflow'), s('MLflow', DATA, 'Mlflow', 'ML flow'), s('Feature stores', DATA, 'feature store'),
  s('Feast', DATA, '~Feast'), s('Tecton', DATA), s('Model registry', DATA, 'model registries'), s('Model monitoring', DATA, 'ML monitoring', 'data drift', 'prediction drift', 'concept drift'),
  s('Evidently', DATA, '~Evidently'), s('WhyLogs', DATA, 'whylogs'), s('Triton Inference Server', DATA, 'Triton'), s('Model deployment', DATA, 'model serving', 'inference deployment', 'scalable inference'),
  s('Experiment tracking', DATA, 'experiment tracking'), s('Data pipelines', DATA, 'data pipeline', 'data processing pipelines', 'ETL', 'ELT'),
  s('Statistics', DATA, 'statistical analysis', 'statistical modeling'), s('Data visualization', DATA, 'data visualisation'), s('Jupyter', DATA, 'notebooks', 'Jupyter notebooks'),
  s('A/B testing', PROD, 'A/B tests', 'A/B test', 'AB testing', 'split testing', 'experimentation', 'experimentation frameworks'),
  s('Product roadmap', PROD, 'roadmap', 'roadmaps', 'product roadmaps', 'roadmap planning'),
  s('Product strategy', PROD, 'product strategies'), s('Product backlog', PROD, 'backlog', 'backlog prioritization'),
  s('Product requirements documents', PROD, 'PRD', 'PRDs', 'product requirements', 'product specs'), s('Acceptance criteria', PROD),
  s('OKRs', PROD, 'OKR', 'objectives and key results'), s('KPIs', PROD, 'KPI', 'key performance indicators'),
  s('Customer discovery', PROD, 'customer discovery interviews', 'user interviews', 'customer interviews', 'user research', 'Market Research'),
  s('Net Promoter Score', PROD, 'NPS', 'NPS surveys'), s('Competitive analysis', PROD, 'competitive research', 'competitor analysis'),
  s('Product management', PROD, 'product manager', 'product owner'), s('Go-to-market', PROD, 'GTM', 'go to market', 'go-to-market strategy'),
  s('Sprint planning', PROD, 'sprint planning'), s('Agile', ARCH, 'Agile methodologies', 'Agile development', 'agile environment'), s('Scrum', ARCH),
  s('SaaS', PROD, 'software as a service', 'B2B SaaS'), s('Funnel analysis', PROD, 'funnel data', 'funnels', 'conversion funnels'),
  s('Amplitude', PROD, '=Amplitude'), s('Mixpanel', PROD), s('Looker', PROD), s('Tableau', PROD), s('Power BI', PROD, 'PowerBI'),
  s('Google Analytics', PROD), s('Data analysis', PROD, 'data analytics', 'ad-hoc analysis', 'analytics'),
  s('Jira', TOOLS, 'JIRA', 'Atlassian JIRA'), s('Confluence', TOOLS), s('Figma', TOOLS, '=Figma'), s('Microsoft Excel', TOOLS, '=Excel'),
  s('UX design', WEB, 'UI/UX', 'UX', 'user experience design', 'UI/UX design'), s('Project management', TOOLS),
  s('iOS', MOBILE), s('Android', MOBILE), s('React Native', MOBILE), s('Flutter', MOBILE),
  s('Object-oriented programming', ARCH, 'OOP', 'object oriented programming'), s('Code review', ARCH, 'code reviews'),
];
