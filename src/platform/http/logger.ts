import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config/index.ts';

export type { Logger };

/**
 * Paths pino removes from every log line, as a second line of defence: the access log never
 * passes headers, bodies or personal data in the first place.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'authorization',
  'cookie',
  'cookies',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'email',
  'body',
  '*.authorization',
  '*.cookie',
  '*.cookies',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.email',
  '*.body',
];

/** JSON logs to stdout (or the given stream, for tests). */
export function createLogger(
  config: Pick<Config, 'LOG_LEVEL'>,
  options: { destination?: DestinationStream; base?: Record<string, unknown> } = {},
): Logger {
  const settings = {
    level: config.LOG_LEVEL,
    base: { process: 'api', ...options.base },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
