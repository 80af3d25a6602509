/**
 * Queries on the service catalogue and the application inventory. Every function takes the region
 * code and filters by it in SQL; an operator's view is narrowed to their unit here too.
 */
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '#domain/access/roles.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { applicationServices, applications, services, units } from '#server/db/schema.ts';
import { escapeLike, offsetOf } from '#server/db/sql-helpers.ts';
import { containsSearchText, matchesSearch } from '#server/platform/search.ts';

/** Operators work for one unit: they see its services and applications only. */
function ownUnitOf(actor: Actor | undefined, column: typeof services.unitId | typeof applications.unitId): SQL | undefined {
  return actor && actor.role === 'operator' ? eq(column, actor.unitId ?? '00000000-0000-0000-0000-000000000000') : undefined;
}

const serviceColumns = {
  id: services.id,
  regionCode: services.regionCode,
  unitId: services.unitId,
  unitName: units.name,
  unitShortName: units.shortName,
  name: services.name,
  category: services.category,
  description: services.description,
  channel: services.channel,
  onlineUrl: services.onlineUrl,
  isDigital: services.isDigital,
  isActive: services.isActive,
  requirements: services.requirements,
  procedure: services.procedure,
  duration: services.duration,
  cost: services.cost,
  product: services.product,
  complaintHandling: services.complaintHandling,
  version: services.version,
  updatedAt: services.updatedAt,
  // Qualified by hand, so the outer row is meant whatever the select is joined to.
  applicationNames: sql<
    string[]
  >`coalesce((select array_agg(a.name order by a.name) from ${applicationServices} x join ${applications} a on a.id = x.application_id where x.service_id = "services"."id"), '{}')`.as(
    'application_names',
  ),
};

export type ServiceRow = NonNullable<Awaited<ReturnType<typeof findService>>>;

export interface ServiceFilter {
  q?: string | undefined;
  unitId?: string | undefined;
  channel?: string | undefined;
  active?: 'ya' | 'tidak' | undefined;
  sort: 'name' | 'unitName' | 'updatedAt';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const SERVICE_SORT = { name: services.name, unitName: units.name, updatedAt: services.updatedAt };

export async function listServices(db: DbOrTx, regionCode: string, f: ServiceFilter, actor?: Actor) {
  const conds: (SQL | undefined)[] = [eq(services.regionCode, regionCode), ownUnitOf(actor, services.unitId)];
  if (f.q) {
    // Words match through the search vector (stemmed); a fragment of a name ("KTP", "akta lah") by ILIKE;
    // both with the spelling variants of the words (akte finds akta).
    conds.push(or(matchesSearch(services.searchVector, f.q), containsSearchText([services.name], f.q)));
  }
  if (f.unitId) conds.push(eq(services.unitId, f.unitId));
  if (f.channel) conds.push(eq(services.channel, f.channel));
  if (f.active) conds.push(eq(services.isActive, f.active === 'ya'));
  const where = and(...conds);
  const direction = f.order === 'desc' ? desc : asc;
  const [items, [total]] = await Promise.all([
    db
      .select(serviceColumns)
      .from(services)
      .innerJoin(units, eq(units.id, services.unitId))
      .where(where)
      .orderBy(direction(SERVICE_SORT[f.sort]), asc(services.name), asc(services.id))
      .limit(f.pageSize)
      .offset(offsetOf(f.page, f.pageSize)),
    db.select({ n: count() }).from(services).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** One service of the region as staff see it; with an actor, an operator finds only their unit's. */
export async function findService(db: DbOrTx, regionCode: string, id: string, actor?: Actor) {
  const [row] = await db
    .select(serviceColumns)
    .from(services)
    .innerJoin(units, eq(units.id, services.unitId))
    .where(and(eq(services.regionCode, regionCode), eq(services.id, id), ownUnitOf(actor, services.unitId)));
  return row;
}

/**
 * A service of the region (any unit, active or not) with its unit's name, or undefined when the id is
 * not one of the region's services. For the survey, complaint and portal code of this feature.
 */
export async function findServiceInRegion(db: DbOrTx, regionCode: string, id: string) {
  const [row] = await db
    .select({
      id: services.id,
      regionCode: services.regionCode,
      unitId: services.unitId,
      unitName: units.name,
      name: services.name,
      category: services.category,
      channel: services.channel,
      onlineUrl: services.onlineUrl,
      isDigital: services.isDigital,
      isActive: services.isActive,
      createdAt: services.createdAt,
    })
    .from(services)
    .innerJoin(units, eq(units.id, services.unitId))
    .where(and(eq(services.regionCode, regionCode), eq(services.id, id)));
  return row;
}

/** Every service of the region (for exports and import matching), in unit then name order. */
export async function allServicesOf(db: DbOrTx, regionCode: string, actor?: Actor) {
  return db
    .select(serviceColumns)
    .from(services)
    .innerJoin(units, eq(units.id, services.unitId))
    .where(and(eq(services.regionCode, regionCode), ownUnitOf(actor, services.unitId)))
    .orderBy(asc(units.name), asc(services.name));
}

/** Ids and names of the given services that belong to the region (others are simply absent). */
export async function servicesAmong(db: DbOrTx, regionCode: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: services.id, name: services.name, unitId: services.unitId })
    .from(services)
    .where(and(eq(services.regionCode, regionCode), inArray(services.id, ids)));
}

// ---- applications -------------------------------------------------------------------------------

const applicationColumns = {
  id: applications.id,
  regionCode: applications.regionCode,
  unitId: applications.unitId,
  unitName: units.name,
  unitShortName: units.shortName,
  name: applications.name,
  description: applications.description,
  kind: applications.kind,
  hosting: applications.hosting,
  status: applications.status,
  url: applications.url,
  version: applications.version,
  updatedAt: applications.updatedAt,
  services: sql<
    { id: string; name: string }[]
  >`coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name) from ${applicationServices} x join ${services} s on s.id = x.service_id where x.application_id = "applications"."id"), '[]'::json)`.as(
    'services',
  ),
};

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export interface ApplicationFilter {
  q?: string | undefined;
  unitId?: string | undefined;
  kind?: string | undefined;
  sort: 'name' | 'unitName' | 'updatedAt';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const APPLICATION_SORT = { name: applications.name, unitName: units.name, updatedAt: applications.updatedAt };

export async function listApplications(db: DbOrTx, regionCode: string, f: ApplicationFilter, actor?: Actor) {
  const conds: (SQL | undefined)[] = [eq(applications.regionCode, regionCode), ownUnitOf(actor, applications.unitId)];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    conds.push(or(ilike(applications.name, like), ilike(applications.description, like)));
  }
  if (f.unitId) conds.push(eq(applications.unitId, f.unitId));
  if (f.kind) conds.push(eq(applications.kind, f.kind));
  const where = and(...conds);
  const direction = f.order === 'desc' ? desc : asc;
  const [items, [total]] = await Promise.all([
    db
      .select(applicationColumns)
      .from(applications)
      .innerJoin(units, eq(units.id, applications.unitId))
      .where(where)
      .orderBy(direction(APPLICATION_SORT[f.sort]), asc(applications.name), asc(applications.id))
      .limit(f.pageSize)
      .offset(offsetOf(f.page, f.pageSize)),
    db.select({ n: count() }).from(applications).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findApplication(db: DbOrTx, regionCode: string, id: string, actor?: Actor) {
  const [row] = await db
    .select(applicationColumns)
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(and(eq(applications.regionCode, regionCode), eq(applications.id, id), ownUnitOf(actor, applications.unitId)));
  return row;
}

export async function allApplicationsOf(db: DbOrTx, regionCode: string, actor?: Actor) {
  return db
    .select(applicationColumns)
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(and(eq(applications.regionCode, regionCode), ownUnitOf(actor, applications.unitId)))
    .orderBy(asc(applications.name));
}
