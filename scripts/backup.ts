import { join } from 'node:path';
import { loadConfig, loadDotEnv } from '../src/platform/config/index.ts';
import { backup, restore } from './lib/backup.ts';
import { log } from './lib/proc.ts';
import { root } from './lib/paths.ts';

// `npm run backup [folder]` and `npm run restore <folder> [databaseUrl]`. A restore goes into an
// empty database; then `npm run projections -- rebuild <name>` (or simply starting the product,
// whose projector resumes from the restored checkpoints) brings the read models up.
loadDotEnv();
const config = loadConfig();
const [command, ...args] = process.argv.slice(2);
const filesDir = config.FILE_STORAGE === 'local' ? join(root, config.DATA_DIR, 'files') : undefined;
try {
  if (command === 'backup') {
    const into = args[0] ?? join(root, config.DATA_DIR, 'backups', new Date().toISOString().replaceAll(':', '-'));
    const manifest = await backup({ databaseUrl: config.databaseUrl, filesDir, into });
    log('backup', `${manifest.events} events (head ${manifest.headPosition}), ${Object.keys(manifest.files).length} stored files → ${into}`);
    if (!filesDir) log('backup', 'FILE_STORAGE=s3: stored files stay in the bucket (turn on its versioning); the dump holds their keys');
  } else if (command === 'restore' && args[0]) {
    const manifest = await restore({ from: args[0], databaseUrl: args[1] ?? config.databaseUrl, filesDir });
    log('restore', `${manifest.events} events up to ${manifest.headPosition} restored and checked against the manifest`);
  } else {
    throw new Error('usage: npm run backup [folder] | npm run restore <folder> [databaseUrl]');
  }
} catch (error) {
  console.error(`[${command}] ${(error as Error).message}`);
  process.exitCode = 1;
}
