import type { z } from 'zod';
import type { ErrorCode } from '../../errors.ts';

// What a module declares about each of its routes, next to the zod schemas the route validates
// with: the OpenAPI document (document.ts) is generated from these lists, and a unit test holds
// them against the routers the API really mounts, so the document cannot drift from the code.

/** Who may call: the security requirement the document shows, and the 401/403 codes added for it. */
export type Access =
  /** Anyone; no cookie is read. */
  | 'public'
  /** Anyone; a session or guest cookie is used when present (a guest is created on first use where `createsGuest`). */
  | 'caller'
  /** A signed-in user (the access cookie). */
  | 'user'
  | 'support'
  | 'admin';

/** A JSON Schema written out by hand, where no zod schema exists (uploads, file downloads). */
export type JsonSchema = { readonly [key: string]: unknown };

export type HeaderParameter = { schema: z.ZodType | JsonSchema; description: string; required?: boolean };

export type ApiResponse = {
  status: number;
  description: string;
  /** The JSON body; undefined documents `type: object` (or no body for 204). */
  schema?: z.ZodType | JsonSchema;
  /** Defaults to application/json; other types carry their body as a string of bytes. */
  contentType?: string;
  headers?: Record<string, { description: string; schema?: JsonSchema }>;
};

export type ApiOperation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The Koa route pattern exactly as registered (`/api/drafts/:id`). */
  path: string;
  summary: string;
  description?: string;
  /** The group on the docs page (one per module). */
  tag: string;
  access: Access;
  /** Unsafe methods need the CSRF header unless this says why not (the signed Stripe webhook). */
  csrfExemptBecause?: string;
  /** A first visit without cookies gets a guest cookie (POST /api/drafts and friends). */
  createsGuest?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject | z.ZodType;
  headers?: Record<string, HeaderParameter>;
  /** A JSON body (zod), or another media type with a hand-written schema (multipart uploads). */
  body?: z.ZodType | { contentType: string; schema: JsonSchema; description?: string };
  /** Bodies are optional unless this is set: most routes read `requestBody(ctx) ?? {}`. */
  bodyRequired?: boolean;
  response: ApiResponse;
  /** The stable error codes this route itself can answer; the generator adds those of access, CSRF and body parsing. */
  errors: readonly ErrorCode[];
  /** Set when the API fuzz run cannot exercise this route meaningfully, with the reason (shown in the document). */
  notFuzzedBecause?: string;
};

/** Identity helper that keeps each module's list typed without repeating the type name. */
export function defineOperations(operations: readonly ApiOperation[]): readonly ApiOperation[] {
  return operations;
}
