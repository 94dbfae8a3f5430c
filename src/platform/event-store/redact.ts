import type { RecordedEvent } from './types.ts';

// Support staff read event streams; they must not read the people in them. Any key that contains
// one of these words (any case, at any depth) is hidden with everything under it, plus the keys a
// module lists for an event type. Matching by substring over-hides ("filename") on purpose:
// showing too little costs a question, showing too much costs someone's privacy.
export const defaultRedactedWords = ['email', 'name', 'phone', 'address', 'text', 'password', 'token', 'secret', 'birth'] as const;
export const redacted = '[redacted]';

export function redactValue(value: unknown, extraKeys: readonly string[] = []): unknown {
  const extra = new Set(extraKeys.map((key) => key.toLowerCase()));
  const hides = (key: string) => {
    const lower = key.toLowerCase();
    return extra.has(lower) || defaultRedactedWords.some((word) => lower.includes(word));
  };
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, hides(key) ? redacted : walk(item)]));
  };
  return walk(value);
}

/** The event as support may see it: data redacted, envelope (ids, actor, positions) intact. */
export function redactEvent(event: RecordedEvent, extraKeys: readonly string[] = []): RecordedEvent {
  return { ...event, data: redactValue(event.data, extraKeys) };
}
