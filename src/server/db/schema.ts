/**
 * The database schema, in code. drizzle-kit turns changes here into reviewed SQL migrations under
 * `migrations/`; the same migrations run on PGlite and on a Postgres server.
 *
 * Regional data carries `region_code` (the Ministry of Home Affairs' kode wilayah) and every query on it
 * filters by that column: see ARCHITECTURE.md, "Tenancy".
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  customType,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** What every attachment records: a stored file (hash, checked type) or a link, and who added it. */
const attachmentColumns = () => ({
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  fileName: text('file_name'),
  mimeType: text('mime_type'),
  sizeBytes: integer('size_bytes'),
  sha256: text('sha256'),
  storageKey: text('storage_key'),
  url: text('url'),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
});

/** Provinces and kabupaten/kota, from the official list (package idn-area-data). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    provinceCode: text('province_code').references((): AnyPgColumn => regions.code),
  },
  (t) => [index('regions_province_idx').on(t.provinceCode), check('regions_kind_check', sql`${t.kind} in ('provinsi', 'kabupaten', 'kota')`)],
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
    check('users_role_check', sql`${t.role} in ('admin_nasional', 'admin_daerah', 'operator', 'verifikator', 'juri', 'pimpinan')`),
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
  (t) => [index('audit_region_at_idx').on(t.regionCode, t.at), index('audit_entity_idx').on(t.entityType, t.entityId)],
);

/** Small install-wide facts (demo data loaded, schema stamp for backups). */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

// ---- Inovasi daerah -----------------------------------------------------------------

/** A reporting year of a region: its window, its targets. */
export const periods = pgTable(
  'periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    year: integer('year').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    targetTotal: integer('target_total').notNull(),
    minPerUnit: integer('min_per_unit').notNull().default(1),
    /** Whether schools, puskesmas and UPT count as units that owe the minimum. */
    countsSubUnits: boolean('counts_sub_units').notNull().default(false),
    /**
     * The framework version (shipped or uploaded, install-wide or the region's) that projects this
     * period's IID; null: the version effective in `year` among those the region may use.
     */
    iidFrameworkVersionId: uuid('iid_framework_version_id').references((): AnyPgColumn => frameworkVersions.id),
    /** As the regional apps do: an IID indicator without evidence scores zero. */
    iidEvidenceRequired: boolean('iid_evidence_required').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('periods_region_year_uq').on(t.regionCode, t.year),
    check('periods_window_check', sql`${t.closesOn} >= ${t.opensOn}`),
    check('periods_target_check', sql`${t.targetTotal} >= 0 and ${t.minPerUnit} >= 0`),
  ],
);

export const innovations = pgTable(
  'innovations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status').notNull().default('draft'),
    name: text('name').notNull(),
    tahapan: text('tahapan'),
    inisiator: text('inisiator'),
    jenis: text('jenis'),
    bentuk: text('bentuk'),
    urusanUtama: text('urusan_utama'),
    urusanIrisan: jsonb('urusan_irisan').$type<string[]>().notNull().default([]),
    tematik: text('tematik'),
    waktuUjiCoba: date('waktu_uji_coba', { mode: 'string' }),
    waktuPenerapan: date('waktu_penerapan', { mode: 'string' }),
    rancangBangun: text('rancang_bangun').notNull().default(''),
    tujuan: text('tujuan').notNull().default(''),
    manfaat: text('manfaat').notNull().default(''),
    hasil: text('hasil').notNull().default(''),
    latitude: numeric('latitude', { precision: 9, scale: 6 }),
    longitude: numeric('longitude', { precision: 9, scale: 6 }),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    /** The same innovation in the previous period, when carried over. */
    previousId: uuid('previous_id').references((): AnyPgColumn => innovations.id),
    developmentNote: text('development_note'),
    /** Per-field notes of the last return (field → note); cleared on resubmission. */
    reviewNotes: jsonb('review_notes').$type<Record<string, string>>().notNull().default({}),
    rejectionReason: text('rejection_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('indonesian', coalesce(${innovations.name}, '')), 'A') || setweight(to_tsvector('indonesian', coalesce(${innovations.tujuan}, '') || ' ' || coalesce(${innovations.manfaat}, '') || ' ' || coalesce(${innovations.hasil}, '')), 'B')`,
    ),
  },
  (t) => [
    index('innovations_region_period_idx').on(t.regionCode, t.periodId, t.status),
    index('innovations_unit_idx').on(t.unitId),
    index('innovations_previous_idx').on(t.previousId),
    index('innovations_search_idx').using('gin', t.searchVector),
    uniqueIndex('innovations_carry_uq').on(t.previousId, t.periodId),
    check('innovations_status_check', sql`${t.status} in ('draft', 'diajukan', 'dikembalikan', 'terverifikasi', 'ditolak')`),
  ],
);

/** The timeline of an innovation: every workflow step and edit, with who, when and the note. */
export const innovationEvents = pgTable(
  'innovation_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    innovationId: uuid('innovation_id')
      .notNull()
      .references(() => innovations.id),
    regionCode: text('region_code').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    fieldNotes: jsonb('field_notes').$type<Record<string, string>>(),
  },
  (t) => [index('innovation_events_innovation_idx').on(t.innovationId, t.at)],
);

// ---- Indicator frameworks and assessments ----------------------------------------------------

/**
 * Every framework version an assessment may use: the shipped files (synced at migration) and versions a
 * national admin (install-wide, region null) or a region uploads. The body is the validated JSON, so an
 * assessment re-scores identically for ever.
 */
export const frameworkVersions = pgTable(
  'framework_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    frameworkId: text('framework_id').notNull(),
    version: text('version').notNull(),
    name: text('name').notNull(),
    inputKind: text('input_kind').notNull(),
    regionCode: text('region_code').references(() => regions.code),
    body: jsonb('body').notNull(),
    origin: text('origin').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('framework_versions_uq').on(t.frameworkId, t.version, sql`coalesce(${t.regionCode}, '')`),
    check('framework_versions_origin_check', sql`${t.origin} in ('shipped', 'upload')`),
  ],
);

/** A region's self-assessment for a year against one framework version (SPBE, Indeks Pemdi). */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    frameworkVersionId: uuid('framework_version_id')
      .notNull()
      .references(() => frameworkVersions.id),
    frameworkId: text('framework_id').notNull(),
    year: integer('year').notNull(),
    stage: text('stage').notNull().default('mandiri'),
    deadline: date('deadline', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finalizedAt: timestamp('finalized_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('assessments_region_framework_year_uq').on(t.regionCode, t.frameworkId, t.year),
    check('assessments_stage_check', sql`${t.stage} in ('mandiri', 'verifikasi', 'final')`),
  ],
);

/** One indicator of an assessment: who answers it, the level claimed and the level verified. */
export const assessmentItems = pgTable(
  'assessment_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    regionCode: text('region_code').notNull(),
    indicatorId: text('indicator_id').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    deadline: date('deadline', { mode: 'string' }),
    /** Decimal text as the framework scales it (a level "3", or a Pemdi value "2.50"). */
    claimedValue: text('claimed_value'),
    explanation: text('explanation').notNull().default(''),
    claimedBy: uuid('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    verification: text('verification').notNull().default('pending'),
    verifiedValue: text('verified_value'),
    verifierNote: text('verifier_note'),
    verifiedBy: uuid('verified_by'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('assessment_items_uq').on(t.assessmentId, t.indicatorId),
    index('assessment_items_unit_idx').on(t.unitId),
    check('assessment_items_verification_check', sql`${t.verification} in ('pending', 'accepted', 'corrected')`),
  ],
);

/** IID answers: an innovation's SID indicators, or (innovationId null) the region's SPD indicators of a period. */
export const iidAnswers = pgTable(
  'iid_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => periods.id),
    innovationId: uuid('innovation_id').references(() => innovations.id),
    indicatorId: text('indicator_id').notNull(),
    claimedLevel: integer('claimed_level'),
    verification: text('verification').notNull().default('pending'),
    verifiedLevel: integer('verified_level'),
    verifierNote: text('verifier_note'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('iid_answers_uq').on(t.periodId, sql`coalesce(${t.innovationId}::text, '')`, t.indicatorId),
    index('iid_answers_innovation_idx').on(t.innovationId),
    check('iid_answers_verification_check', sql`${t.verification} in ('pending', 'accepted', 'corrected')`),
  ],
);

// ---- Attachments ------------------------------------------------------------------------------

/**
 * Every file or link attached to a record, whatever the record: an innovation (slot `umum`,
 * `anggaran`, `profil_bisnis` or an IID indicator such as `sid.16`), an assessment item, and the
 * complaints, programme reports and competition entries to come. The owner is named by type and id
 * (no foreign key: each owner's feature checks it exists, in the region, before attaching), so a new
 * kind of owner needs no new table, and a stored blob has one reference count: the rows here.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    slot: text('slot').notNull().default('umum'),
    ...attachmentColumns(),
  },
  (t) => [
    index('attachments_owner_idx').on(t.ownerType, t.ownerId),
    index('attachments_region_idx').on(t.regionCode),
    index('attachments_storage_key_idx').on(t.storageKey),
    check('attachments_kind_check', sql`${t.kind} in ('file', 'link')`),
  ],
);

// ---- Public writes ----------------------------------------------------------------------------

/**
 * What a citizen's write without login answered, by the idempotency key its client sent: a retry of
 * the same submission (a phone on a bad connection pressing "Kirim" twice) gets the first answer
 * again instead of a second record. Only the key's hash is kept, and only for a day.
 */
export const publicWriteReceipts = pgTable(
  'public_write_receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The route (method and URL pattern) the key was used on. */
    scope: text('scope').notNull(),
    keyHash: text('key_hash').notNull(),
    /** Null while the first request is still being handled. */
    status: integer('status'),
    body: jsonb('body'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('public_write_receipts_key_uq').on(t.scope, t.keyHash), index('public_write_receipts_created_idx').on(t.createdAt)],
);
