// Builds vocabulary/onet-vocabulary.json from the O*NET files in ../shared/data/onet, so the engine
// starts fast and never needs shared/ at run time. Run: node src/modules/analysis/vocabulary/build.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { phraseKey } from '../text/tokenize.ts';
import { curatedSkills } from './curated-skills.ts';
import { softSkills } from './soft-skills.ts';

const ONET = new URL('../../../../../shared/data/onet/', import.meta.url);
const OUT = new URL('./onet-vocabulary.json', import.meta.url);
const VENDORS = /^(Apache|Atlassian|Microsoft|Amazon Web Services AWS|Amazon|Google|Oracle|IBM|Adobe|Autodesk|SAP|Salesforce|Intuit) (.+)$/;
/** Product names that are also everyday words: matching them alone would flag half of every résumé. */
const COMMON_WORDS = new Set(('Access Ads Analytics Analyze Ant Calendar Checkout Chrome Classroom Clinical Cloud Combustion Connect Continuum ' +
  'Contribute Darwin Designer Director Distiller Docs Drive Dynamics Exchange Flex Hive Inventor Inventory Maintenance Mechanical Meet ' +
  'Money Notes Outlook Paint Pig Presenter Project Publisher Reports Scholar Sheets Sites Slides Smoke Teams Video Word Works World ' +
  'Mail Mapper Basecamp Box Zoom Slack Commerce Keynote Pages Numbers Photos Sketch Spark Kafka Abbott Act! Algae ' +
  'Facebook Instagram LinkedIn YouTube Twitter WhatsApp TikTok Chef Puppet').split(' '));
const MAX_WORDS = 6;

type Row = { name: string; category: string; hot: boolean };

function readRows(): Row[] {
  const lines = readFileSync(new URL('technology-skills.tsv', ONET), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [, name = '', , category = '', hot = 'N', demand = 'N'] = line.split('\t');
    return { name: name.trim(), category: category.trim(), hot: hot === 'Y' || demand === 'Y' };
  });
}

/** One word that looks like a product name, not a dictionary word ("PowerPoint", "HBase", "AJAX"). */
function isDistinctive(word: string): boolean {
  if (COMMON_WORDS.has(word)) return false;
  return /[a-z][A-Z]/.test(word) || /[0-9.+#_]/.test(word) || /^[A-Z]{3,}$/.test(word);
}

export function buildVocabulary() {
  const reserved = new Set([...curatedSkills, ...softSkills].flatMap((s) => [s.name, ...s.aliases].map((a) => phraseKey(a.replace(/^[=~]/, '')))));
  const byName = new Map<string, { categories: Map<string, number>; hot: boolean }>();
  for (const row of readRows()) {
    const entry = byName.get(row.name) ?? { categories: new Map<string, number>(), hot: false };
    entry.categories.set(row.category, (entry.categories.get(row.category) ?? 0) + 1);
    entry.hot ||= row.hot;
    byName.set(row.name, entry);
  }
  const categories: string[] = [];
  const skills: [string, number, string?][] = [];
  for (const [name, entry] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    const words = name.split(/\s+/);
    if (words.length > MAX_WORDS || reserved.has(phraseKey(name))) continue;
    if (words.length === 1 && !(isDistinctive(name) || (entry.hot && !COMMON_WORDS.has(name)))) continue;
    const category = [...entry.categories].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'Software';
    if (!categories.includes(category)) categories.push(category);
    const product = VENDORS.exec(name)?.[2];
    const alias = product && product.split(' ').length === 1 && isDistinctive(product) && !reserved.has(phraseKey(product)) ? product : undefined;
    skills.push(alias ? [name, categories.indexOf(category), alias] : [name, categories.indexOf(category)]);
  }
  const occupations = readFileSync(new URL('occupations.tsv', ONET), 'utf8').trim().split('\n').slice(1)
    .map((line) => line.split('\t').slice(0, 2) as [string, string]);
  return {
    attribution: 'This product includes information from O*NET OnLine by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.',
    categories, skills, occupations,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const vocabulary = buildVocabulary();
  writeFileSync(OUT, JSON.stringify(vocabulary) + '\n');
  console.log(`${vocabulary.skills.length} technologies, ${vocabulary.categories.length} categories, ${vocabulary.occupations.length} occupations`);
}
