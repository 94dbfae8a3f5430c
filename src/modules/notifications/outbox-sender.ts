import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmailSender } from './email-port.ts';
import { toMime } from './mime.ts';

// The default transport: one .eml file per message under DATA_DIR/outbox, readable by any mail
// client. Named by the message id, so a retried send rewrites the same file instead of adding one.

export function createOutboxSender(folder: string): EmailSender {
  return {
    async send(message) {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const name = `${message.id.replace(/[^A-Za-z0-9-]/g, '_')}.eml`;
      const aside = join(folder, `.${name}.tmp`);
      await writeFile(aside, toMime(message), { mode: 0o600 });
      await rename(aside, join(folder, name));
      return { providerId: name };
    },
  };
}
