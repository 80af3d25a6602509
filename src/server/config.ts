/**
 * Configuration from the environment, read once and validated, so a typo fails at start-up with a
 * clear message instead of at the first request.
 */
import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  SINERGI_DATA_DIR: z.string().default('./data'),
  SINERGI_STORAGE_DIR: z.string().optional(),
  SINERGI_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(200).default(10),
  SINERGI_DEMO: booleanFlag.optional(),
  SINERGI_TRUST_PROXY: booleanFlag.default(false),
  SINERGI_SECURE_COOKIES: z.enum(['auto', 'always', 'never']).default('auto'),
  SINERGI_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  SINERGI_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SINERGI_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  SINERGI_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface AppConfig {
  port: number;
  host: string;
  /** Postgres server; when absent the embedded PGlite database under `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Uploaded evidence files (default: `<dataDir>/files`). */
  storageDir: string;
  maxUploadBytes: number;
  /** Load demo regions, units and accounts on first start (default: on for PGlite, off for Postgres). */
  demo: boolean;
  trustProxy: boolean;
  secureCookies: 'auto' | 'always' | 'never';
  sessionHours: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  loginRatePerMinute: number;
  logLevel: string;
  /** Built web app; served at `/` when present. */
  webDir: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Konfigurasi tidak valid / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.SINERGI_DATA_DIR),
    storageDir: path.resolve(e.SINERGI_STORAGE_DIR ?? path.join(e.SINERGI_DATA_DIR, 'files')),
    maxUploadBytes: e.SINERGI_MAX_UPLOAD_MB * 1024 * 1024,
    demo: e.SINERGI_DEMO ?? e.DATABASE_URL === undefined,
    trustProxy: e.SINERGI_TRUST_PROXY,
    secureCookies: e.SINERGI_SECURE_COOKIES,
    sessionHours: e.SINERGI_SESSION_HOURS,
    loginMaxFailures: e.SINERGI_LOGIN_MAX_FAILURES,
    lockoutMinutes: e.SINERGI_LOCKOUT_MINUTES,
    loginRatePerMinute: e.SINERGI_LOGIN_RATE_PER_MINUTE,
    logLevel: e.LOG_LEVEL,
    webDir: path.resolve(import.meta.dirname, '../../dist/web'),
  };
}
