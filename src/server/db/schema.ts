/**
 * The database schema, in code. drizzle-kit turns changes here into reviewed SQL migrations under
 * `migrations/`; the same migrations run on PGlite and on a Postgres server.
 *
 * Regional data carries `region_code` (the Ministry of Home Affairs' kode wilayah) and every query on it
 * filters by that column: see ARCHITECTURE.md, "Tenancy".
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Provinces and kabupaten/kota, from the official list (package idn-area-data). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    provinceCode: text('province_code').references((): AnyPgColumn => regions.code),
  },
  (t) => [
    index('regions_province_idx').on(t.provinceCode),
    check('regions_kind_check', sql`${t.kind} in ('provinsi', 'kabupaten', 'kota')`),
  ],
);

/** Perangkat daerah and the units under them (kecamatan, kelurahan, UPT, schools, puskesmas). */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    headName: text('head_name'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('units_region_name_uq').on(t.regionCode, sql`lower(${t.name})`),
    uniqueIndex('units_region_short_name_uq').on(t.regionCode, sql`lower(${t.shortName})`),
    index('units_region_idx').on(t.regionCode, t.name),
    index('units_parent_idx').on(t.parentId),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    email: text('email'),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    regionCode: text('region_code').references(() => regions.code),
    unitId: uuid('unit_id').references(() => units.id),
    isActive: boolean('is_active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
    index('users_region_idx').on(t.regionCode, t.username),
    index('users_unit_idx').on(t.unitId),
    check(
      'users_role_check',
      sql`${t.role} in ('admin_nasional', 'admin_daerah', 'operator', 'verifikator', 'juri', 'pimpinan')`,
    ),
    check('users_region_scope_check', sql`(${t.role} = 'admin_nasional') = (${t.regionCode} is null)`),
    check('users_operator_unit_check', sql`(${t.role} <> 'operator') or (${t.unitId} is not null)`),
  ],
);

/** Server-side sessions: the app keeps no state of its own, so any instance can serve any request. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Append-only: a trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    regionCode: text('region_code'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_region_at_idx').on(t.regionCode, t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
  ],
);

/** Small install-wide facts (demo data loaded, schema stamp for backups). */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});
