/**
 * Attaches a document a feature produces to the index indicators that ask for it, in one click: the SKM
 * report of a period (IID 34, Pemdi 19–20), the complaint statistics (IID 29, SPBE 42, Pemdi 19), an
 * event's attendance list (IID 20 bimtek, 25 sosialisasi; the smart-city evaluation's outcome).
 * The document is made now, as the download would be, and attached under the owning record's own
 * rule (platform/evidence-owners.ts): an assessment item only in penilaian mandiri, an innovation only
 * while its evidence may change (a verified one goes back for review, as any evidence change does).
 */
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { listIndicators } from '#domain/assessments/indicators.ts';
import { iidStructure } from '#domain/iid/structure.ts';
import { isAssessmentStage, isFillOpen } from '#domain/assessments/stages.ts';
import { type InnovationStatus, statusAfterEdit } from '#domain/innovations/workflow.ts';
import { type IndexEvidenceSource, indicatorsFor } from '#domain/services/index-evidence.ts';

export type { IndexEvidenceSource };
import type { IndexEvidenceTargets } from '#shared/api/index-evidence.ts';
import type { Db, DbOrTx } from '#server/db/client.ts';
import { assessmentItems, assessments, attachments, innovations, periods, units } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import { attachFile, attachLink, type AttachmentAudit, type AttachmentRow, type AttachmentOwner } from '#server/platform/attachments/attachments.ts';
import { beginAssessmentItemFill, beginInnovationEvidenceChange } from '#server/platform/evidence-owners.ts';
import { iidFrameworkOfPeriod, loadFrameworkVersion } from '#server/platform/frameworks/registry.ts';

export type IndexEvidenceTarget =
  | { kind: 'assessment_item'; assessmentId: string; itemId: string }
  | { kind: 'innovation'; innovationId: string; indicatorId: string };

export interface IndexDocument {
  fileName: string;
  title: string;
  data: Buffer;
  /** A link attached beside the file (an event's page, where the verifier sees its participants and notulen). */
  link?: { title: string; url: string };
}

const sidSlot = (indicatorId: string) => `sid.${indicatorId}`;

async function indicatorNames(db: DbOrTx, regionCode: string, versionId: string) {
  const loaded = await loadFrameworkVersion(db, regionCode, versionId);
  if (!loaded) return { name: '', names: new Map<string, string>() };
  return { name: loaded.framework.name, names: new Map(listIndicators(loaded.framework).map((i) => [i.id, i.name])) };
}

/**
 * Where a document of `source` can go in the region: the matching items of its SPBE/Pemdi assessments
 * (newest first) and the innovations of its latest innovation period, with the IID indicator that asks.
 */
export async function indexEvidenceTargets(db: Db, regionCode: string, source: IndexEvidenceSource, title: string): Promise<IndexEvidenceTargets> {
  const assessmentRows = await db
    .select({
      id: assessments.id,
      frameworkId: assessments.frameworkId,
      frameworkVersionId: assessments.frameworkVersionId,
      year: assessments.year,
      stage: assessments.stage,
    })
    .from(assessments)
    .where(eq(assessments.regionCode, regionCode))
    .orderBy(desc(assessments.year));
  const items: IndexEvidenceTargets['assessmentItems'] = [];
  for (const a of assessmentRows) {
    const wanted = indicatorsFor(source, a.frameworkId);
    if (wanted.length === 0) continue;
    const { name, names } = await indicatorNames(db, regionCode, a.frameworkVersionId);
    const rows = await db
      .select({ id: assessmentItems.id, indicatorId: assessmentItems.indicatorId, unitName: units.name })
      .from(assessmentItems)
      .leftJoin(units, eq(units.id, assessmentItems.unitId))
      .where(and(eq(assessmentItems.assessmentId, a.id), inArray(assessmentItems.indicatorId, [...wanted])));
    const attached = await attachedOwners(
      db,
      regionCode,
      'assessment_item',
      rows.map((r) => r.id),
      title,
    );
    for (const r of rows) {
      items.push({
        assessmentId: a.id,
        itemId: r.id,
        frameworkId: a.frameworkId,
        frameworkName: name,
        year: a.year,
        indicatorId: r.indicatorId,
        indicatorName: names.get(r.indicatorId) ?? r.indicatorId,
        unitName: r.unitName,
        open: isAssessmentStage(a.stage) && isFillOpen(a.stage),
        attached: attached.has(r.id),
      });
    }
  }

  const [period] = await db
    .select({ id: periods.id, year: periods.year, iidFrameworkVersionId: periods.iidFrameworkVersionId })
    .from(periods)
    .where(eq(periods.regionCode, regionCode))
    .orderBy(desc(periods.year))
    .limit(1);
  const innovationTargets: IndexEvidenceTargets['innovations'] = [];
  if (period) {
    const chosen = await iidFrameworkOfPeriod(db, regionCode, period);
    const framework = chosen.framework;
    const wanted = framework ? indicatorsFor(source, framework.id) : [];
    // An innovation's indicators are the IID's SID part (its leaves are not listed like an assessment's).
    const names = new Map(framework ? iidStructure(framework).sid.map((i) => [i.id, i.name]) : []);
    if (wanted.length > 0) {
      const rows = await db
        .select({ id: innovations.id, name: innovations.name, status: innovations.status, unitName: units.name })
        .from(innovations)
        .innerJoin(units, eq(units.id, innovations.unitId))
        .where(and(eq(innovations.regionCode, regionCode), eq(innovations.periodId, period.id), ne(innovations.status, 'ditolak')))
        .orderBy(innovations.name);
      for (const indicatorId of wanted) {
        const attached = await attachedOwners(
          db,
          regionCode,
          'innovation',
          rows.map((r) => r.id),
          title,
          sidSlot(indicatorId),
        );
        for (const r of rows) {
          innovationTargets.push({
            innovationId: r.id,
            name: r.name,
            unitName: r.unitName,
            status: r.status,
            year: period.year,
            indicatorId,
            indicatorName: names.get(indicatorId) ?? indicatorId,
            open: statusAfterEdit(r.status as InnovationStatus) !== null,
            attached: attached.has(r.id),
          });
        }
      }
    }
  }
  return { assessmentItems: items, innovations: innovationTargets };
}

/** Owners among `ownerIds` that already carry a document of this title (attached before). */
async function attachedOwners(
  db: DbOrTx,
  regionCode: string,
  ownerType: 'assessment_item' | 'innovation',
  ownerIds: string[],
  title: string,
  slot?: string,
) {
  if (ownerIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ ownerId: attachments.ownerId })
    .from(attachments)
    .where(
      and(
        eq(attachments.regionCode, regionCode),
        eq(attachments.ownerType, ownerType),
        inArray(attachments.ownerId, ownerIds),
        eq(attachments.title, title),
        slot === undefined ? undefined : eq(attachments.slot, slot),
      ),
    );
  return new Set(rows.map((r) => r.ownerId));
}

/**
 * The report is made anew each time (its print date differs), so "already attached" is the same title
 * in the same place: the region removes the old one first to attach a newer one.
 */
async function refuseSecondCopy(
  tx: DbOrTx,
  regionCode: string,
  ownerType: 'assessment_item' | 'innovation',
  ownerId: string,
  slot: string,
  title: string,
) {
  const [found] = await tx
    .select({ id: attachments.id })
    .from(attachments)
    .where(
      and(
        eq(attachments.regionCode, regionCode),
        eq(attachments.ownerType, ownerType),
        eq(attachments.ownerId, ownerId),
        eq(attachments.slot, slot),
        eq(attachments.title, title),
      ),
    )
    .limit(1);
  if (found) {
    throw new AppError('ATTACHMENT_DUPLICATE', {
      issues: [
        { field: 'body.target', reason: `"${title}" sudah dilampirkan di indikator ini; hapus yang lama dulu untuk melampirkan versi terbaru` },
      ],
    });
  }
}

/** The file, and its link when the document has one, in the same slot and transaction. */
async function attachDocument(
  tx: DbOrTx,
  ctx: ServiceContext,
  storage: BlobStorage,
  target: AttachmentOwner & { slot: string },
  document: IndexDocument,
  limits: { maxUploadBytes: number },
  audit: AttachmentAudit,
): Promise<AttachmentRow> {
  const row = await attachFile(tx, ctx, storage, target, document, limits, audit);
  if (document.link) {
    const [same] = await tx
      .select({ id: attachments.id })
      .from(attachments)
      .where(
        and(
          eq(attachments.regionCode, target.regionCode),
          eq(attachments.ownerType, target.ownerType),
          eq(attachments.ownerId, target.ownerId),
          eq(attachments.slot, target.slot),
          eq(attachments.url, document.link.url),
        ),
      )
      .limit(1);
    if (!same) await attachLink(tx, ctx, target, document.link, audit);
  }
  return row;
}

/** Attaches the document to one target, under that record's rule, in one transaction. */
export async function attachIndexDocument(
  ctx: ServiceContext,
  storage: BlobStorage,
  limits: { maxUploadBytes: number },
  regionCode: string,
  source: IndexEvidenceSource,
  target: IndexEvidenceTarget,
  document: IndexDocument,
): Promise<AttachmentRow> {
  return ctx.db.transaction(async (tx) => {
    if (target.kind === 'assessment_item') {
      const { assessment, item } = await beginAssessmentItemFill(ctx, tx, { regionCode, assessmentId: target.assessmentId, itemId: target.itemId });
      if (!indicatorsFor(source, assessment.frameworkId).includes(item.indicatorId)) {
        throw fieldError('body.target', `Indikator ${item.indicatorId} ${assessment.frameworkId} tidak meminta dokumen ini sebagai bukti dukung`);
      }
      await refuseSecondCopy(tx, regionCode, 'assessment_item', item.id, 'umum', document.title);
      return attachDocument(tx, ctx, storage, { regionCode, ownerType: 'assessment_item', ownerId: item.id, slot: 'umum' }, document, limits, {
        action: 'assessment_evidence.added',
        entityType: 'assessment_evidence',
        extra: { assessmentId: assessment.id, itemId: item.id, indicatorId: item.indicatorId, source },
      });
    }
    const [row] = await tx
      .select({ periodYear: periods.year, iidFrameworkVersionId: periods.iidFrameworkVersionId })
      .from(innovations)
      .innerJoin(periods, eq(periods.id, innovations.periodId))
      .where(and(eq(innovations.regionCode, regionCode), eq(innovations.id, target.innovationId)));
    const chosen = row
      ? await iidFrameworkOfPeriod(tx, regionCode, { year: row.periodYear, iidFrameworkVersionId: row.iidFrameworkVersionId })
      : undefined;
    const frameworkId = chosen?.framework.id;
    if (row && (frameworkId === undefined || !indicatorsFor(source, frameworkId).includes(target.indicatorId))) {
      throw fieldError('body.target.indicatorId', `Indikator IID ${target.indicatorId} tidak meminta dokumen ini sebagai bukti dukung`);
    }
    // A missing or foreign innovation is refused here (404), with the same answer as its own pages give.
    const slot = sidSlot(target.indicatorId);
    // With its slot, so the indicator's verified answer goes back to pending as for any evidence change.
    const change = await beginInnovationEvidenceChange(
      ctx,
      tx,
      { regionCode, innovationId: target.innovationId },
      `Bukti dukung ditambahkan: ${document.title}`,
      slot,
    );
    await refuseSecondCopy(tx, regionCode, 'innovation', target.innovationId, slot, document.title);
    return attachDocument(tx, ctx, storage, { regionCode, ownerType: 'innovation', ownerId: target.innovationId, slot }, document, limits, {
      action: 'evidence.added',
      entityType: 'evidence',
      extra: { innovationId: target.innovationId, target: slot, source },
      ...(change.next !== change.status ? { after: { innovationStatus: change.next } } : {}),
    });
  });
}
