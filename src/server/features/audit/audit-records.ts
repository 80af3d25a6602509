/**
 * What an audit entry is about, in words a reader knows: the record's current name (an innovation's
 * name, a unit's, a complaint's tracking code), else the name its snapshot kept (a deleted unit), and the
 * record whose page shows it (evidence opens its innovation, an indicator its assessment). Looked up for
 * one page of entries at a time, a query per kind of record on the page, all within the region.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditLink } from '#shared/api/audit.ts';
import type { DbOrTx } from '#server/db/client.ts';
import {
  applications,
  assessmentItems,
  assessments,
  competitionEntries,
  competitionStages,
  competitions,
  complaintCategories,
  complaints,
  events,
  frameworkVersions,
  innovations,
  periods,
  regions,
  services,
  skmFollowUps,
  skmPeriods,
  smartcityMasterplans,
  smartcityProgrammes,
  units,
  users,
} from '#server/db/schema.ts';

export interface AuditEntryRef {
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditRecord {
  name: string | null;
  link: AuditLink | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Snapshot = Record<string, unknown>;

function snapshotOf(entry: AuditEntryRef): Snapshot {
  const pick = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Snapshot) : {});
  return { ...pick(entry.before), ...pick(entry.after) };
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The name a snapshot kept, for a record that is gone or has no table of its own. */
function snapshotName(s: Snapshot): string | null {
  return textOf(s.name) ?? textOf(s.title) ?? textOf(s.displayName) ?? textOf(s.trackingCode) ?? textOf(s.fileName) ?? textOf(s.action);
}

interface Lookup {
  table: PgTable;
  id: PgColumn;
  name: SQL<string>;
  /** The region filter; none for a region itself. */
  region?: PgColumn;
  /** The page that shows the record: its own, or its parent's. */
  link?: (row: { id: string; parentId: string | null }) => AuditLink | null;
  parent?: SQL<string | null>;
  joins?: { table: PgTable; on: SQL }[];
}

const LOOKUPS: Record<string, Lookup> = {
  unit: { table: units, id: units.id, name: sql<string>`${units.name}`, region: units.regionCode },
  user: { table: users, id: users.id, name: sql<string>`${users.displayName} || ' (' || ${users.username} || ')'` },
  innovation: {
    table: innovations,
    id: innovations.id,
    name: sql<string>`${innovations.name}`,
    region: innovations.regionCode,
    link: (r) => ({ type: 'innovation', id: r.id }),
  },
  period: {
    table: periods,
    id: periods.id,
    name: sql<string>`${periods.year}::text`,
    region: periods.regionCode,
    link: (r) => ({ type: 'period', id: r.id }),
  },
  assessment: {
    table: assessments,
    id: assessments.id,
    name: sql<string>`${frameworkVersions.name} || ' ' || ${assessments.year}::text`,
    region: assessments.regionCode,
    joins: [{ table: frameworkVersions, on: eq(frameworkVersions.id, assessments.frameworkVersionId) }],
    link: (r) => ({ type: 'assessment', id: r.id }),
  },
  assessment_item: {
    table: assessmentItems,
    id: assessmentItems.id,
    name: sql<string>`${assessmentItems.indicatorId} || ' · ' || ${frameworkVersions.name} || ' ' || ${assessments.year}::text`,
    region: assessmentItems.regionCode,
    joins: [
      { table: assessments, on: eq(assessments.id, assessmentItems.assessmentId) },
      { table: frameworkVersions, on: eq(frameworkVersions.id, assessments.frameworkVersionId) },
    ],
    parent: sql<string>`${assessmentItems.assessmentId}::text`,
    link: (r) => (r.parentId ? { type: 'assessment', id: r.parentId } : null),
  },
  service: { table: services, id: services.id, name: sql<string>`${services.name}`, region: services.regionCode },
  application: { table: applications, id: applications.id, name: sql<string>`${applications.name}`, region: applications.regionCode },
  complaint: {
    table: complaints,
    id: complaints.id,
    name: sql<string>`${complaints.trackingCode}`,
    region: complaints.regionCode,
    link: (r) => ({ type: 'complaint', id: r.id }),
  },
  complaint_category: {
    table: complaintCategories,
    id: complaintCategories.id,
    name: sql<string>`${complaintCategories.name}`,
    region: complaintCategories.regionCode,
  },
  skm_period: {
    table: skmPeriods,
    id: skmPeriods.id,
    name: sql<string>`${skmPeriods.year}::text || coalesce(' S' || ${skmPeriods.semester}::text, '')`,
    region: skmPeriods.regionCode,
    link: (r) => ({ type: 'skm_period', id: r.id }),
  },
  skm_follow_up: {
    table: skmFollowUps,
    id: skmFollowUps.id,
    name: sql<string>`${skmFollowUps.action}`,
    region: skmFollowUps.regionCode,
    parent: sql<string>`${skmFollowUps.periodId}::text`,
    link: (r) => (r.parentId ? { type: 'skm_period', id: r.parentId } : null),
  },
  event: {
    table: events,
    id: events.id,
    name: sql<string>`${events.title}`,
    region: events.regionCode,
    link: (r) => ({ type: 'event', id: r.id }),
  },
  competition: {
    table: competitions,
    id: competitions.id,
    name: sql<string>`${competitions.name}`,
    region: competitions.regionCode,
    link: (r) => ({ type: 'competition', id: r.id }),
  },
  competition_stage: {
    table: competitionStages,
    id: competitionStages.id,
    name: sql<string>`${competitions.name} || ' · ' || ${competitionStages.code}`,
    region: competitionStages.regionCode,
    joins: [{ table: competitions, on: eq(competitions.id, competitionStages.competitionId) }],
    parent: sql<string>`${competitionStages.competitionId}::text`,
    link: (r) => (r.parentId ? { type: 'competition', id: r.parentId } : null),
  },
  competition_entry: {
    table: competitionEntries,
    id: competitionEntries.id,
    name: sql<string>`${innovations.name} || ' · ' || ${competitions.name}`,
    region: competitionEntries.regionCode,
    joins: [
      { table: innovations, on: eq(innovations.id, competitionEntries.innovationId) },
      { table: competitions, on: eq(competitions.id, competitionEntries.competitionId) },
    ],
    parent: sql<string>`${competitionEntries.competitionId}::text`,
    link: (r) => (r.parentId ? { type: 'competition', id: r.parentId } : null),
  },
  smartcity_masterplan: {
    table: smartcityMasterplans,
    id: smartcityMasterplans.id,
    name: sql<string>`${smartcityMasterplans.title}`,
    region: smartcityMasterplans.regionCode,
    link: (r) => ({ type: 'smartcity_masterplan', id: r.id }),
  },
  smartcity_programme: {
    table: smartcityProgrammes,
    id: smartcityProgrammes.id,
    name: sql<string>`${smartcityProgrammes.name}`,
    region: smartcityProgrammes.regionCode,
    link: (r) => ({ type: 'smartcity_programme', id: r.id }),
  },
  framework_version: {
    table: frameworkVersions,
    id: frameworkVersions.id,
    name: sql<string>`${frameworkVersions.name} || ' ' || ${frameworkVersions.version}`,
  },
};

/** Evidence and answers name no table of their own: their snapshot names the innovation they belong to. */
function parentInnovationOf(entry: AuditEntryRef, s: Snapshot): string | null {
  if (entry.entityType === 'evidence' || entry.entityType === 'iid_answer') {
    const id = textOf(s.innovationId) ?? (s.ownerType === 'innovation' ? textOf(s.ownerId) : null);
    return id && UUID.test(id) ? id : null;
  }
  return null;
}

async function lookUp(db: DbOrTx, regionCode: string, type: string, ids: string[]) {
  const l = LOOKUPS[type];
  if (!l || ids.length === 0) return new Map<string, { name: string; link: AuditLink | null }>();
  const where = and(inArray(l.id, ids), l.region ? eq(l.region, regionCode) : undefined);
  const select = { id: sql<string>`${l.id}::text`, name: l.name, parentId: l.parent ?? sql<string | null>`null` };
  let query = db.select(select).from(l.table).$dynamic();
  for (const j of l.joins ?? []) query = query.innerJoin(j.table, j.on);
  const rows = await query.where(where);
  return new Map(rows.map((r) => [r.id, { name: r.name, link: l.link ? l.link({ id: r.id, parentId: r.parentId }) : null }]));
}

/** The record of each entry, in the entries' order. */
export async function describeAuditRecords(db: DbOrTx, regionCode: string, entries: AuditEntryRef[]): Promise<AuditRecord[]> {
  const snapshots = entries.map(snapshotOf);
  const wanted = new Map<string, Set<string>>();
  const want = (type: string, id: string | null) => {
    if (!id || !UUID.test(id) || !LOOKUPS[type]) return;
    const set = wanted.get(type) ?? new Set<string>();
    set.add(id);
    wanted.set(type, set);
  };
  entries.forEach((e, i) => {
    want(e.entityType, e.entityId);
    want('innovation', parentInnovationOf(e, snapshots[i] ?? {}));
  });
  const found = new Map(await Promise.all([...wanted].map(async ([type, ids]) => [type, await lookUp(db, regionCode, type, [...ids])] as const)));
  const regionName = entries.some((e) => e.entityType === 'region')
    ? ((await db.select({ name: regions.name }).from(regions).where(eq(regions.code, regionCode)))[0]?.name ?? null)
    : null;

  return entries.map((e, i) => {
    const s = snapshots[i] ?? {};
    if (e.entityType === 'region') return { name: regionName, link: null };
    const own = e.entityId ? found.get(e.entityType)?.get(e.entityId) : undefined;
    if (own) return { name: own.name, link: own.link };
    const innovationId = parentInnovationOf(e, s);
    const innovation = innovationId ? found.get('innovation')?.get(innovationId) : undefined;
    const name = snapshotName(s) ?? (e.entityType === 'iid_answer' ? textOf(s.indicatorId) : null);
    if (innovation) {
      const tab = e.entityType === 'iid_answer' ? 'iid' : undefined;
      return {
        name: name ? `${name} · ${innovation.name}` : innovation.name,
        link: { type: 'innovation', id: innovationId ?? '', ...(tab ? { tab } : {}) },
      };
    }
    return { name, link: null };
  });
}
