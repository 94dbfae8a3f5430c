import { createHash } from 'node:crypto';

// RFC 9562 §5.5 name-based UUIDs, so a retried command derives the same event ids and the store can
// recognise the retry. Written here rather than pulled in: it is twenty lines over node:crypto.

/** The namespace of event ids derived from command ids (a fixed random UUID, never change it). */
export const eventIdNamespace = '6f1c7a52-3d55-4a8e-9a57-0b2f3c9e51d4';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

export function uuidV5(name: string, namespace: string): string {
  if (!isUuid(namespace)) throw new TypeError(`namespace is not a UUID: ${namespace}`);
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of the index-th event a command writes: stable across retries of that command. */
export function eventIdFor(commandId: string, index: number): string {
  return uuidV5(`${commandId}/${index}`, eventIdNamespace);
}
