import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SESClient, VerifyEmailIdentityCommand } from '@aws-sdk/client-ses';
import { fileURLToPath } from 'node:url';
import { startLocalServer, type LocalServer } from '../../../test/support/local-server.ts';
import { createSesSender } from './ses-sender.ts';
import { renderMessage } from './templates.ts';

// The SES adapter against moto's SES: what moto recorded as sent is what we sent.
/** The project venv's moto_server (the test set-up installs it), as the files module's S3 test starts it. */
const startMotoServer = () => startLocalServer({
  name: 'moto_server', binary: fileURLToPath(new URL('../../../.venv/bin/moto_server', import.meta.url)),
  args: (port) => ['-H', '127.0.0.1', '-p', String(port)], probePath: '/moto-api/',
});
let moto: LocalServer;
let client: SESClient;
beforeAll(async () => {
  moto = await startMotoServer();
  client = new SESClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  await client.send(new VerifyEmailIdentityCommand({ EmailAddress: 'coach@example.com' }));
}, 60_000);
afterAll(async () => {
  client?.destroy();
  await moto?.stop();
});

type Sent = { source: string; destinations: string[]; raw_data: string };

/** moto (5.x) has no SES messages endpoint of its own; its state dump lists raw sends under ses.RawMessage. */
async function sentMessages(): Promise<Sent[]> {
  const data = (await (await fetch(`${moto.endpoint}/moto-api/data.json`)).json()) as { ses?: { RawMessage?: Sent[] } };
  return data.ses?.RawMessage ?? [];
}

/** The decoded text/plain part of a raw message. */
const textPart = (raw: string) => Buffer.from(/text\/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n--/.exec(raw)?.[1] ?? '', 'base64').toString('utf8');

describe('SES adapter (moto)', () => {
  it('sends the raw message with both parts and List-Unsubscribe to the right address', async () => {
    const body = renderMessage('draft-reminder', { name: 'Maria', link: 'https://coach.example/drafts/1', unsubscribeUrl: 'https://coach.example/api/notifications/unsubscribe?token=abc' });
    const sender = createSesSender({ region: 'us-east-1', client });
    const result = await sender.send({ id: '3f0c2a1e-4b5d-4c6e-8f7a-9b0c1d2e3f4a', from: 'coach@example.com', to: 'maria@example.com', unsubscribeUrl: 'https://coach.example/api/notifications/unsubscribe?token=abc', ...body });
    expect(result.providerId).not.toBe('');
    const ours = (await sentMessages()).find((m) => m.raw_data.includes('Message-ID: <3f0c2a1e-4b5d-4c6e-8f7a-9b0c1d2e3f4a@example.com>'));
    expect(ours).toMatchObject({ source: 'coach@example.com' });
    expect(ours!.destinations).toContain('maria@example.com');
    expect(ours!.raw_data).toMatch(/^List-Unsubscribe: <https:\/\/coach.example\/api\/notifications\/unsubscribe\?token=abc>\r$/m);
    expect(ours!.raw_data).toContain('Content-Type: text/html; charset=UTF-8');
    expect(textPart(ours!.raw_data)).toContain('Hello Maria,');
    expect(textPart(ours!.raw_data)).toContain('https://coach.example/drafts/1');
  });

  it('is refused for a sender SES has not verified (the error reaches the caller, nothing is sent)', async () => {
    const sender = createSesSender({ region: 'us-east-1', client });
    const before = (await sentMessages()).length;
    await expect(sender.send({ id: 'x', from: 'nobody@unverified.example', to: 'maria@example.com', unsubscribeUrl: 'https://u', subject: 's', text: 't', html: 'h' })).rejects.toThrow();
    expect((await sentMessages()).length).toBe(before);
  });
});
