// The looks a person can pick. Every template is single column with the same reading order and
// headings; they differ in type sizes, spacing and accents only, so none of them costs ATS points.

export const templateNames = ['classic', 'modern', 'compact'] as const;
export type TemplateName = (typeof templateNames)[number];

export type Template = {
  name: TemplateName;
  /** Points; A4 is 595 × 842. */
  margin: number;
  nameSize: number;
  headingSize: number;
  bodySize: number;
  lineGap: number;
  sectionGap: number;
  nameAlign: 'left' | 'center';
  /** Hex colour of the name and headings (black in classic: printers and fax-era ATS). */
  accent: string;
  /** A rule under each heading. */
  headingRule: boolean;
};

const templates: Record<TemplateName, Template> = {
  classic: { name: 'classic', margin: 56, nameSize: 20, headingSize: 11.5, bodySize: 10.5, lineGap: 2, sectionGap: 12, nameAlign: 'center', accent: '#000000', headingRule: true },
  modern: { name: 'modern', margin: 50, nameSize: 24, headingSize: 12, bodySize: 10.5, lineGap: 2.5, sectionGap: 14, nameAlign: 'left', accent: '#1f4e79', headingRule: false },
  compact: { name: 'compact', margin: 40, nameSize: 17, headingSize: 10.5, bodySize: 9.5, lineGap: 1, sectionGap: 8, nameAlign: 'left', accent: '#000000', headingRule: true },
};

export function templateOf(name: string): Template {
  return templates[(templateNames as readonly string[]).includes(name) ? (name as TemplateName) : 'classic'];
}

/** Said once, small, at the top of the first page of a FREE export (never inside the résumé's own text). */
export const watermarkText = 'created with resume coach (free plan)';
