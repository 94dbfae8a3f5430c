export { defineOperations, type Access, type ApiOperation, type ApiResponse, type JsonSchema } from './operation.ts';
export { buildOpenApiDocument, errorCodesOf, jsonSchemaOf, openApiPath, type DocumentOptions, type OpenApiDocument } from './document.ts';
export { renderDocsPage } from './docs-page.ts';
export { createOpenApiRouter, platformApi } from './routes.ts';
export { documentedRoutes, registeredRoutes, routeDrift } from './coverage.ts';
