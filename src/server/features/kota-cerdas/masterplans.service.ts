/**
 * Use cases of a region's smart-city masterplan: create one (with the national guide's six dimensions
 * and their elements), edit its header (guarded by `version`; one masterplan of a region is active),
 * rename or extend its dimensions and elements, attach the Perkada document, and read it whole with
 * its programmes, progress and funding table.
 */
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import { can } from '#domain/access/roles.ts';
import { DEFAULT_DIMENSIONS } from '#domain/kota-cerdas/dimensions.ts';
import { PROGRESS_RULE } from '#domain/kota-cerdas/progress.ts';
import type { MasterplanDetail } from '#shared/api/kota-cerdas.ts';
import type { DbOrTx, Db } from '#server/db/client.ts';
import { smartcityDimensions, smartcityElements, smartcityMasterplans, smartcityProgrammes } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import {
  type AttachmentRow,
  attachFile,
  detachAttachment,
  type FileUpload,
  listAttachments,
  openAttachment,
  type ReleaseResult,
  releaseBlob,
} from '#server/platform/attachments/attachments.ts';
import { recordAudit } from '#server/platform/audit.ts';
import {
  findMasterplan,
  fundingTableOf,
  presentProgrammeSummary,
  programmesOfMasterplan,
  progressFactsOf,
  structureOf,
} from './kota-cerdas.queries.ts';

export interface MasterplanFields {
  title: string;
  startYear: number;
  endYear: number;
  rpjmdPeriod: string | null;
  perkadaNumber: string | null;
  perkadaDate: string | null;
  vision: string;
  isActive: boolean;
}

export interface DimensionFields {
  id?: string | null | undefined;
  code: string;
  name: string;
  baselineText: string;
  baselineFigure: string | null;
  baselineUnit: string | null;
  elements: { id?: string | null | undefined; code: string; name: string }[];
}

const ENTITY = 'smartcity_masterplan';

/** Only one masterplan of a region is active: activating one retires the others. */
async function retireOthers(tx: DbOrTx, regionCode: string, keepId: string | null, now: Date): Promise<void> {
  await tx
    .update(smartcityMasterplans)
    .set({ isActive: false, updatedAt: now })
    .where(
      and(
        eq(smartcityMasterplans.regionCode, regionCode),
        eq(smartcityMasterplans.isActive, true),
        keepId ? ne(smartcityMasterplans.id, keepId) : undefined,
      ),
    );
}

export async function insertDimensions(tx: DbOrTx, regionCode: string, masterplanId: string, dimensions: readonly DimensionFields[]) {
  for (const [i, d] of dimensions.entries()) {
    const [dim] = await tx
      .insert(smartcityDimensions)
      .values({
        regionCode,
        masterplanId,
        code: d.code,
        name: d.name,
        position: i + 1,
        baselineText: d.baselineText,
        baselineFigure: d.baselineFigure,
        baselineUnit: d.baselineUnit,
      })
      .returning({ id: smartcityDimensions.id });
    if (!dim) throw new AppError('INTERNAL');
    if (d.elements.length > 0)
      await tx
        .insert(smartcityElements)
        .values(d.elements.map((e, j) => ({ regionCode, dimensionId: dim.id, code: e.code, name: e.name, position: j + 1 })));
  }
}

const defaultDimensions = (): DimensionFields[] =>
  DEFAULT_DIMENSIONS.map((d) => ({ code: d.code, name: d.name, baselineText: '', baselineFigure: null, baselineUnit: null, elements: d.elements }));

export async function createMasterplan(ctx: ServiceContext, regionCode: string, input: MasterplanFields): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    if (input.isActive) await retireOthers(tx, regionCode, null, ctx.now);
    const [created] = await tx
      .insert(smartcityMasterplans)
      .values({ ...input, regionCode, createdAt: ctx.now, updatedAt: ctx.now })
      .returning({ id: smartcityMasterplans.id });
    if (!created) throw new AppError('INTERNAL');
    await insertDimensions(tx, regionCode, created.id, defaultDimensions());
    await recordAudit(tx, ctx, { action: 'smartcity_masterplan.created', entityType: ENTITY, entityId: created.id, regionCode, after: input });
    return created.id;
  });
}

export async function updateMasterplan(ctx: ServiceContext, regionCode: string, id: string, input: MasterplanFields & { version: number }) {
  const { version, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    const current = await findMasterplan(tx, regionCode, id);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== version) throw new AppError('STALE_VERSION');
    // Programmes already planned must still fit the plan's years.
    const programmes = await tx
      .select({ startYear: smartcityProgrammes.startYear, endYear: smartcityProgrammes.endYear })
      .from(smartcityProgrammes)
      .where(eq(smartcityProgrammes.masterplanId, id));
    if (programmes.some((p) => p.startYear < fields.startYear || p.endYear > fields.endYear)) {
      throw fieldError('body.startYear', 'Ada program yang berjalan di luar rentang tahun ini; ubah programnya terlebih dahulu');
    }
    if (fields.isActive) await retireOthers(tx, regionCode, id, ctx.now);
    const [updated] = await tx
      .update(smartcityMasterplans)
      .set({ ...fields, version: version + 1, updatedAt: ctx.now })
      .where(and(eq(smartcityMasterplans.regionCode, regionCode), eq(smartcityMasterplans.id, id), eq(smartcityMasterplans.version, version)))
      .returning({ id: smartcityMasterplans.id });
    if (!updated) throw new AppError('STALE_VERSION');
    const { id: _id, regionCode: _r, version: _v, createdAt: _c, updatedAt: _u, ...before } = current;
    await recordAudit(tx, ctx, { action: 'smartcity_masterplan.updated', entityType: ENTITY, entityId: id, regionCode, before, after: fields });
  });
}

/**
 * Renames, reorders and extends the dimensions and elements. An entry with an id keeps its programmes;
 * one without is new; a dimension or element left out is removed, unless a programme is filed under it.
 */
export async function replaceDimensions(ctx: ServiceContext, regionCode: string, id: string, dimensions: DimensionFields[]) {
  const dimCodes = new Set<string>();
  dimensions.forEach((d, i) => {
    if (dimCodes.has(d.code)) throw fieldError(`body.dimensions.${i}.code`, `Kode dimensi "${d.code}" dipakai dua kali`);
    dimCodes.add(d.code);
    const elCodes = new Set<string>();
    d.elements.forEach((e, j) => {
      if (elCodes.has(e.code))
        throw fieldError(`body.dimensions.${i}.elements.${j}.code`, `Kode elemen "${e.code}" dipakai dua kali dalam dimensi ini`);
      elCodes.add(e.code);
    });
  });
  await ctx.db.transaction(async (tx) => {
    const [plan] = await tx
      .select({ id: smartcityMasterplans.id })
      .from(smartcityMasterplans)
      .where(and(eq(smartcityMasterplans.regionCode, regionCode), eq(smartcityMasterplans.id, id)))
      .for('update');
    if (!plan) throw new AppError('NOT_FOUND');
    const before = await structureOf(tx, regionCode, id);
    const knownDims = new Map(before.map((d) => [d.id, d]));
    const knownEls = new Map(before.flatMap((d) => d.elements.map((e) => [e.id, d.id] as const)));
    const keptDims = new Set<string>();
    const keptEls = new Set<string>();
    dimensions.forEach((d, i) => {
      if (d.id && !knownDims.has(d.id)) throw fieldError(`body.dimensions.${i}.id`, 'Dimensi ini bukan bagian masterplan ini');
      if (d.id) keptDims.add(d.id);
      d.elements.forEach((e, j) => {
        if (e.id && knownEls.get(e.id) !== d.id) throw fieldError(`body.dimensions.${i}.elements.${j}.id`, 'Elemen ini bukan bagian dimensi ini');
        if (e.id) keptEls.add(e.id);
      });
    });
    const droppedEls = [...knownEls.keys()].filter((e) => !keptEls.has(e));
    if (droppedEls.length > 0) {
      const [used] = await tx.select({ n: count() }).from(smartcityProgrammes).where(inArray(smartcityProgrammes.elementId, droppedEls));
      if (used && used.n > 0) throw new AppError('IN_USE', { detail: `${used.n} programmes are filed under an element left out` });
      await tx.delete(smartcityElements).where(inArray(smartcityElements.id, droppedEls));
    }
    const droppedDims = [...knownDims.keys()].filter((d) => !keptDims.has(d));
    if (droppedDims.length > 0) await tx.delete(smartcityDimensions).where(inArray(smartcityDimensions.id, droppedDims));
    // Codes are unique per masterplan and dimension: park the kept rows' codes first so a swap of two codes is possible.
    for (const d of before) {
      await tx
        .update(smartcityDimensions)
        .set({ code: `~${d.id}` })
        .where(eq(smartcityDimensions.id, d.id));
      for (const e of d.elements)
        await tx
          .update(smartcityElements)
          .set({ code: `~${e.id}` })
          .where(eq(smartcityElements.id, e.id));
    }
    for (const [i, d] of dimensions.entries()) {
      let dimId = d.id ?? null;
      const values = {
        code: d.code,
        name: d.name,
        position: i + 1,
        baselineText: d.baselineText,
        baselineFigure: d.baselineFigure,
        baselineUnit: d.baselineUnit,
      };
      if (dimId) await tx.update(smartcityDimensions).set(values).where(eq(smartcityDimensions.id, dimId));
      else {
        const [created] = await tx
          .insert(smartcityDimensions)
          .values({ ...values, regionCode, masterplanId: id })
          .returning({ id: smartcityDimensions.id });
        dimId = created?.id ?? null;
      }
      if (!dimId) throw new AppError('INTERNAL');
      for (const [j, e] of d.elements.entries()) {
        if (e.id)
          await tx
            .update(smartcityElements)
            .set({ code: e.code, name: e.name, position: j + 1 })
            .where(eq(smartcityElements.id, e.id));
        else await tx.insert(smartcityElements).values({ regionCode, dimensionId: dimId, code: e.code, name: e.name, position: j + 1 });
      }
    }
    await tx.update(smartcityMasterplans).set({ updatedAt: ctx.now }).where(eq(smartcityMasterplans.id, id));
    await recordAudit(tx, ctx, {
      action: 'smartcity_masterplan.structure_changed',
      entityType: ENTITY,
      entityId: id,
      regionCode,
      before: before.map((d) => ({ code: d.code, name: d.name, elements: d.elements.map((e) => `${e.code}: ${e.name}`) })),
      after: dimensions.map((d) => ({ code: d.code, name: d.name, elements: d.elements.map((e) => `${e.code}: ${e.name}`) })),
    });
  });
}

export function presentDocument(row: AttachmentRow) {
  return {
    id: row.id,
    title: row.title,
    fileName: row.fileName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function masterplanDetail(ctx: ServiceContext, regionCode: string, id: string): Promise<MasterplanDetail> {
  const db = ctx.db;
  const plan = await findMasterplan(db, regionCode, id);
  if (!plan) throw new AppError('NOT_FOUND');
  const [dimensions, programmes, documents] = await Promise.all([
    structureOf(db, regionCode, id),
    programmesOfMasterplan(db, regionCode, id),
    listAttachments(db, regionCode, 'smartcity_masterplan', [id]),
  ]);
  const ids = programmes.map((p) => p.id);
  const [facts, funding] = await Promise.all([progressFactsOf(db, regionCode, ids), fundingTableOf(db, ids)]);
  return {
    id: plan.id,
    regionCode: plan.regionCode,
    title: plan.title,
    startYear: plan.startYear,
    endYear: plan.endYear,
    rpjmdPeriod: plan.rpjmdPeriod,
    perkadaNumber: plan.perkadaNumber,
    perkadaDate: plan.perkadaDate,
    vision: plan.vision,
    isActive: plan.isActive,
    version: plan.version,
    dimensions: dimensions.map(({ position: _p, ...d }) => d),
    documents: documents.map(presentDocument),
    programmes: programmes.map((p) => presentProgrammeSummary(p, facts, ctx.actor)),
    funding,
    progressRule: PROGRESS_RULE,
    abilities: { canManage: can(ctx.actor, 'smartcity.manage', regionCode), canReport: can(ctx.actor, 'smartcity.report', regionCode) },
  };
}

// ---- the Perkada document ------------------------------------------------------------------------

const documentOwner = (regionCode: string, id: string) => ({ regionCode, ownerType: 'smartcity_masterplan' as const, ownerId: id });

async function lockMasterplan(tx: DbOrTx, regionCode: string, id: string): Promise<void> {
  const [row] = await tx
    .select({ id: smartcityMasterplans.id })
    .from(smartcityMasterplans)
    .where(and(eq(smartcityMasterplans.regionCode, regionCode), eq(smartcityMasterplans.id, id)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND');
}

export async function addMasterplanDocument(
  ctx: ServiceContext,
  storage: BlobStorage,
  limits: { maxUploadBytes: number },
  regionCode: string,
  id: string,
  upload: FileUpload,
) {
  const row = await ctx.db.transaction(async (tx) => {
    await lockMasterplan(tx, regionCode, id);
    return attachFile(tx, ctx, storage, { ...documentOwner(regionCode, id), slot: 'perkada' }, upload, limits, {
      action: 'smartcity_masterplan.document_added',
      entityType: 'smartcity_masterplan_document',
      extra: { masterplanId: id },
    });
  });
  return presentDocument(row);
}

export async function openMasterplanDocument(
  db: Db,
  storage: BlobStorage,
  regionCode: string,
  id: string,
  attachmentId: string,
): Promise<{ row: AttachmentRow & { mimeType: string; storageKey: string }; stream: Readable }> {
  if (!(await findMasterplan(db, regionCode, id))) throw new AppError('NOT_FOUND');
  return openAttachment(db, storage, documentOwner(regionCode, id), attachmentId);
}

export async function removeMasterplanDocument(
  ctx: ServiceContext,
  storage: BlobStorage,
  regionCode: string,
  id: string,
  attachmentId: string,
): Promise<ReleaseResult> {
  const removed = await ctx.db.transaction(async (tx) => {
    await lockMasterplan(tx, regionCode, id);
    return detachAttachment(tx, ctx, documentOwner(regionCode, id), attachmentId, {
      action: 'smartcity_masterplan.document_removed',
      entityType: 'smartcity_masterplan_document',
      extra: { masterplanId: id },
    });
  });
  return releaseBlob(ctx.db, storage, removed.storageKey);
}
