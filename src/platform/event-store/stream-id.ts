// Stream ids are `<category>-<id>` (e.g. `draft-5c0d…`). The rules are strict on purpose: both
// engines, the support CLI and log lines must be able to carry an id without quoting or escaping,
// and `$`-prefixed names are EventStoreDB's system streams.
export const maxStreamIdLength = 200;
const allowed = /^[A-Za-z0-9][A-Za-z0-9_.:@-]*$/;

/** The problem with a stream id, or undefined when it is acceptable. */
export function streamIdProblem(streamId: unknown): string | undefined {
  if (typeof streamId !== 'string') return 'stream id must be a string';
  if (streamId.length === 0) return 'stream id must not be empty';
  if (streamId.length > maxStreamIdLength) return `stream id is longer than ${maxStreamIdLength} characters`;
  if (!allowed.test(streamId)) return 'stream id may hold only letters, digits and - _ . : @, and must start with a letter or digit';
  return undefined;
}

/** The stream's category: what comes before the first '-' (the whole id when there is none). */
export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
}
