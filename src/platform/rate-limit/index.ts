// A rate limiter shared by every API process (PostgreSQL-backed) and its Koa helpers.
export { createRateLimiter, prepareRateLimits, rateLimitTableSql, type RateDecision, type RateLimiter, type RateRule } from './limiter.ts';
export { enforce, rateLimit, rateLimitedError } from './middleware.ts';
