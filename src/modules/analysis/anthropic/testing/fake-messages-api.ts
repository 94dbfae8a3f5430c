// A local HTTP server that speaks enough of the Anthropic Messages API for the real SDK: it checks
// the key (Authorization: Bearer or x-api-key) and anthropic-version, records each request, and
// answers from a script of replies — text, errors with retry-after, or silence for timeouts.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ScriptedReply =
  | { kind: 'text'; text: string; stopReason?: 'end_turn' | 'max_tokens' }
  | { kind: 'error'; status: number; type: string; retryAfter?: number }
  | { kind: 'hang'; ms: number };

export interface RecordedRequest { readonly headers: IncomingHttpHeaders; readonly body: Record<string, unknown> }

export interface FakeMessagesApi {
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export const FAKE_KEY = 'sk-ant-test-key';

export async function startFakeMessagesApi(script: ScriptedReply[]): Promise<FakeMessagesApi> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => { raw += chunk.toString('utf8'); });
    req.on('end', () => {
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${requests.length}`, ...headers });
        res.end(JSON.stringify(body));
      };
      const authorised = req.headers.authorization === `Bearer ${FAKE_KEY}` || req.headers['x-api-key'] === FAKE_KEY;
      if (!authorised) return send(401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
      if (!req.headers['anthropic-version']) return send(400, { type: 'error', error: { type: 'invalid_request_error', message: 'anthropic-version header is required' } });
      if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages')) return send(404, { type: 'error', error: { type: 'not_found_error', message: 'not found' } });
      const body = JSON.parse(raw) as Record<string, unknown>;
      requests.push({ headers: req.headers, body });
      const reply = script.shift() ?? { kind: 'error', status: 500, type: 'api_error' };
      if (reply.kind === 'hang') { setTimeout(() => send(200, {}), reply.ms).unref(); return; }
      if (reply.kind === 'error') {
        return send(reply.status, { type: 'error', error: { type: reply.type, message: reply.type } }, reply.retryAfter !== undefined ? { 'retry-after': String(reply.retryAfter) } : {});
      }
      send(200, {
        id: `msg_${requests.length}`, type: 'message', role: 'assistant', model: body.model,
        content: [{ type: 'text', text: reply.text }], stop_reason: reply.stopReason ?? 'end_turn', stop_sequence: null,
        usage: { input_tokens: 1200, output_tokens: 300, cache_creation_input_tokens: requests.length === 1 ? 900 : 0, cache_read_input_tokens: requests.length > 1 ? 900 : 0 },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
