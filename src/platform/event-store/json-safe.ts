// Event data is stored as JSON and must read back exactly as written. JSON.stringify silently
// drops or mangles many values (undefined, NaN, Dates, Maps, class instances), so anything that
// would not round-trip is refused instead of being quietly changed.

export function jsonProblems(value: unknown, path = 'data'): string[] {
  const problems: string[] = [];
  visit(value, path, new Set(), problems);
  return problems;
}

function visit(value: unknown, path: string, ancestors: Set<object>, problems: string[]): void {
  if (problems.length >= 5) return;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.push(`${path} is ${value}, which JSON cannot hold`);
    return;
  }
  if (typeof value !== 'object') {
    problems.push(`${path} is a ${typeof value}, which JSON cannot hold`);
    return;
  }
  if (ancestors.has(value)) {
    problems.push(`${path} refers back to itself`);
    return;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
    problems.push(`${path} is a ${value.constructor?.name ?? 'class instance'}, not a plain object`);
    return;
  }
  ancestors.add(value);
  if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`, ancestors, problems));
  else for (const [key, item] of Object.entries(value)) visit(item, `${path}.${key}`, ancestors, problems);
  ancestors.delete(value);
}
