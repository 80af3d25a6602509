/**
 * Use cases of the application inventory: add, edit (guarded by `version`) and delete the region's
 * applications and the services each serves. Operators keep their own unit's applications only; an
 * application may serve any service of the region (a city website serves every unit's).
 */
import { and, eq } from 'drizzle-orm';
import type { application } from '#shared/api/services.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { uniqueConstraintOf } from '#server/db/errors.ts';
import { applicationServices, applications } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import type { z } from 'zod';
import { type ApplicationRow, findApplication, servicesAmong } from './services.queries.ts';
import { checkServiceUnit } from './services.service.ts';

type Application = z.infer<typeof application>;

export interface ApplicationFields {
  name: string;
  unitId: string;
  description: string;
  kind: Application['kind'];
  hosting: Application['hosting'];
  status: Application['status'];
  url: string | null;
  serviceIds: string[];
}

export function presentApplication(row: ApplicationRow): Application {
  return {
    id: row.id,
    regionCode: row.regionCode,
    unitId: row.unitId,
    unitName: row.unitName,
    name: row.name,
    description: row.description,
    kind: row.kind as Application['kind'],
    hosting: row.hosting as Application['hosting'],
    status: row.status as Application['status'],
    url: row.url,
    services: row.services ?? [],
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function snapshot(a: ApplicationFields) {
  return {
    name: a.name,
    unitId: a.unitId,
    description: a.description,
    kind: a.kind,
    hosting: a.hosting,
    status: a.status,
    url: a.url,
    serviceIds: [...a.serviceIds].sort(),
  };
}

export function rethrowApplicationUnique(err: unknown): never {
  if (uniqueConstraintOf(err) === 'applications_region_name_uq') throw fieldError('body.name', 'Nama aplikasi sudah dipakai di daerah ini');
  throw err;
}

/** The linked services, each once; every one must be a service of this region. */
async function checkServices(db: DbOrTx, regionCode: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = new Set((await servicesAmong(db, regionCode, unique)).map((s) => s.id));
  const missing = unique.findIndex((id) => !found.has(id));
  if (missing >= 0) throw fieldError(`body.serviceIds.${ids.indexOf(unique[missing] ?? '')}`, 'Layanan tidak ditemukan di daerah ini');
  return unique;
}

export async function linkServices(db: DbOrTx, applicationId: string, serviceIds: string[]): Promise<void> {
  await db.delete(applicationServices).where(eq(applicationServices.applicationId, applicationId));
  if (serviceIds.length > 0) await db.insert(applicationServices).values(serviceIds.map((serviceId) => ({ applicationId, serviceId })));
}

export async function createApplication(ctx: ServiceContext, regionCode: string, input: ApplicationFields): Promise<string> {
  return ctx.db
    .transaction(async (tx) => {
      await checkServiceUnit(ctx, tx, regionCode, input.unitId);
      const serviceIds = await checkServices(tx, regionCode, input.serviceIds);
      const { serviceIds: _s, ...columns } = input;
      const [created] = await tx
        .insert(applications)
        .values({ ...columns, regionCode, createdAt: ctx.now, updatedAt: ctx.now })
        .returning({ id: applications.id });
      if (!created) throw new AppError('INTERNAL');
      await linkServices(tx, created.id, serviceIds);
      await recordAudit(tx, ctx, {
        action: 'application.created',
        entityType: 'application',
        entityId: created.id,
        regionCode,
        after: snapshot({ ...input, serviceIds }),
      });
      return created.id;
    })
    .catch(rethrowApplicationUnique);
}

export async function updateApplication(
  ctx: ServiceContext,
  regionCode: string,
  id: string,
  input: ApplicationFields & { version: number },
): Promise<void> {
  const { version, ...fields } = input;
  await ctx.db
    .transaction(async (tx) => {
      const current = await findApplication(tx, regionCode, id, ctx.actor);
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== version) throw new AppError('STALE_VERSION');
      if (fields.unitId !== current.unitId) await checkServiceUnit(ctx, tx, regionCode, fields.unitId);
      const serviceIds = await checkServices(tx, regionCode, fields.serviceIds);
      const { serviceIds: _s, ...columns } = fields;
      const [updated] = await tx
        .update(applications)
        .set({ ...columns, version: version + 1, updatedAt: ctx.now })
        .where(and(eq(applications.id, id), eq(applications.regionCode, regionCode), eq(applications.version, version)))
        .returning({ id: applications.id });
      if (!updated) throw new AppError('STALE_VERSION');
      await linkServices(tx, id, serviceIds);
      await recordAudit(tx, ctx, {
        action: 'application.updated',
        entityType: 'application',
        entityId: id,
        regionCode,
        before: snapshot({ ...(current as unknown as ApplicationFields), serviceIds: current.services.map((s) => s.id) }),
        after: snapshot({ ...fields, serviceIds }),
      });
    })
    .catch(rethrowApplicationUnique);
}

export async function deleteApplication(ctx: ServiceContext, regionCode: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const current = await findApplication(tx, regionCode, id, ctx.actor);
    if (!current) throw new AppError('NOT_FOUND');
    await tx.delete(applicationServices).where(eq(applicationServices.applicationId, id));
    await tx.delete(applications).where(and(eq(applications.id, id), eq(applications.regionCode, regionCode)));
    await recordAudit(tx, ctx, {
      action: 'application.deleted',
      entityType: 'application',
      entityId: id,
      regionCode,
      before: snapshot({ ...(current as unknown as ApplicationFields), serviceIds: current.services.map((s) => s.id) }),
    });
  });
}
