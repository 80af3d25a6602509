/**
 * Configuration from the environment, read once and validated, so a typo fails at start-up with a
 * clear message instead of at the first request.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseSynonymFile, type SynonymGroups } from '#domain/search/search-synonyms.ts';

const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

// A bare bucket name (S3's rules, loosened to the legacy names some stores still have), so `s3://x` or
// `x/files` is caught at start-up rather than by the store's first answer.
const BUCKET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]$/;
// A folder inside the bucket: plain path segments, no leading slash, no `..`.
const KEY_PREFIX = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*\/?$/;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  SINERGI_DATA_DIR: z.string().default('./data'),
  SINERGI_STORAGE_DIR: z.string().optional(),
  SINERGI_STORAGE: z.enum(['local', 's3']).default('local'),
  SINERGI_S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'harus URL http(s), mis. http://127.0.0.1:9000' }).optional(),
  SINERGI_S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'kode region, mis. us-east-1')
    .default('us-east-1'),
  SINERGI_S3_BUCKET: z.string().regex(BUCKET_NAME, 'nama bucket saja, mis. sinergi-files (tanpa s3:// atau /)').optional(),
  SINERGI_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  SINERGI_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  SINERGI_S3_FORCE_PATH_STYLE: booleanFlag.optional(),
  SINERGI_S3_PREFIX: z.string().regex(KEY_PREFIX, 'awalan kunci, mis. sinergi/ (tanpa / di depan, tanpa ..)').optional(),
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
  SINERGI_PUBLIC_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).optional(),
  /** The earlier name of SINERGI_PUBLIC_WRITES_PER_MINUTE, still read. */
  SINERGI_PUBLIC_WRITE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).optional(),
  /**
   * Map tiles for the citizens' complaint form (pin the place on a map): an http(s) URL template with
   * {z}, {x} and {y}, or `off` for no map (the address and the device's location remain).
   */
  SINERGI_MAP_TILES: z
    .union([
      z.literal('off'),
      z
        .string()
        .regex(/^https?:\/\/[^/\s]+\/\S*$/, 'harus URL http(s) dengan {z}, {x}, {y}, atau off')
        .refine((v) => ['{z}', '{x}', '{y}'].every((p) => v.includes(p)), 'harus memuat {z}, {x} dan {y}'),
    ])
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  SINERGI_MAP_ATTRIBUTION: z.string().max(300).default('© OpenStreetMap contributors'),
  /** A JSON file of the install's own search synonym groups, added to the shipped spelling variants. */
  SINERGI_SEARCH_SYNONYMS: z.string().min(1).optional(),
  /** The mail server notifications are sent through, e.g. smtp://user:pass@host:587 (smtps:// for TLS from the start); unset: no e-mail. */
  SINERGI_SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'harus URL smtp:// atau smtps://, mis. smtp://user:pass@mail.example.go.id:587' })
    .optional(),
  SINERGI_MAIL_FROM: z.string().trim().min(3).max(300).default('Sinergi <no-reply@localhost>'),
  /** The address people open Sinergi at, for the links in e-mails, e.g. https://sinergi.pangkalpinangkota.go.id */
  SINERGI_PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'harus URL http(s), mis. https://sinergi.example.go.id' }).optional(),
  /** `off`: this instance runs no scheduled jobs (reminders, e-mail); `on` (default) runs them. */
  SINERGI_JOBS: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

type Env = z.infer<typeof envSchema>;

/** Rules across settings, in the same `name: reason` shape as the schema's. */
function crossChecks(e: Env): string[] {
  const problems: string[] = [];
  if (e.SINERGI_STORAGE === 's3' && !e.SINERGI_S3_BUCKET) {
    problems.push('SINERGI_S3_BUCKET: wajib diisi bila SINERGI_STORAGE=s3 / required with SINERGI_STORAGE=s3');
  }
  // Half a key pair would silently fall back to the SDK's own credential chain: refuse it instead.
  if ((e.SINERGI_S3_ACCESS_KEY_ID === undefined) !== (e.SINERGI_S3_SECRET_ACCESS_KEY === undefined)) {
    const missing = e.SINERGI_S3_ACCESS_KEY_ID === undefined ? 'SINERGI_S3_ACCESS_KEY_ID' : 'SINERGI_S3_SECRET_ACCESS_KEY';
    problems.push(`${missing}: isi keduanya atau tidak sama sekali / set both S3 keys or neither`);
  }
  return problems;
}

/** An S3-compatible bucket for uploaded files (AWS S3, MinIO, Ceph, Garage, ...). */
export interface S3StorageConfig {
  /** Unset for AWS itself; the store's URL otherwise, e.g. `http://minio:9000`. */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  /** Both unset: the SDK's own chain (AWS_* variables, instance or pod role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** `http://host/bucket/key` instead of `http://bucket.host/key`, which most self-hosted stores need. */
  forcePathStyle: boolean;
  /** Prepended to every key, `''` or ending in `/`, so one bucket can serve several installs. */
  prefix: string;
}

export type StorageConfig = { kind: 'local' } | ({ kind: 's3' } & S3StorageConfig);

export interface AppConfig {
  port: number;
  host: string;
  /** Postgres server; when absent the embedded PGlite database under `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Uploaded evidence files (default: `<dataDir>/files`), when `storage` is local. */
  storageDir: string;
  /** Where uploaded files live: under `storageDir`, or in an S3-compatible bucket. */
  storage: StorageConfig;
  maxUploadBytes: number;
  /** Load demo regions, units and accounts on first start (default: on for PGlite, off for Postgres). */
  demo: boolean;
  trustProxy: boolean;
  secureCookies: 'auto' | 'always' | 'never';
  sessionHours: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  loginRatePerMinute: number;
  /** Citizens' writes without login (survey answers, reports) per client address per minute, per instance. */
  publicWritePerMinute: number;
  /** The map of the complaint form: a tile URL template and its attribution; null for no map. */
  map: { tiles: string; attribution: string } | null;
  /** The install's own search synonym groups (SINERGI_SEARCH_SYNONYMS), added to the shipped ones; empty when unset. */
  searchSynonyms: SynonymGroups;
  /** Outgoing e-mail; null when SINERGI_SMTP_URL is unset (notifications then stay in the app). */
  mail: { smtpUrl: string; from: string } | null;
  /** The address people open Sinergi at (no trailing slash), for links in e-mails; null: links show as paths. */
  publicUrl: string | null;
  /** Whether `serve` starts the scheduled jobs (SINERGI_JOBS). */
  jobs: boolean;
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
  const problems = crossChecks(e);
  const synonyms = e.SINERGI_SEARCH_SYNONYMS ? readSynonymFile(path.resolve(e.SINERGI_SEARCH_SYNONYMS)) : { groups: [] };
  if ('problems' in synonyms) problems.push(...synonyms.problems.map((p) => `SINERGI_SEARCH_SYNONYMS: ${p}`));
  if (problems.length > 0) throw new Error(`Konfigurasi tidak valid / invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.SINERGI_DATA_DIR),
    storageDir: path.resolve(e.SINERGI_STORAGE_DIR ?? path.join(e.SINERGI_DATA_DIR, 'files')),
    storage: storageConfig(e),
    maxUploadBytes: e.SINERGI_MAX_UPLOAD_MB * 1024 * 1024,
    demo: e.SINERGI_DEMO ?? e.DATABASE_URL === undefined,
    trustProxy: e.SINERGI_TRUST_PROXY,
    secureCookies: e.SINERGI_SECURE_COOKIES,
    sessionHours: e.SINERGI_SESSION_HOURS,
    loginMaxFailures: e.SINERGI_LOGIN_MAX_FAILURES,
    lockoutMinutes: e.SINERGI_LOCKOUT_MINUTES,
    loginRatePerMinute: e.SINERGI_LOGIN_RATE_PER_MINUTE,
    // A counter's kiosk sends every respondent's answer from one address: 30 a minute is a busy counter.
    publicWritePerMinute: e.SINERGI_PUBLIC_WRITES_PER_MINUTE ?? e.SINERGI_PUBLIC_WRITE_PER_MINUTE ?? 30,
    map: e.SINERGI_MAP_TILES === 'off' ? null : { tiles: e.SINERGI_MAP_TILES, attribution: e.SINERGI_MAP_ATTRIBUTION },
    searchSynonyms: 'groups' in synonyms ? synonyms.groups : [],
    mail: e.SINERGI_SMTP_URL ? { smtpUrl: e.SINERGI_SMTP_URL, from: e.SINERGI_MAIL_FROM } : null,
    publicUrl: e.SINERGI_PUBLIC_URL ? e.SINERGI_PUBLIC_URL.replace(/\/+$/, '') : null,
    jobs: e.SINERGI_JOBS === 'on',
    logLevel: e.LOG_LEVEL,
    webDir: path.resolve(import.meta.dirname, '../../dist/web'),
  };
}

/** The install's synonym file, read once at start-up so a missing or malformed file stops the start. */
function readSynonymFile(file: string): { groups: string[][] } | { problems: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { problems: [`berkas ${file} tidak dapat dibaca / cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [`${file} bukan JSON yang sah / is not valid JSON (${(error as Error).message})`] };
  }
  const parsed = parseSynonymFile(value);
  return 'problems' in parsed ? { problems: parsed.problems.map((p) => `${file} ${p}`) } : parsed;
}

function storageConfig(e: Env): StorageConfig {
  if (e.SINERGI_STORAGE === 'local') return { kind: 'local' };
  // Checked by crossChecks; repeated here for the type.
  if (!e.SINERGI_S3_BUCKET) throw new Error('SINERGI_S3_BUCKET is required with SINERGI_STORAGE=s3');
  const prefix = e.SINERGI_S3_PREFIX ?? '';
  return {
    kind: 's3',
    endpoint: e.SINERGI_S3_ENDPOINT,
    region: e.SINERGI_S3_REGION,
    bucket: e.SINERGI_S3_BUCKET,
    credentials:
      e.SINERGI_S3_ACCESS_KEY_ID && e.SINERGI_S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.SINERGI_S3_ACCESS_KEY_ID, secretAccessKey: e.SINERGI_S3_SECRET_ACCESS_KEY }
        : undefined,
    // Self-hosted stores seldom have the wildcard DNS that bucket-in-host-name addressing needs.
    forcePathStyle: e.SINERGI_S3_FORCE_PATH_STYLE ?? e.SINERGI_S3_ENDPOINT !== undefined,
    prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`,
  };
}
