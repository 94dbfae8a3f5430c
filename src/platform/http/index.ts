export { createApp, type App, type CreateAppOptions, type HttpConfig } from './app.ts';
export { startHttpServer, type RunningServer } from './server.ts';
export { createLogger, redactedPaths, type Logger } from './logger.ts';
export { createRouter, type Router } from './router.ts';
export { validate } from './validate.ts';
export { readLimited, requestBody, rawRequestBody } from './json-body.ts';
export { runReadinessChecks, type ReadinessCheck, type CheckResult, type ReadinessReport } from './readiness.ts';
export { requestIdOf, isApiPath, type AppState, type AppContext } from './state.ts';
export { toErrorAnswer, type ErrorBody } from './error-response.ts';
