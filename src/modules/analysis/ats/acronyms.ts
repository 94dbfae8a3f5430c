// Acronyms an ATS may only match in their long form. Writing "Machine Learning (ML)" once covers
// both spellings; everyday ones (API, SQL, HTML) are left out because every parser knows them.
export const ACRONYMS: Record<string, { expansion: string; pattern: RegExp }> = {
  ML: { expansion: 'Machine Learning', pattern: /machine[- ]learning/i },
  NLP: { expansion: 'Natural Language Processing', pattern: /natural language processing/i },
  AI: { expansion: 'Artificial Intelligence', pattern: /artificial intelligence/i },
  LLM: { expansion: 'Large Language Model', pattern: /large language model/i },
  GCP: { expansion: 'Google Cloud Platform', pattern: /google cloud/i },
  AWS: { expansion: 'Amazon Web Services', pattern: /amazon web services/i },
  SEO: { expansion: 'Search Engine Optimization', pattern: /search engine optimi[sz]ation/i },
  KPI: { expansion: 'Key Performance Indicator', pattern: /key performance indicator/i },
  OKR: { expansion: 'Objectives and Key Results', pattern: /objectives and key results/i },
  PRD: { expansion: 'Product Requirements Document', pattern: /product requirements? doc/i },
  NPS: { expansion: 'Net Promoter Score', pattern: /net promoter score/i },
  ETL: { expansion: 'Extract, Transform, Load', pattern: /extract,? transform/i },
  QA: { expansion: 'Quality Assurance', pattern: /quality assurance/i },
  UX: { expansion: 'User Experience', pattern: /user experience/i },
  CRM: { expansion: 'Customer Relationship Management', pattern: /customer relationship management/i },
  ERP: { expansion: 'Enterprise Resource Planning', pattern: /enterprise resource planning/i },
  SLA: { expansion: 'Service Level Agreement', pattern: /service[- ]level agreement/i },
  TDD: { expansion: 'Test-Driven Development', pattern: /test[- ]driven development/i },
  SDLC: { expansion: 'Software Development Life Cycle', pattern: /software development life ?cycle/i },
  SRE: { expansion: 'Site Reliability Engineering', pattern: /site reliability/i },
  'CI/CD': { expansion: 'Continuous Integration / Continuous Delivery', pattern: /continuous (integration|delivery|deployment)/i },
  ROI: { expansion: 'Return on Investment', pattern: /return on investment/i },
};

/** An acronym standing as a word of its own: "ML" but not "HTML", "CI" but not the "CI" of "CI/CD". */
export function acronymPattern(acronym: string): RegExp {
  return new RegExp(`(?<![\\w/-])${acronym.replace(/[/]/g, '\\/')}(?![\\w/])`);
}
