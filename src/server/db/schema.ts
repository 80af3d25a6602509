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
  primaryKey,
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
     * Outside the reporting window a unit's proposal or submission is refused, not only warned about
     * (the region's choice; the regional admins may still act, as they extend windows by hand).
     */
    refuseOutsideWindow: boolean('refuse_outside_window').notNull().default(false),
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
    /**
     * The latest documented development (pengembangan terbaru): its date and what changed. An innovation
     * first applied before the IID eligibility window still qualifies when this date falls inside it.
     */
    waktuPengembangan: date('waktu_pengembangan', { mode: 'string' }),
    uraianPengembangan: text('uraian_pengembangan').notNull().default(''),
    rancangBangun: text('rancang_bangun').notNull().default(''),
    tujuan: text('tujuan').notNull().default(''),
    manfaat: text('manfaat').notNull().default(''),
    hasil: text('hasil').notNull().default(''),
    latitude: numeric('latitude', { precision: 9, scale: 6 }),
    longitude: numeric('longitude', { precision: 9, scale: 6 }),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    /** The RPJMD programme the innovation serves, by its code in the region's RPJMD (checked on save). */
    rpjmdProgramCode: text('rpjmd_program_code'),
    /**
     * The 2026 form's profile fields: klasifikasi (perangkat daerah / desa / masyarakat), the Asta Cita
     * (1–8) and the PKPN cluster and programme it serves, its budget in rupiah (exact) with the source,
     * and the initiator's name (beside `inisiator`, which is the kind). All optional, older years lack them.
     */
    klasifikasi: text('klasifikasi'),
    astaCita: text('asta_cita'),
    pkpnKlaster: text('pkpn_klaster'),
    pkpnProgram: text('pkpn_program'),
    anggaran: numeric('anggaran', { precision: 15, scale: 2 }),
    sumberAnggaran: text('sumber_anggaran'),
    namaInisiator: text('nama_inisiator'),
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
    /**
     * The year of its period, kept by the database (a trigger on innovations and on periods, migration
     * `catalogue_year`): the public catalogue filters and pages by year without joining the periods,
     * and the year is a lexeme of the search vector so that a word and a year are served by one index.
     * Never written by the application.
     */
    year: integer('year'),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('indonesian', coalesce(${innovations.name}, '')), 'A') || setweight(to_tsvector('indonesian', coalesce(${innovations.tujuan}, '') || ' ' || coalesce(${innovations.manfaat}, '') || ' ' || coalesce(${innovations.hasil}, '')), 'B') || coalesce(('''#' || ${innovations.year}::text || '''')::tsvector, ''::tsvector)`,
    ),
    /** The name alone: a match in the name comes first in the catalogue, and checking it is cheap. */
    nameVector: tsvector('name_vector').generatedAlwaysAs((): SQL => sql`to_tsvector('indonesian', coalesce(${innovations.name}, ''))`),
  },
  (t) => [
    index('innovations_region_period_idx').on(t.regionCode, t.periodId, t.status),
    // The catalogue's pages without a search text: newest verified first, in all years or in one.
    index('innovations_published_idx').on(sql`${t.verifiedAt} desc nulls last`, t.id).where(sql`${t.status} = 'terverifikasi'`),
    index('innovations_published_year_idx').on(t.year, sql`${t.verifiedAt} desc nulls last`, t.id).where(sql`${t.status} = 'terverifikasi'`),
    // The catalogue's search reads verified innovations only: its own text indexes skip the rest, and the
    // name's index finds the matches it shows first.
    index('innovations_published_search_idx').using('gin', t.searchVector).where(sql`${t.status} = 'terverifikasi'`),
    index('innovations_published_name_idx').using('gin', t.nameVector).where(sql`${t.status} = 'terverifikasi'`),
    // What a period's IID figure is computed from, read from the index alone (platform/figures/region-figures.ts).
    index('innovations_period_figures_idx').on(t.periodId, t.version, t.status, t.updatedAt),
    index('innovations_unit_idx').on(t.unitId),
    // The period's export reads each unit's innovations by name in keyset pages: in this order, a page
    // stops after its rows instead of sorting the unit's whole list (~100 ms a page at 6,000 innovations).
    index('innovations_period_unit_name_idx').on(t.periodId, t.unitId, t.name, t.id),
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
    /** The measurement basis (basis ukur) chosen with the level, for an indicator that offers several (2026: 33, a–f). */
    basisUkur: text('basis_ukur'),
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

/**
 * Public services (the service catalogue) of a region: what a unit serves citizens, with the six
 * components of its *standar pelayanan* (PermenPANRB 15/2014), shown on the public portal.
 */
export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    category: text('category'),
    description: text('description').notNull().default(''),
    /** online, offline or both (`keduanya`). */
    channel: text('channel').notNull().default('offline'),
    onlineUrl: text('online_url'),
    isDigital: boolean('is_digital').notNull().default(false),
    // The standar pelayanan: persyaratan; sistem, mekanisme dan prosedur; jangka waktu; biaya/tarif;
    // produk; penanganan pengaduan, saran dan masukan.
    requirements: text('requirements').notNull().default(''),
    procedure: text('procedure').notNull().default(''),
    duration: text('duration').notNull().default(''),
    cost: text('cost').notNull().default(''),
    product: text('product').notNull().default(''),
    complaintHandling: text('complaint_handling').notNull().default(''),
    /** An inactive service is hidden from the portal and takes no new survey answers. */
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('indonesian', coalesce(${services.name}, '')), 'A') || setweight(to_tsvector('indonesian', coalesce(${services.category}, '') || ' ' || coalesce(${services.description}, '') || ' ' || coalesce(${services.product}, '')), 'B')`,
    ),
  },
  (t) => [
    uniqueIndex('services_unit_name_uq').on(t.unitId, sql`lower(${t.name})`),
    index('services_region_idx').on(t.regionCode, t.name),
    index('services_unit_idx').on(t.unitId),
    index('services_search_idx').using('gin', t.searchVector),
    check('services_channel_check', sql`${t.channel} in ('online', 'offline', 'keduanya')`),
  ],
);

/** The region's applications (SPBE/Pemdi ask for the inventory): who owns each and what it serves. */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** layanan_publik or administrasi_pemerintahan (the SPBE split). */
    kind: text('kind').notNull(),
    /** pusat_data_daerah, pusat_data_nasional, cloud, lainnya. */
    hosting: text('hosting').notNull().default('pusat_data_daerah'),
    /** aktif, pengembangan, tidak_aktif. */
    status: text('status').notNull().default('aktif'),
    url: text('url'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('applications_region_name_uq').on(t.regionCode, sql`lower(${t.name})`),
    index('applications_unit_idx').on(t.unitId),
    check('applications_kind_check', sql`${t.kind} in ('layanan_publik', 'administrasi_pemerintahan')`),
    check('applications_hosting_check', sql`${t.hosting} in ('pusat_data_daerah', 'pusat_data_nasional', 'cloud', 'lainnya')`),
    check('applications_status_check', sql`${t.status} in ('aktif', 'pengembangan', 'tidak_aktif')`),
  ],
);

export const applicationServices = pgTable(
  'application_services',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'application_services_pk', columns: [t.applicationId, t.serviceId] }),
    index('application_services_service_idx').on(t.serviceId),
  ],
);

/**
 * A survey period of the Survei Kepuasan Masyarakat (a year or a semester) for all or chosen services.
 * Question wording is the region's (data); the nine unsur and their scoring are the framework's.
 */
export const skmPeriods = pgTable(
  'skm_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    year: integer('year').notNull(),
    /** null: the whole year; 1 or 2: a semester. */
    semester: integer('semester'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** dibuka (taking answers) or ditutup. */
    status: text('status').notNull().default('dibuka'),
    /** Every active service of the region takes part, or only those in skm_period_services. */
    allServices: boolean('all_services').notNull().default(true),
    /** The `ikm` framework version that scores it; null: the one effective in `year`. */
    frameworkVersionId: uuid('framework_version_id').references((): AnyPgColumn => frameworkVersions.id),
    /** The region's wording of each unsur's question and answers (unsur id → {question, options[4]}). */
    questions: jsonb('questions').$type<Record<string, { question: string; options: string[] }>>().notNull().default({}),
    /** One answer per device per service within this many hours (0: no limit). */
    deviceIntervalHours: integer('device_interval_hours').notNull().default(24),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('skm_periods_region_year_uq').on(t.regionCode, t.year, sql`coalesce(${t.semester}, 0)`),
    check('skm_periods_window_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('skm_periods_semester_check', sql`${t.semester} is null or ${t.semester} in (1, 2)`),
    check('skm_periods_status_check', sql`${t.status} in ('dibuka', 'ditutup')`),
  ],
);

/** A service's part in a period: chosen (when not all services take part) and its population. */
export const skmPeriodServices = pgTable(
  'skm_period_services',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => skmPeriods.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    /** Service users in the period; gives the minimum sample (Krejcie–Morgan). */
    population: integer('population'),
  },
  (t) => [
    primaryKey({ name: 'skm_period_services_pk', columns: [t.periodId, t.serviceId] }),
    check('skm_period_services_population_check', sql`${t.population} is null or ${t.population} >= 0`),
  ],
);

const unsurAnswer = (name: string) => integer(name);
const UNSUR_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
type TallyColumnName = `s${(typeof UNSUR_NUMBERS)[number]}` | `c${(typeof UNSUR_NUMBERS)[number]}`;
function tallyColumns() {
  const columns = {} as Record<TallyColumnName, ReturnType<typeof integer>>;
  for (const n of UNSUR_NUMBERS) {
    columns[`s${n}`] = integer(`s${n}`).notNull().default(0);
    columns[`c${n}`] = integer(`c${n}`).notNull().default(0);
  }
  return columns;
}

/** One respondent's answers. Citizens never log in; `device_hash` only enforces the per-device interval. */
export const skmResponses = pgTable(
  'skm_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => skmPeriods.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    u1: unsurAnswer('u1'),
    u2: unsurAnswer('u2'),
    u3: unsurAnswer('u3'),
    u4: unsurAnswer('u4'),
    u5: unsurAnswer('u5'),
    u6: unsurAnswer('u6'),
    u7: unsurAnswer('u7'),
    u8: unsurAnswer('u8'),
    u9: unsurAnswer('u9'),
    gender: text('gender'),
    ageGroup: text('age_group'),
    education: text('education'),
    occupation: text('occupation'),
    vulnerable: text('vulnerable'),
    serviceDate: date('service_date', { mode: 'string' }),
    suggestion: text('suggestion'),
    /** tautan (public link / QR), kiosk, or kertas (entered from a paper form). */
    channel: text('channel').notNull().default('tautan'),
    deviceHash: text('device_hash'),
    enteredBy: uuid('entered_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('skm_responses_period_service_idx').on(t.periodId, t.serviceId),
    index('skm_responses_device_idx').on(t.serviceId, t.deviceHash, t.createdAt),
    check('skm_responses_channel_check', sql`${t.channel} in ('tautan', 'kiosk', 'kertas')`),
    check(
      'skm_responses_answers_check',
      sql`coalesce(${t.u1}, 1) between 1 and 4 and coalesce(${t.u2}, 1) between 1 and 4 and coalesce(${t.u3}, 1) between 1 and 4 and coalesce(${t.u4}, 1) between 1 and 4 and coalesce(${t.u5}, 1) between 1 and 4 and coalesce(${t.u6}, 1) between 1 and 4 and coalesce(${t.u7}, 1) between 1 and 4 and coalesce(${t.u8}, 1) between 1 and 4 and coalesce(${t.u9}, 1) between 1 and 4`,
    ),
  ],
);

/**
 * Running sums of the answers per period and service, written in the same transaction as each answer,
 * so an IKM over 100,000 answers reads a few rows and stays exact. Several shards per service keep
 * concurrent answers at a busy counter from queueing on one row; readers add the shards up.
 */
export const skmTallies = pgTable(
  'skm_tallies',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => skmPeriods.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    shard: integer('shard').notNull(),
    responses: integer('responses').notNull().default(0),
    // Per unsur: s1…s9 the sum of the answers, c1…c9 how many answered it.
    ...tallyColumns(),
  },
  (t) => [primaryKey({ name: 'skm_tallies_pk', columns: [t.periodId, t.serviceId, t.shard] })],
);

/** The follow-up plan (rencana tindak lanjut) of a period's results, tracked to completion and published. */
export const skmFollowUps = pgTable(
  'skm_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code').notNull(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => skmPeriods.id),
    /** null: the whole region's plan item; else the service it answers. */
    serviceId: uuid('service_id').references(() => services.id),
    unsur: text('unsur'),
    action: text('action').notNull(),
    owner: text('owner').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** direncanakan, berjalan, selesai. */
    status: text('status').notNull().default('direncanakan'),
    progress: integer('progress').notNull().default(0),
    result: text('result').notNull().default(''),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('skm_follow_ups_period_idx').on(t.periodId),
    check('skm_follow_ups_status_check', sql`${t.status} in ('direncanakan', 'berjalan', 'selesai')`),
    check('skm_follow_ups_progress_check', sql`${t.progress} between 0 and 100`),
  ],
);

/** Complaint categories of a region: the Open311 services, each routed to a unit with its SLA. */
export const complaintCategories = pgTable(
  'complaint_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** The Open311 service_code: stable, URL-safe. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Open311 `group`. */
    groupName: text('group_name').notNull().default('Umum'),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    slaDays: integer('sla_days').notNull().default(5),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('complaint_categories_code_uq').on(t.regionCode, t.code),
    check('complaint_categories_sla_check', sql`${t.slaDays} between 1 and 365`),
  ],
);

/** A citizen's complaint (pengaduan). Contact details are never shown publicly. */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** What the citizen keeps to follow the complaint (and the Open311 service_request_id). */
    trackingCode: text('tracking_code').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => complaintCategories.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    serviceId: uuid('service_id').references(() => services.id),
    description: text('description').notNull(),
    address: text('address'),
    latitude: numeric('latitude', { precision: 9, scale: 6 }),
    longitude: numeric('longitude', { precision: 9, scale: 6 }),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    /** diterima → diverifikasi → ditindaklanjuti → selesai; or ditolak / duplikat. */
    status: text('status').notNull().default('diterima'),
    /** The latest public status note (Open311 status_notes). */
    statusNote: text('status_note'),
    duplicateOfId: uuid('duplicate_of_id').references((): AnyPgColumn => complaints.id),
    /** web (the region's form) or open311 (a third-party client). */
    source: text('source').notNull().default('web'),
    apiClientId: uuid('api_client_id'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('complaints_tracking_uq').on(t.trackingCode),
    index('complaints_region_status_idx').on(t.regionCode, t.status, t.createdAt),
    // The inbox: a region's complaints, newest first, a page at a time.
    index('complaints_region_created_idx').on(t.regionCode, t.createdAt.desc(), t.id),
    index('complaints_unit_idx').on(t.unitId, t.status),
    index('complaints_category_idx').on(t.categoryId),
    check('complaints_status_check', sql`${t.status} in ('diterima', 'diverifikasi', 'ditindaklanjuti', 'selesai', 'ditolak', 'duplikat')`),
    check('complaints_source_check', sql`${t.source} in ('web', 'open311')`),
  ],
);

/** The history of a complaint: each step, reassignment and note; `is_public` notes show on the status page. */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    isPublic: boolean('is_public').notNull().default(true),
    unitId: uuid('unit_id'),
    actorId: uuid('actor_id'),
    createdAt: createdAt(),
  },
  (t) => [index('complaint_events_complaint_idx').on(t.complaintId, t.id)],
);

/** API keys a region admin issues to third-party Open311 clients; only the key's hash is kept. */
export const open311Clients = pgTable(
  'open311_clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    /** The first characters, so an admin can tell keys apart. */
    keyPrefix: text('key_prefix').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('open311_clients_key_uq').on(t.keyHash), index('open311_clients_region_idx').on(t.regionCode)],
);
export * from './schema-acara.ts';
export * from './schema-notifications.ts';
export * from './schema-kompetisi.ts';
export * from './schema-kompetisi-iga.ts';
export * from './schema-kota-cerdas.ts';
export * from './schema-api-tokens.ts';
export * from './schema-liga.ts';
export * from './schema-evaluasi.ts';
export * from './schema-dewan.ts';
export * from './schema-rpjmd.ts';
export * from './schema-kompetisi-vote.ts';
export * from './schema-profil.ts';
export * from './schema-nasional.ts';
export * from './schema-lhe.ts';
export * from './schema-whatif.ts';
