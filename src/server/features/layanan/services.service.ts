/**
 * Use cases of the service catalogue: add, edit (guarded by `version`) and delete a unit's public
 * services. Operators work on their own unit's services only; to them another unit's is not there.
 */
import { and, count, eq } from 'drizzle-orm';
import type { Service } from '#shared/api/services.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { uniqueConstraintOf } from '#server/db/errors.ts';
import { applicationServices, complaints, services, skmFollowUps, skmPeriodServices, skmResponses, skmTallies } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { unitOf } from '#server/platform/records.ts';
import { findService, type ServiceRow } from './services.queries.ts';

export interface ServiceFields {
  name: string;
  unitId: string;
  category: string | null;
  description: string;
  channel: 'online' | 'offline' | 'keduanya';
  onlineUrl: string | null;
  isDigital: boolean;
  isActive: boolean;
  requirements: string;
  procedure: string;
  duration: string;
  cost: string;
  product: string;
  complaintHandling: string;
}

export function presentService(row: ServiceRow): Service {
  return {
    id: row.id,
    regionCode: row.regionCode,
    unitId: row.unitId,
    unitName: row.unitName,
    name: row.name,
    category: row.category,
    description: row.description,
    channel: row.channel as Service['channel'],
    onlineUrl: row.onlineUrl,
    isDigital: row.isDigital,
    isActive: row.isActive,
    requirements: row.requirements,
    procedure: row.procedure,
    duration: row.duration,
    cost: row.cost,
    product: row.product,
    complaintHandling: row.complaintHandling,
    applicationNames: row.applicationNames ?? [],
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The stored fields of a service, as the audit log records them. */
export function serviceSnapshot(s: ServiceFields): ServiceFields {
  return {
    name: s.name,
    unitId: s.unitId,
    category: s.category,
    description: s.description,
    channel: s.channel,
    onlineUrl: s.onlineUrl,
    isDigital: s.isDigital,
    isActive: s.isActive,
    requirements: s.requirements,
    procedure: s.procedure,
    duration: s.duration,
    cost: s.cost,
    product: s.product,
    complaintHandling: s.complaintHandling,
  };
}

/** An offline-only service has no online address; keeping a stale one would send citizens to it. */
function normalise(input: ServiceFields): ServiceFields {
  return { ...serviceSnapshot(input), onlineUrl: input.channel === 'offline' ? null : input.onlineUrl };
}

/**
 * The unit a service may be filed under: one of the region's units, and for an operator their own
 * (like innovations: an operator files for their unit, never another's).
 */
export async function checkServiceUnit(ctx: ServiceContext, db: DbOrTx, regionCode: string, unitId: string): Promise<void> {
  if (ctx.actor.role === 'operator' && unitId !== ctx.actor.unitId) {
    throw new AppError('FORBIDDEN', { detail: "operators manage their own unit's services only" });
  }
  if (!(await unitOf(db, regionCode, unitId))) throw fieldError('body.unitId', 'Unit tidak ditemukan di daerah ini');
}

export function rethrowServiceUnique(err: unknown): never {
  if (uniqueConstraintOf(err) === 'services_unit_name_uq') throw fieldError('body.name', 'Nama layanan sudah dipakai di unit ini');
  throw err;
}

export async function createService(ctx: ServiceContext, regionCode: string, input: ServiceFields): Promise<string> {
  const fields = normalise(input);
  return ctx.db
    .transaction(async (tx) => {
      await checkServiceUnit(ctx, tx, regionCode, fields.unitId);
      const [created] = await tx
        .insert(services)
        .values({ ...fields, regionCode, createdAt: ctx.now, updatedAt: ctx.now })
        .returning({ id: services.id });
      if (!created) throw new AppError('INTERNAL');
      await recordAudit(tx, ctx, { action: 'service.created', entityType: 'service', entityId: created.id, regionCode, after: fields });
      return created.id;
    })
    .catch(rethrowServiceUnique);
}

export async function updateService(ctx: ServiceContext, regionCode: string, id: string, input: ServiceFields & { version: number }): Promise<void> {
  const { version } = input;
  const fields = normalise(input);
  await ctx.db
    .transaction(async (tx) => {
      const current = await findService(tx, regionCode, id, ctx.actor);
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== version) throw new AppError('STALE_VERSION');
      if (fields.unitId !== current.unitId) await checkServiceUnit(ctx, tx, regionCode, fields.unitId);
      const [updated] = await tx
        .update(services)
        .set({ ...fields, version: version + 1, updatedAt: ctx.now })
        .where(and(eq(services.id, id), eq(services.regionCode, regionCode), eq(services.version, version)))
        .returning({ id: services.id });
      if (!updated) throw new AppError('STALE_VERSION');
      await recordAudit(tx, ctx, {
        action: 'service.updated',
        entityType: 'service',
        entityId: id,
        regionCode,
        before: serviceSnapshot(current as ServiceFields),
        after: fields,
      });
    })
    .catch(rethrowServiceUnique);
}

function isForeignKeyViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
    if ((e as { code?: unknown }).code === '23503') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Deletes a service nobody has answered a survey about or complained about yet; one with history is
 * refused (deactivate it instead), so IKM results and complaint records stay whole. Its place in
 * survey periods without answers and its links to applications go with it. The row is locked first so
 * an answer arriving at the same moment waits instead of slipping past the counts.
 */
export async function deleteService(ctx: ServiceContext, regionCode: string, id: string): Promise<void> {
  await ctx.db
    .transaction(async (tx) => {
      const visible = await findService(tx, regionCode, id, ctx.actor);
      if (!visible) throw new AppError('NOT_FOUND');
      await tx
        .select({ id: services.id })
        .from(services)
        .where(and(eq(services.id, id), eq(services.regionCode, regionCode)))
        .for('update');
      for (const [table, label] of [
        [skmResponses, 'survey answers'],
        [skmTallies, 'survey tallies'],
        [skmFollowUps, 'follow-up plans'],
        [complaints, 'complaints'],
      ] as const) {
        const [used] = await tx.select({ n: count() }).from(table).where(eq(table.serviceId, id));
        if (used && used.n > 0) throw new AppError('SERVICE_IN_USE', { detail: `service has ${used.n} ${label}` });
      }
      await tx.delete(skmPeriodServices).where(eq(skmPeriodServices.serviceId, id));
      await tx.delete(applicationServices).where(eq(applicationServices.serviceId, id));
      await tx.delete(services).where(and(eq(services.id, id), eq(services.regionCode, regionCode)));
      await recordAudit(tx, ctx, {
        action: 'service.deleted',
        entityType: 'service',
        entityId: id,
        regionCode,
        before: serviceSnapshot(visible as ServiceFields),
      });
    })
    .catch((err: unknown) => {
      // A table added later that refers to services, and is not counted above yet, still gets a 409.
      if (isForeignKeyViolation(err))
        throw new AppError('SERVICE_IN_USE', { detail: 'service is referenced by a table deleteService does not count' });
      throw err;
    });
}
