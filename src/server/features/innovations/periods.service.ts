/** Reporting periods (a year, its window and its targets) of a region. */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Period } from '#shared/api/innovations.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { uniqueConstraintOf } from '#server/db/errors.ts';
import { innovations, periods } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { loadFrameworkVersion } from '#server/platform/frameworks/registry.ts';
import { COUNTED_STATUSES } from './innovation-reports.service.ts';

export interface PeriodFields {
  year: number;
  opensOn: string;
  closesOn: string;
  targetTotal: number;
  minPerUnit: number;
  countsSubUnits: boolean;
  refuseOutsideWindow: boolean;
  iidFrameworkVersionId: string | null;
}

const periodColumns = {
  id: periods.id,
  regionCode: periods.regionCode,
  year: periods.year,
  opensOn: periods.opensOn,
  closesOn: periods.closesOn,
  targetTotal: periods.targetTotal,
  minPerUnit: periods.minPerUnit,
  countsSubUnits: periods.countsSubUnits,
  refuseOutsideWindow: periods.refuseOutsideWindow,
  iidFrameworkVersionId: periods.iidFrameworkVersionId,
  version: periods.version,
  // Qualified by hand: in a single-table select Drizzle prints the column bare, which the subquery would read as i.id.
  innovationCount: sql<number>`(select count(*)::int from ${innovations} i where i.period_id = "periods"."id")`,
  // What the target dashboard counts as proposed, so the period list and the dashboard's headline agree.
  proposedCount: sql<number>`(select count(*)::int from ${innovations} i where i.period_id = "periods"."id" and i.status in (${sql.join(
    COUNTED_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  )}))`,
};

export async function listPeriods(db: DbOrTx, regionCode: string): Promise<Period[]> {
  return db.select(periodColumns).from(periods).where(eq(periods.regionCode, regionCode)).orderBy(desc(periods.year));
}

export async function findPeriod(db: DbOrTx, regionCode: string, id: string): Promise<Period | undefined> {
  const [row] = await db
    .select(periodColumns)
    .from(periods)
    .where(and(eq(periods.regionCode, regionCode), eq(periods.id, id)));
  return row;
}

export async function latestPeriod(db: DbOrTx, regionCode: string): Promise<Period | undefined> {
  const [row] = await db
    .select(periodColumns)
    .from(periods)
    .where(eq(periods.regionCode, regionCode))
    .orderBy(desc(periods.year), asc(periods.id))
    .limit(1);
  return row;
}

/** A chosen IID framework must be an IID version the region may use (shipped, national, or its own). */
async function checkIidFramework(tx: DbOrTx, regionCode: string, versionId: string | null): Promise<void> {
  if (versionId === null) return;
  const found = await loadFrameworkVersion(tx, regionCode, versionId);
  if (found?.framework.inputKind !== 'innovations') {
    throw fieldError('body.iidFrameworkVersionId', 'Kerangka IID ini tidak tersedia untuk daerah ini; pilih dari daftar');
  }
}

function rethrowUnique(err: unknown): never {
  if (uniqueConstraintOf(err) === 'periods_region_year_uq') throw fieldError('body.year', 'Periode untuk tahun ini sudah ada');
  throw err;
}

export async function createPeriod(ctx: ServiceContext, regionCode: string, input: PeriodFields): Promise<string> {
  return ctx.db
    .transaction(async (tx) => {
      await checkIidFramework(tx, regionCode, input.iidFrameworkVersionId);
      const [created] = await tx
        .insert(periods)
        .values({ ...input, regionCode })
        .returning({ id: periods.id });
      if (!created) throw new AppError('INTERNAL');
      await recordAudit(tx, ctx, { action: 'period.created', entityType: 'period', entityId: created.id, regionCode, after: input });
      return created.id;
    })
    .catch(rethrowUnique);
}

export async function updatePeriod(ctx: ServiceContext, regionCode: string, id: string, input: PeriodFields & { version: number }) {
  await ctx.db
    .transaction(async (tx) => {
      const current = await findPeriod(tx, regionCode, id);
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== input.version) throw new AppError('STALE_VERSION');
      await checkIidFramework(tx, regionCode, input.iidFrameworkVersionId);
      if (current.innovationCount > 0 && current.year !== input.year) {
        throw fieldError('body.year', 'Tahun tidak dapat diubah setelah periode memiliki inovasi');
      }
      const { version, ...fields } = input;
      const [updated] = await tx
        .update(periods)
        .set({ ...fields, version: version + 1, updatedAt: ctx.now })
        .where(and(eq(periods.id, id), eq(periods.regionCode, regionCode), eq(periods.version, version)))
        .returning({ id: periods.id });
      if (!updated) throw new AppError('STALE_VERSION');
      await recordAudit(tx, ctx, {
        action: 'period.updated',
        entityType: 'period',
        entityId: id,
        regionCode,
        before: { ...current, innovationCount: undefined, proposedCount: undefined },
        after: fields,
      });
    })
    .catch(rethrowUnique);
}
