import type { z } from 'zod';
import type { NewEvent } from './types.ts';

// Every event type a module writes is declared once, with its zod schema and its schema version.
// The catalog validates what is appended and upcasts what is read: a past event is never edited,
// its old shape is turned into today's on the way out.

/** Turns the data of one schema version into the data of the next one. */
export type Upcaster = (data: unknown) => unknown;

export type EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> = {
  readonly type: T;
  readonly schema: S;
  readonly schemaVersion: number;
  /** Keyed by the version they upgrade FROM: upcasters[1] turns v1 data into v2 data. */
  readonly upcasters: Readonly<Record<number, Upcaster>>;
  /** Keys of personal data beyond the default list, hidden by the support CLI. */
  readonly redact: readonly string[];
};

/** The typed event a definition describes, for deciders and projections. */
export type EventOf<D> = D extends EventDefinition<infer T, infer S> ? NewEvent<T, z.output<S>> : never;

export function defineEvent<const T extends string, S extends z.ZodType>(
  type: T,
  schema: S,
  options: { schemaVersion?: number; upcasters?: Record<number, Upcaster>; redact?: string[] } = {},
): EventDefinition<T, S> {
  const schemaVersion = options.schemaVersion ?? 1;
  const upcasters = options.upcasters ?? {};
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) throw new TypeError(`${type}: schemaVersion must be a positive integer`);
  for (let version = 1; version < schemaVersion; version += 1) {
    if (!upcasters[version]) throw new TypeError(`${type}: no upcaster from schema version ${version} to ${version + 1}`);
  }
  return { type, schema, schemaVersion, upcasters, redact: options.redact ?? [] };
}

export type ValidatedEvent = { type: string; data: unknown; schemaVersion: number };

export type EventCatalog = {
  has(type: string): boolean;
  /** Checks data against the type's schema; answers the parsed data or the problems found. */
  validate(event: NewEvent): { ok: true; event: ValidatedEvent } | { ok: false; problems: string[] };
  /** Brings stored data up to the current schema version; unknown types and newer versions pass through. */
  upcast(type: string, schemaVersion: number, data: unknown): { data: unknown; schemaVersion: number };
  redactionKeys(type: string): readonly string[];
};

export function createEventCatalog(definitions: readonly EventDefinition[]): EventCatalog {
  const byType = new Map<string, EventDefinition>();
  for (const definition of definitions) {
    if (byType.has(definition.type)) throw new TypeError(`event type ${definition.type} is declared twice`);
    byType.set(definition.type, definition);
  }
  return {
    has: (type) => byType.has(type),
    validate(event) {
      const definition = byType.get(event.type);
      if (!definition) return { ok: false, problems: [`unknown event type ${JSON.stringify(event.type)}`] };
      const parsed = definition.schema.safeParse(event.data);
      if (!parsed.success) {
        return { ok: false, problems: parsed.error.issues.map((i) => `${event.type}.data.${i.path.join('.')}: ${i.message}`) };
      }
      return { ok: true, event: { type: event.type, data: parsed.data, schemaVersion: definition.schemaVersion } };
    },
    upcast(type, schemaVersion, data) {
      const definition = byType.get(type);
      if (!definition || schemaVersion >= definition.schemaVersion) return { data, schemaVersion };
      let current = data;
      for (let version = schemaVersion; version < definition.schemaVersion; version += 1) {
        current = definition.upcasters[version]!(current);
      }
      return { data: current, schemaVersion: definition.schemaVersion };
    },
    redactionKeys: (type) => byType.get(type)?.redact ?? [],
  };
}

/** A catalog that knows no types: reads pass through, appends are all refused. */
export const emptyCatalog: EventCatalog = createEventCatalog([]);
