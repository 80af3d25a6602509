/**
 * Queries on complaints, their categories, history and Open311 clients. Every one filters by region;
 * operators see only the complaints routed to their unit (`visibleComplaints`).
 */
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '#domain/access/roles.ts';
import { CLOSED_STATUSES } from '#domain/services/complaint-workflow.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { attachments, complaintCategories, complaintEvents, complaints, open311Clients, services, units, users } from '#server/db/schema.ts';
import { escapeLike, offsetOf } from '#server/db/sql-helpers.ts';
import { INBOX_DESCRIPTION_CHARS } from '#shared/api/complaints.ts';

/** Operators work for one unit: they see the complaints routed to it only. */
export function visibleComplaints(actor: Actor): SQL | undefined {
  return actor.role === 'operator' && actor.unitId ? eq(complaints.unitId, actor.unitId) : undefined;
}

// The names beside a complaint are looked up per row rather than joined: a page has 25 rows, and
// planning a five-table join cost Postgres several times what running it did (~0.8 ms against ~0.1 ms
// per inbox page; with these lookups ~0.15 ms). Category and unit always exist (foreign keys, not null).
// The outer row is named in full: Drizzle leaves columns unqualified in a one-table select, and inside
// the lookup of the original complaint a bare `duplicate_of_id` would be the original's own.
const outer = (column: AnyPgColumn) => sql`"complaints".${sql.identifier(column.name)}`;
const complaintColumns = {
  row: complaints,
  categoryName: sql<string>`(select k.name from ${complaintCategories} k where k.id = ${outer(complaints.categoryId)})`,
  categoryCode: sql<string>`(select k.code from ${complaintCategories} k where k.id = ${outer(complaints.categoryId)})`,
  unitName: sql<string>`(select u.name from ${units} u where u.id = ${outer(complaints.unitId)})`,
  serviceName: sql<string | null>`(select s.name from ${services} s where s.id = ${outer(complaints.serviceId)})`,
  duplicateOfCode: sql<string | null>`(select o.tracking_code from ${complaints} o where o.id = ${outer(complaints.duplicateOfId)})`,
};

/** The inbox's line: the list's columns only (never the contacts), the text cut where the list cuts it. */
const inboxColumns = {
  id: complaints.id,
  trackingCode: complaints.trackingCode,
  categoryId: complaints.categoryId,
  unitId: complaints.unitId,
  serviceId: complaints.serviceId,
  description: sql<string>`left(${complaints.description}, ${sql.raw(String(INBOX_DESCRIPTION_CHARS))})`,
  status: complaints.status,
  source: complaints.source,
  dueAt: complaints.dueAt,
  closedAt: complaints.closedAt,
  createdAt: complaints.createdAt,
  updatedAt: complaints.updatedAt,
  version: complaints.version,
  categoryName: complaintColumns.categoryName,
  unitName: complaintColumns.unitName,
  serviceName: complaintColumns.serviceName,
  duplicateOfCode: complaintColumns.duplicateOfCode,
};

function selectComplaints(db: DbOrTx) {
  return db.select(complaintColumns).from(complaints);
}

export async function findComplaint(db: DbOrTx, regionCode: string, id: string, actor?: Actor) {
  const [row] = await selectComplaints(db).where(
    and(eq(complaints.regionCode, regionCode), eq(complaints.id, id), actor ? visibleComplaints(actor) : undefined),
  );
  return row;
}

/** By tracking code, in any region (the citizen's status page) or in one (Open311, duplicates). */
export async function findByTrackingCode(db: DbOrTx, trackingCode: string, regionCode?: string) {
  const [row] = await selectComplaints(db).where(
    and(eq(complaints.trackingCode, trackingCode.toUpperCase()), regionCode ? eq(complaints.regionCode, regionCode) : undefined),
  );
  return row;
}

/** What the citizen's status page shows, read in one statement. */
export interface PublicComplaintRow {
  trackingCode: string;
  categoryName: string;
  unitName: string;
  status: string;
  description: string;
  address: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The public steps, oldest first: [to_status, note, created_at]. */
  history: Array<[string | null, string | null, string]>;
  hasPhoto: boolean;
}

/**
 * The status page by tracking code: the complaint, its public steps and whether a photo came, in one
 * statement (it was three in two round trips). Only the columns the page may show are read: never the
 * contact details, nor internal notes.
 */
const publicComplaintQuery = (db: DbOrTx) =>
  db
    .select({
      trackingCode: complaints.trackingCode,
      categoryName: complaintColumns.categoryName,
      unitName: complaintColumns.unitName,
      status: complaints.status,
      description: complaints.description,
      address: complaints.address,
      createdAt: complaints.createdAt,
      updatedAt: complaints.updatedAt,
      history: sql<PublicComplaintRow['history']>`coalesce((
        select json_agg(json_build_array(e.to_status, e.note, e.created_at) order by e.created_at, e.id)
        from ${complaintEvents} e where e.complaint_id = ${outer(complaints.id)} and e.is_public), '[]'::json)`,
      hasPhoto: sql<boolean>`exists (
        select 1 from ${attachments} a
        where a.owner_type = 'complaint' and a.owner_id = ${outer(complaints.id)} and a.region_code = ${outer(complaints.regionCode)})`,
    })
    .from(complaints)
    .where(eq(complaints.trackingCode, sql.placeholder('trackingCode')))
    // Named, so each connection plans it once: planning it cost Postgres more than running it.
    .prepare('complaint_public_status');

const preparedPublicQueries = new WeakMap<object, ReturnType<typeof publicComplaintQuery>>();

export async function findPublicComplaint(db: DbOrTx, trackingCode: string): Promise<PublicComplaintRow | undefined> {
  let query = preparedPublicQueries.get(db);
  if (query === undefined) {
    query = publicComplaintQuery(db);
    preparedPublicQueries.set(db, query);
  }
  const [row] = await query.execute({ trackingCode: trackingCode.toUpperCase() });
  return row;
}

export interface ComplaintFilter {
  q?: string | undefined;
  status?: string | undefined;
  unitId?: string | undefined;
  categoryId?: string | undefined;
  overdue?: 'ya' | undefined;
  sort: 'createdAt' | 'dueAt' | 'status';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const SORT = { createdAt: complaints.createdAt, dueAt: complaints.dueAt, status: complaints.status };

/**
 * The inbox's order: the chosen column, then newest first, then id (a stable page boundary). By filing
 * time it is written exactly as `complaints_region_created_idx` is kept (created_at desc nulls last, id),
 * which Postgres also reads backwards for oldest first (ties by id are then sorted among themselves): a
 * plain `desc` means nulls first and does not match the index, and every page sorted all the region's
 * complaints in a parallel plan. The column is never null, so the nulls clause changes no order.
 */
function inboxOrder(sort: ComplaintFilter['sort'], order: ComplaintFilter['order']): SQL[] {
  if (sort === 'createdAt') {
    return order === 'desc'
      ? [sql`${complaints.createdAt} desc nulls last`, asc(complaints.id)]
      : [sql`${complaints.createdAt} asc nulls first`, asc(complaints.id)];
  }
  const direction = order === 'desc' ? desc : asc;
  return [direction(SORT[sort]), sql`${complaints.createdAt} desc nulls last`, asc(complaints.id)];
}

/** Open and past its due time at `now`. */
export const overdueAt = (now: Date): SQL | undefined => and(notInArray(complaints.status, [...CLOSED_STATUSES]), lt(complaints.dueAt, now));

/**
 * The inbox page is asked on every visit of every officer's inbox: it runs as a statement prepared
 * under a name per filter shape (which filters are present, the order), so each connection parses and
 * plans each shape once; the values are its parameters. There are at most a few dozen shapes.
 */
function inboxQuery(db: DbOrTx, shape: string, f: ComplaintFilter, operatorUnit: boolean) {
  const conds: (SQL | undefined)[] = [eq(complaints.regionCode, sql.placeholder('region'))];
  if (operatorUnit) conds.push(eq(complaints.unitId, sql.placeholder('operatorUnit')));
  if (f.q) {
    conds.push(
      or(
        ilike(complaints.trackingCode, sql.placeholder('like')),
        ilike(complaints.description, sql.placeholder('like')),
        ilike(complaints.address, sql.placeholder('like')),
      ),
    );
  }
  if (f.status) conds.push(eq(complaints.status, sql.placeholder('status')));
  if (f.unitId) conds.push(eq(complaints.unitId, sql.placeholder('unitId')));
  if (f.categoryId) conds.push(eq(complaints.categoryId, sql.placeholder('categoryId')));
  if (f.overdue === 'ya') conds.push(and(notInArray(complaints.status, [...CLOSED_STATUSES]), lt(complaints.dueAt, sql.placeholder('now'))));
  const where = and(...conds);
  // The page and the count in one statement (the count is computed once, its subquery's "complaints"
  // being the inner table): each statement is a round trip. Only a page past the end needs the count
  // on its own.
  return {
    page: db
      .select({ ...inboxColumns, total: sql<number>`(select count(*)::int from ${complaints} where ${where})` })
      .from(complaints)
      .where(where)
      .orderBy(...inboxOrder(f.sort, f.order))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(`complaint_inbox_${shape}`),
    count: db.select({ n: count() }).from(complaints).where(where).prepare(`complaint_inbox_count_${shape}`),
  };
}

const preparedInboxQueries = new WeakMap<object, Map<string, ReturnType<typeof inboxQuery>>>();

export type InboxRow = Awaited<ReturnType<typeof listComplaints>>['items'][number];

export async function listComplaints(db: DbOrTx, regionCode: string, actor: Actor, f: ComplaintFilter, now: Date) {
  const operatorUnit = actor.role === 'operator' && actor.unitId !== null;
  const shape = [
    operatorUnit ? 'o' : '',
    f.q ? 'q' : '',
    f.status ? 's' : '',
    f.unitId ? 'u' : '',
    f.categoryId ? 'c' : '',
    f.overdue === 'ya' ? 'd' : '',
    f.sort,
    f.order,
  ].join('_');
  let shapes = preparedInboxQueries.get(db);
  if (shapes === undefined) {
    shapes = new Map();
    preparedInboxQueries.set(db, shapes);
  }
  let query = shapes.get(shape);
  if (query === undefined) {
    query = inboxQuery(db, shape, f, operatorUnit);
    shapes.set(shape, query);
  }
  const values = {
    region: regionCode,
    operatorUnit: actor.unitId,
    like: f.q ? `%${escapeLike(f.q)}%` : null,
    status: f.status ?? null,
    unitId: f.unitId ?? null,
    categoryId: f.categoryId ?? null,
    now,
    limit: f.pageSize,
    offset: offsetOf(f.page, f.pageSize),
  };
  const rows = await query.page.execute(values);
  if (rows.length > 0) return { items: rows, total: rows[0]?.total ?? 0 };
  const [total] = await query.count.execute(values);
  return { items: rows, total: total?.n ?? 0 };
}

/** The history of one complaint, oldest first; `publicOnly` for the citizen's page. */
export async function listEvents(db: DbOrTx, complaintId: string, options: { publicOnly?: boolean } = {}) {
  return db
    .select({
      id: complaintEvents.id,
      action: complaintEvents.action,
      fromStatus: complaintEvents.fromStatus,
      toStatus: complaintEvents.toStatus,
      note: complaintEvents.note,
      isPublic: complaintEvents.isPublic,
      unitName: units.name,
      actorName: users.displayName,
      createdAt: complaintEvents.createdAt,
    })
    .from(complaintEvents)
    .leftJoin(units, eq(units.id, complaintEvents.unitId))
    .leftJoin(users, eq(users.id, complaintEvents.actorId))
    .where(and(eq(complaintEvents.complaintId, complaintId), options.publicOnly ? eq(complaintEvents.isPublic, true) : undefined))
    .orderBy(asc(complaintEvents.createdAt), asc(complaintEvents.id));
}

// ---- categories ---------------------------------------------------------------------------------

const categoryColumns = {
  id: complaintCategories.id,
  code: complaintCategories.code,
  name: complaintCategories.name,
  description: complaintCategories.description,
  groupName: complaintCategories.groupName,
  unitId: complaintCategories.unitId,
  unitName: units.name,
  unitShortName: units.shortName,
  slaDays: complaintCategories.slaDays,
  isActive: complaintCategories.isActive,
};

export type CategoryView = Awaited<ReturnType<typeof listCategories>>[number];

export async function listCategories(db: DbOrTx, regionCode: string, options: { activeOnly?: boolean; codes?: string[] } = {}) {
  return db
    .select(categoryColumns)
    .from(complaintCategories)
    .innerJoin(units, eq(units.id, complaintCategories.unitId))
    .where(
      and(
        eq(complaintCategories.regionCode, regionCode),
        options.activeOnly ? eq(complaintCategories.isActive, true) : undefined,
        options.codes ? inArray(complaintCategories.code, options.codes) : undefined,
      ),
    )
    .orderBy(asc(complaintCategories.groupName), asc(complaintCategories.name));
}

export async function findCategory(db: DbOrTx, regionCode: string, where: { id: string } | { code: string }) {
  const [row] = await db
    .select(categoryColumns)
    .from(complaintCategories)
    .innerJoin(units, eq(units.id, complaintCategories.unitId))
    .where(
      and(
        eq(complaintCategories.regionCode, regionCode),
        'id' in where ? eq(complaintCategories.id, where.id) : eq(complaintCategories.code, where.code),
      ),
    );
  return row;
}

// ---- statistics --------------------------------------------------------------------------------

/** The complaints filed in [from, to) with what the statistics need. */
// ---- Open311 ------------------------------------------------------------------------------------

export interface Open311Filter {
  ids?: string[] | undefined;
  serviceCodes?: string[] | undefined;
  from: Date;
  to: Date;
  statuses?: ('open' | 'closed')[] | undefined;
  limit: number;
}

export async function listForOpen311(db: DbOrTx, regionCode: string, f: Open311Filter) {
  const closed = [...CLOSED_STATUSES];
  const statusCond =
    f.statuses && f.statuses.length === 1
      ? f.statuses[0] === 'open'
        ? notInArray(complaints.status, closed)
        : inArray(complaints.status, closed)
      : undefined;
  // Requests named by id are returned whatever their date, as the specification says.
  const conds = f.ids
    ? [
        eq(complaints.regionCode, regionCode),
        inArray(
          complaints.trackingCode,
          f.ids.map((id) => id.toUpperCase()),
        ),
      ]
    : [
        eq(complaints.regionCode, regionCode),
        gte(complaints.createdAt, f.from),
        lt(complaints.createdAt, f.to),
        f.serviceCodes
          ? inArray(
              complaints.categoryId,
              db
                .select({ id: complaintCategories.id })
                .from(complaintCategories)
                .where(and(eq(complaintCategories.regionCode, regionCode), inArray(complaintCategories.code, f.serviceCodes))),
            )
          : undefined,
        statusCond,
      ];
  return selectComplaints(db)
    .where(and(...conds))
    .orderBy(desc(complaints.createdAt), asc(complaints.id))
    .limit(f.limit);
}

export async function findActiveClient(db: DbOrTx, regionCode: string, keyHash: string) {
  const [row] = await db
    .select({ id: open311Clients.id, name: open311Clients.name })
    .from(open311Clients)
    .where(and(eq(open311Clients.regionCode, regionCode), eq(open311Clients.keyHash, keyHash), sql`${open311Clients.revokedAt} is null`));
  return row;
}

export async function listClients(db: DbOrTx, regionCode: string) {
  return db.select().from(open311Clients).where(eq(open311Clients.regionCode, regionCode)).orderBy(desc(open311Clients.createdAt));
}
