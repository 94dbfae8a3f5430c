// Just enough English verb morphology to turn "Responsible for managing" into "Managed" and
// "Reports were generated" into "Generated reports", without a dictionary.

const IRREGULAR_PAST: Record<string, string> = {
  build: 'built', lead: 'led', write: 'wrote', run: 'ran', make: 'made', drive: 'drove', grow: 'grew', take: 'took', give: 'gave',
  begin: 'began', do: 'did', teach: 'taught', sell: 'sold', buy: 'bought', bring: 'brought', hold: 'held', keep: 'kept',
  send: 'sent', set: 'set', win: 'won', spend: 'spent', speak: 'spoke', choose: 'chose', shut: 'shut', cut: 'cut', put: 'put',
  undertake: 'undertook', oversee: 'oversaw', rebuild: 'rebuilt', rewrite: 'rewrote', see: 'saw', think: 'thought', get: 'got',
};
const IRREGULAR_PARTICIPLE_TO_PAST: Record<string, string> = {
  built: 'built', led: 'led', written: 'wrote', run: 'ran', made: 'made', driven: 'drove', grown: 'grew', taken: 'took', given: 'gave',
  begun: 'began', done: 'did', taught: 'taught', sold: 'sold', brought: 'brought', held: 'held', kept: 'kept', sent: 'sent',
  won: 'won', chosen: 'chose', shown: 'showed', rebuilt: 'rebuilt', rewritten: 'rewrote', overseen: 'oversaw', set: 'set',
};
const DOUBLED = new Set(['plan', 'ship', 'run', 'set', 'get', 'stop', 'map', 'scan', 'log', 'drop', 'tag', 'chat', 'plot', 'commit', 'refer', 'admit', 'transfer', 'occur', 'control']);

/** "managing" → "managed", "building" → "built"; undefined when the word is not a gerund. */
export function gerundToPast(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (!lower.endsWith('ing') || lower.length < 5) return undefined;
  const stem = lower.slice(0, -3);
  const undoubled = stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : undefined;
  for (const base of [stem, `${stem}e`, undoubled]) if (base && IRREGULAR_PAST[base]) return IRREGULAR_PAST[base];
  if (/[^aeiou]y$/.test(stem)) return `${stem.slice(0, -1)}ied`;
  // "plann-ing" → "planned"; "creat-ing" lost its "e", and "creat" + "ed" is right anyway.
  return `${stem}ed`;
}

/** "build" → "building", "migrate" → "migrating", "plan" → "planning". */
export function toGerund(verb: string): string {
  const lower = verb.toLowerCase();
  if (DOUBLED.has(lower)) return `${lower}${lower.at(-1)}ing`;
  if (/[^e]e$/.test(lower)) return `${lower.slice(0, -1)}ing`;
  return `${lower}ing`;
}

/** The simple past for a passive participle ("generated" → "generated", "written" → "wrote"). */
export function participleToPast(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (IRREGULAR_PARTICIPLE_TO_PAST[lower]) return IRREGULAR_PARTICIPLE_TO_PAST[lower];
  return /[a-z]{2,}ed$/.test(lower) ? lower : undefined;
}

export function isPassiveParticiple(word: string): boolean {
  return participleToPast(word) !== undefined;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
