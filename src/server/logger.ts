/** The one logger. Fastify gives each request a child carrying its id; the access check adds the user. */
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.passwordHash'], remove: true },
  });
}
