import { randomUUID } from 'node:crypto';
import { link, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmailSender } from './email-port.ts';
import { toMime } from './mime.ts';

// The default transport: one .eml file per message under DATA_DIR/outbox, readable by any mail
// client. Named by the message id, and a message id already in the folder is refused (kept as it
// was): a retried or repeated send never adds a second file. Written aside, then hard-linked under
// its name, so a reader never sees half a message and two writers at once still leave one.

export function createOutboxSender(folder: string): EmailSender {
  return {
    async send(message) {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const name = `${message.id.replace(/[^A-Za-z0-9-]/g, '_')}.eml`;
      const aside = join(folder, `.${name}.${randomUUID()}.tmp`);
      await writeFile(aside, toMime(message), { mode: 0o600 });
      try {
        await link(aside, join(folder, name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      } finally {
        await rm(aside, { force: true });
      }
      return { providerId: name };
    },
  };
}
