// Turns what an activity threw into the stable code the UI explains. Compared by shape and name,
// never instanceof: failures cross the workflow sandbox.
type FailureLike = { name?: string; type?: string; cause?: unknown; timeoutType?: unknown };

export function errorCodeOf(error: unknown): string {
  let current = error as FailureLike | undefined;
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (typeof current.type === 'string' && current.type.length > 0 && current.type !== 'Error') return current.type;
    if (current.name === 'TimeoutFailure') return 'STEP_TIMED_OUT';
    current = current.cause as FailureLike | undefined;
  }
  return 'STEP_FAILED';
}
