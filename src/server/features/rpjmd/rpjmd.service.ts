/**
 * Use cases of the RPJMD cascade: a region's RPJMD periods and their misi → tujuan → sasaran → program
 * entries, kept by the regional admin (Bapperida). Each write runs in one transaction with its audit
 * entry. A programme code that smart-city programmes or innovations name cannot be renamed or deleted
 * from under them: the links would point at nothing.
 */
import { and, eq, inArray, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  RPJMD_LEVELS,
  type RpjmdLevel,
  type rpjmdDetail,
  type rpjmdEntryInput,
  type rpjmdEntryUpdate,
  type rpjmdPeriodInput,
  type rpjmdPeriodUpdate,
} from '#shared/api/rpjmd.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { uniqueConstraintOf } from '#server/db/errors.ts';
import { rpjmdEntries, rpjmdPeriods } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { buildTree, entriesOf, findEntry, findPeriod, linkCountsOf, listPeriods, type RpjmdEntryRow } from './rpjmd.queries.ts';

type RpjmdDetail = z.infer<typeof rpjmdDetail>;

export const LEVEL_LABEL: Record<RpjmdLevel, string> = { misi: 'Misi', tujuan: 'Tujuan', sasaran: 'Sasaran', program: 'Program' };

/** The level an entry's parent must have; null for a misi, which stands at the top. */
export function parentLevelOf(level: RpjmdLevel): RpjmdLevel | null {
  const i = RPJMD_LEVELS.indexOf(level);
  return i > 0 ? (RPJMD_LEVELS[i - 1] ?? null) : null;
}

function rethrowUnique(err: unknown): never {
  const constraint = uniqueConstraintOf(err);
  if (constraint === 'rpjmd_entries_code_uq') throw fieldError('body.code', 'Kode ini sudah dipakai di RPJMD ini');
  if (constraint === 'rpjmd_periods_region_start_uq') throw fieldError('body.startYear', 'Daerah ini sudah punya RPJMD yang mulai pada tahun itu');
  throw err;
}

export async function rpjmdList(db: DbOrTx, regionCode: string) {
  return { items: await listPeriods(db, regionCode) };
}

export async function rpjmdTree(db: DbOrTx, regionCode: string, id: string): Promise<RpjmdDetail> {
  const period = await findPeriod(db, regionCode, id);
  if (!period) throw new AppError('NOT_FOUND');
  const entries = await entriesOf(db, regionCode, id);
  return {
    id: period.id,
    title: period.title,
    startYear: period.startYear,
    endYear: period.endYear,
    perdaNumber: period.perdaNumber,
    version: period.version,
    entryCount: entries.length,
    programmeCount: entries.filter((e) => e.level === 'program').length,
    tree: buildTree(entries, await linkCountsOf(db, regionCode)),
  };
}

export async function createPeriod(ctx: ServiceContext, regionCode: string, input: z.infer<typeof rpjmdPeriodInput>): Promise<string> {
  return ctx.db
    .transaction(async (tx) => {
      const [created] = await tx
        .insert(rpjmdPeriods)
        .values({ ...input, regionCode, createdAt: ctx.now, updatedAt: ctx.now })
        .returning({ id: rpjmdPeriods.id });
      if (!created) throw new AppError('INTERNAL');
      await recordAudit(tx, ctx, { action: 'rpjmd.created', entityType: 'rpjmd', entityId: created.id, regionCode, after: input });
      return created.id;
    })
    .catch(rethrowUnique);
}

export async function updatePeriod(ctx: ServiceContext, regionCode: string, id: string, input: z.infer<typeof rpjmdPeriodUpdate>) {
  await ctx.db
    .transaction(async (tx) => {
      const current = await findPeriod(tx, regionCode, id);
      if (!current) throw new AppError('NOT_FOUND');
      const { version, ...fields } = input;
      const [updated] = await tx
        .update(rpjmdPeriods)
        .set({ ...fields, version: version + 1, updatedAt: ctx.now })
        .where(and(eq(rpjmdPeriods.id, id), eq(rpjmdPeriods.regionCode, regionCode), eq(rpjmdPeriods.version, version)))
        .returning({ id: rpjmdPeriods.id });
      if (!updated) throw new AppError('STALE_VERSION');
      const { title, startYear, endYear, perdaNumber } = current;
      await recordAudit(tx, ctx, {
        action: 'rpjmd.updated',
        entityType: 'rpjmd',
        entityId: id,
        regionCode,
        before: { title, startYear, endYear, perdaNumber },
        after: fields,
      });
    })
    .catch(rethrowUnique);
}

/** Programme codes among `entries` that a smart-city programme or an innovation names. */
async function linkedCodes(db: DbOrTx, regionCode: string, entries: RpjmdEntryRow[]): Promise<string[]> {
  const links = await linkCountsOf(db, regionCode);
  return entries
    .filter((e) => e.level === 'program' && ((links.programmes.get(e.code) ?? 0) > 0 || (links.innovations.get(e.code) ?? 0) > 0))
    .map((e) => e.code);
}

function refuseLinked(codes: string[]): never {
  throw new AppError('IN_USE', {
    detail: `RPJMD programme codes still linked: ${codes.join(', ')}`,
    issues: [
      {
        field: 'code',
        reason: `Kode program ${codes.slice(0, 5).join(', ')} masih dipakai program kota cerdas atau inovasi; ganti dulu tautannya`,
      },
    ],
  });
}

export async function deletePeriod(ctx: ServiceContext, regionCode: string, id: string) {
  await ctx.db.transaction(async (tx) => {
    const current = await findPeriod(tx, regionCode, id);
    if (!current) throw new AppError('NOT_FOUND');
    const entries = await entriesOf(tx, regionCode, id);
    const linked = await linkedCodes(tx, regionCode, entries);
    if (linked.length > 0) refuseLinked(linked);
    await tx.delete(rpjmdPeriods).where(and(eq(rpjmdPeriods.id, id), eq(rpjmdPeriods.regionCode, regionCode)));
    await recordAudit(tx, ctx, {
      action: 'rpjmd.deleted',
      entityType: 'rpjmd',
      entityId: id,
      regionCode,
      before: { title: current.title, startYear: current.startYear, endYear: current.endYear, entries: entries.length },
    });
  });
}

/** A parent must be an entry of the same RPJMD one level up; a misi has none. */
async function checkParent(tx: DbOrTx, regionCode: string, rpjmdId: string, level: RpjmdLevel, parentId: string | null) {
  const wanted = parentLevelOf(level);
  if (wanted === null) {
    if (parentId !== null) throw fieldError('body.parentId', 'Misi tidak memiliki induk');
    return;
  }
  if (parentId === null) throw fieldError('body.parentId', `${LEVEL_LABEL[level]} wajib punya induk berupa ${LEVEL_LABEL[wanted].toLowerCase()}`);
  const parent = await findEntry(tx, regionCode, rpjmdId, parentId);
  if (!parent) throw fieldError('body.parentId', 'Induk tidak ditemukan di RPJMD ini');
  if (parent.level !== wanted) throw fieldError('body.parentId', `Induk sebuah ${level} harus ${wanted}, bukan ${parent.level}`);
}

export async function createEntry(ctx: ServiceContext, regionCode: string, rpjmdId: string, input: z.infer<typeof rpjmdEntryInput>): Promise<string> {
  return ctx.db
    .transaction(async (tx) => {
      if (!(await findPeriod(tx, regionCode, rpjmdId))) throw new AppError('NOT_FOUND');
      await checkParent(tx, regionCode, rpjmdId, input.level, input.parentId);
      const [last] = await tx
        .select({ p: max(rpjmdEntries.position) })
        .from(rpjmdEntries)
        .where(eq(rpjmdEntries.rpjmdId, rpjmdId));
      const [created] = await tx
        .insert(rpjmdEntries)
        .values({ ...input, regionCode, rpjmdId, position: (last?.p ?? 0) + 1, createdAt: ctx.now, updatedAt: ctx.now })
        .returning({ id: rpjmdEntries.id });
      if (!created) throw new AppError('INTERNAL');
      await recordAudit(tx, ctx, {
        action: 'rpjmd_entry.created',
        entityType: 'rpjmd_entry',
        entityId: created.id,
        regionCode,
        after: { ...input, rpjmdId },
      });
      return created.id;
    })
    .catch(rethrowUnique);
}

export async function updateEntry(ctx: ServiceContext, regionCode: string, rpjmdId: string, id: string, input: z.infer<typeof rpjmdEntryUpdate>) {
  await ctx.db
    .transaction(async (tx) => {
      const current = await findEntry(tx, regionCode, rpjmdId, id);
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== input.version) throw new AppError('STALE_VERSION');
      if (current.code !== input.code) {
        const linked = await linkedCodes(tx, regionCode, [current]);
        if (linked.length > 0)
          throw fieldError('body.code', 'Kode program ini masih dipakai program kota cerdas atau inovasi; kodenya tidak dapat diubah');
      }
      await tx
        .update(rpjmdEntries)
        .set({ code: input.code, name: input.name, version: sql`${rpjmdEntries.version} + 1`, updatedAt: ctx.now })
        .where(and(eq(rpjmdEntries.id, id), eq(rpjmdEntries.regionCode, regionCode)));
      await recordAudit(tx, ctx, {
        action: 'rpjmd_entry.updated',
        entityType: 'rpjmd_entry',
        entityId: id,
        regionCode,
        before: { code: current.code, name: current.name },
        after: { code: input.code, name: input.name },
      });
    })
    .catch(rethrowUnique);
}

/** Deletes an entry with everything under it (a misi takes its tujuan, sasaran and programmes along). */
export async function deleteEntry(ctx: ServiceContext, regionCode: string, rpjmdId: string, id: string) {
  await ctx.db.transaction(async (tx) => {
    const current = await findEntry(tx, regionCode, rpjmdId, id);
    if (!current) throw new AppError('NOT_FOUND');
    const all = await entriesOf(tx, regionCode, rpjmdId);
    const subtree = new Set([id]);
    // Levels only go down, so three passes reach from a misi to its programmes.
    for (let pass = 0; pass < RPJMD_LEVELS.length; pass++) {
      for (const e of all) if (e.parentId && subtree.has(e.parentId)) subtree.add(e.id);
    }
    const removed = all.filter((e) => subtree.has(e.id));
    const linked = await linkedCodes(tx, regionCode, removed);
    if (linked.length > 0) refuseLinked(linked);
    await tx.delete(rpjmdEntries).where(and(eq(rpjmdEntries.regionCode, regionCode), inArray(rpjmdEntries.id, [...subtree])));
    await recordAudit(tx, ctx, {
      action: 'rpjmd_entry.deleted',
      entityType: 'rpjmd_entry',
      entityId: id,
      regionCode,
      before: { level: current.level, code: current.code, name: current.name, withDescendants: removed.length - 1 },
    });
  });
}
