import { z } from 'zod';
import { errorCatalog, type ErrorCode } from '../../errors.ts';
import type { ApiOperation, ApiResponse, JsonSchema } from './operation.ts';

// The OpenAPI 3.1 document, generated from the modules' operation lists. Request schemas come from
// the very zod schemas the routes validate with (`z.toJSONSchema`, input side); responses from zod
// where a module declares one, else `type: object`. Every error response is the one envelope
// (error-response.ts) with the codes that status can carry at that route.

export type OpenApiDocument = {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
  tags: { name: string }[];
  'x-error-codes': { code: ErrorCode; status: number; message: string }[];
};

export type OperationObject = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters?: JsonSchema[];
  requestBody?: JsonSchema;
  responses: Record<string, JsonSchema>;
  'x-access': ApiOperation['access'];
  'x-error-codes': ErrorCode[];
  'x-not-fuzzed'?: string;
};

export type DocumentOptions = { title: string; version: string; description?: string };

const unsafeMethods = new Set(['post', 'put', 'patch', 'delete']);

function isZod(schema: unknown): schema is z.ZodType {
  return typeof schema === 'object' && schema !== null && '_zod' in schema;
}

/** Responses may gain fields: `additionalProperties: false` (zod's output default) is dropped. */
function openObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(openObjects);
  if (typeof schema !== 'object' || schema === null) return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'additionalProperties' && value === false) continue;
    result[key] = openObjects(value);
  }
  return result;
}

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), or a hand-written one as it is. */
export function jsonSchemaOf(schema: z.ZodType | JsonSchema, io: 'input' | 'output'): JsonSchema {
  if (!isZod(schema)) return schema;
  const { $schema: _dialect, ...converted } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return (io === 'output' ? openObjects(converted) : converted) as JsonSchema;
}

/** `/api/drafts/:id` → `/api/drafts/{id}`. */
export function openApiPath(koaPath: string): string {
  return koaPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function pathParameterNames(koaPath: string): string[] {
  return [...koaPath.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);
}

/** The codes a route answers besides its own: those of its access rule, the CSRF check and the JSON body parser. */
export function errorCodesOf(operation: ApiOperation): ErrorCode[] {
  const codes = new Set<ErrorCode>(operation.errors);
  if (operation.access !== 'public' && operation.access !== 'caller') codes.add('UNAUTHENTICATED');
  if (operation.access === 'support' || operation.access === 'admin') codes.add('FORBIDDEN');
  if (unsafeMethods.has(operation.method) && operation.path.startsWith('/api/')) {
    if (!operation.csrfExemptBecause) codes.add('CSRF_FAILED');
    for (const code of ['MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const) codes.add(code);
  }
  if ((operation.body && isZod(operation.body)) || operation.query) codes.add('VALIDATION_FAILED');
  codes.add('INTERNAL');
  return [...codes].sort();
}

function securityOf(operation: ApiOperation): Record<string, string[]>[] {
  const csrf: Record<string, string[]> = unsafeMethods.has(operation.method) && !operation.csrfExemptBecause ? { csrfHeader: [], csrfCookie: [] } : {};
  switch (operation.access) {
    case 'public':
      return [csrf];
    case 'caller':
      return [{ sessionCookie: [], ...csrf }, { guestCookie: [], ...csrf }, csrf];
    default:
      return [{ sessionCookie: [], ...csrf }];
  }
}

const errorEnvelope: JsonSchema = {
  type: 'object',
  description: 'Every error answer: a stable code, a message a person can read, optional details, and the request id (also in x-request-id).',
  required: ['error', 'requestId'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { $ref: '#/components/schemas/ErrorCode' },
        message: { type: 'string' },
        details: { description: 'Structured, code-specific detail (validation issues, limits, allowed methods); never the rejected input.' },
      },
    },
    requestId: { type: 'string' },
  },
};

function errorResponse(codes: ErrorCode[]): JsonSchema {
  const lines = codes.map((code) => `\`${code}\`: ${errorCatalog[code].message}`);
  return {
    description: lines.join('\n\n'),
    headers: { 'x-request-id': { description: 'The request id, as in the body.', schema: { type: 'string' } } },
    content: {
      'application/json': {
        schema: { allOf: [{ $ref: '#/components/schemas/Error' }, { type: 'object', properties: { error: { type: 'object', properties: { code: { enum: codes } } } } }] },
      },
    },
  };
}

function successResponse(response: ApiResponse): JsonSchema {
  const headers = { 'x-request-id': { description: 'The request id (every answer carries one).', schema: { type: 'string' } }, ...response.headers };
  if (response.status === 204) return { description: response.description, headers };
  const contentType = response.contentType ?? 'application/json';
  const schema = contentType === 'application/json' ? (response.schema ? jsonSchemaOf(response.schema, 'output') : { type: 'object' }) : (response.schema ?? {});
  return { description: response.description, headers, content: { [contentType]: { schema } } };
}

function parametersOf(operation: ApiOperation): JsonSchema[] {
  const parameters: JsonSchema[] = [];
  const pathSchema = operation.params ? jsonSchemaOf(operation.params, 'input') : undefined;
  const pathProperties = (pathSchema?.properties ?? {}) as Record<string, JsonSchema>;
  for (const name of pathParameterNames(operation.path)) {
    parameters.push({ name, in: 'path', required: true, schema: pathProperties[name] ?? { type: 'string' } });
  }
  if (operation.query) {
    const query = jsonSchemaOf(operation.query, 'input');
    const required = new Set((query.required ?? []) as string[]);
    for (const [name, schema] of Object.entries((query.properties ?? {}) as Record<string, JsonSchema>)) {
      parameters.push({ name, in: 'query', required: required.has(name), schema });
    }
  }
  for (const [name, header] of Object.entries(operation.headers ?? {})) {
    parameters.push({ name, in: 'header', required: header.required ?? false, description: header.description, schema: jsonSchemaOf(header.schema, 'input') });
  }
  return parameters;
}

function requestBodyOf(operation: ApiOperation): JsonSchema | undefined {
  const body = operation.body;
  if (!body) return undefined;
  if (isZod(body)) return { required: operation.bodyRequired ?? false, content: { 'application/json': { schema: jsonSchemaOf(body, 'input') } } };
  return { required: operation.bodyRequired ?? true, description: body.description, content: { [body.contentType]: { schema: body.schema } } };
}

export function operationIdOf(operation: Pick<ApiOperation, 'method' | 'path'>): string {
  return `${operation.method}${operation.path.replace(/[^A-Za-z0-9]+(.)?/g, (_match, next: string | undefined) => (next ? next.toUpperCase() : ''))}`;
}

function operationObject(operation: ApiOperation): OperationObject {
  const codes = errorCodesOf(operation);
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = errorCatalog[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, JsonSchema> = { [String(operation.response.status)]: successResponse(operation.response) };
  for (const [status, statusCodes] of [...byStatus].sort((a, b) => a[0] - b[0])) responses[String(status)] = errorResponse(statusCodes);
  const parameters = parametersOf(operation);
  const requestBody = requestBodyOf(operation);
  const notes = [operation.description, operation.csrfExemptBecause ? `No CSRF token: ${operation.csrfExemptBecause}` : undefined].filter(Boolean);
  return {
    operationId: operationIdOf(operation),
    summary: operation.summary,
    ...(notes.length > 0 ? { description: notes.join('\n\n') } : {}),
    tags: [operation.tag],
    security: securityOf(operation),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
    'x-access': operation.access,
    'x-error-codes': codes,
    ...(operation.notFuzzedBecause ? { 'x-not-fuzzed': operation.notFuzzedBecause } : {}),
  };
}

export function buildOpenApiDocument(operations: readonly ApiOperation[], options: DocumentOptions): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  const seen = new Set<string>();
  for (const operation of operations) {
    const key = `${operation.method.toUpperCase()} ${operation.path}`;
    if (seen.has(key)) throw new Error(`OpenAPI: ${key} is declared twice`);
    seen.add(key);
    const path = openApiPath(operation.path);
    paths[path] = { ...paths[path], [operation.method]: operationObject(operation) };
  }
  const codes = Object.keys(errorCatalog) as ErrorCode[];
  return {
    openapi: '3.1.0',
    info: {
      title: options.title,
      version: options.version,
      description: [
        options.description,
        'Cookies carry the session (HttpOnly; never a token in a body or URL). Every POST, PUT, PATCH and DELETE needs the CSRF token from `GET /api/auth/csrf` in the `x-csrf-token` header, matching the `csrf` cookie.',
        'Errors are always `{ "error": { "code", "message", "details"? }, "requestId" }` with a stable code from the list in `x-error-codes` (and on /api/docs). Paths answer the same with one trailing slash; a known path with another method answers 405 `METHOD_NOT_ALLOWED` with `Allow`.',
      ].filter(Boolean).join('\n\n'),
    },
    paths,
    components: {
      schemas: { ErrorCode: { type: 'string', enum: codes }, Error: errorEnvelope },
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'access', description: 'The short-lived access token (HttpOnly). Named `__Host-access` when the public URL is https; refreshed with POST /api/auth/refresh.' },
        guestCookie: { type: 'apiKey', in: 'cookie', name: 'guest', description: 'A signed guest id (HttpOnly; `__Host-guest` over https), set on the first draft of a visitor without an account.' },
        csrfCookie: { type: 'apiKey', in: 'cookie', name: 'csrf', description: 'The signed CSRF token cookie (`__Host-csrf` over https), set by any GET under /api.' },
        csrfHeader: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'The same token as the csrf cookie (double submit), from GET /api/auth/csrf.' },
      },
    },
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    'x-error-codes': codes.map((code) => ({ code, status: errorCatalog[code].status, message: errorCatalog[code].message })),
  };
}
