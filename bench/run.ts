// `npm run bench -- <name>`: runs one benchmark and prints its table. Benchmarks need PostgreSQL:
// DATABASE_URL if set, else the dev stack's database (`npm run stack -- up` starts it). Each run
// works in a scratch database it creates and drops, so it never touches anyone's data.
const benches: Record<string, () => Promise<{ main(args: string[]): Promise<void> }>> = {
  'event-store': () => import('./event-store.ts'),
  analyze: () => import('./analyze.ts'),
  auth: () => import('./auth.ts'),
  extract: () => import('./extract.ts'),
  pipeline: () => import('./pipeline.ts'),
  postings: () => import('./postings.ts'),
  load: () => import('./load.ts'),
  hostile: () => import('./hostile.ts'),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? benches[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`);
  process.exit(1);
}
await (await load()).main(args);
