/**
 * Evidence (files and links) of the region-level SPD answers of an IID period, kept like an
 * innovation's SID evidence by the platform's attachments (owner `iid_period`, slot `spd.<indicator>`),
 * under the one rule of platform/evidence-owners.ts: only a caller who may fill the period's answers,
 * and a change puts the indicator's verification back to pending (menunggu).
 */
import type { Readable } from 'node:stream';
import { iidStructure } from '#domain/iid/structure.ts';
import type { Db, DbOrTx } from '#server/db/client.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import {
  type AttachmentOwner,
  type AttachmentRow,
  attachFile,
  attachLink,
  findAttachment,
  type FileUpload,
  openAttachment,
  type ReleaseResult,
  releaseBlob,
  removeAttachment,
} from '#server/platform/attachments/attachments.ts';
import { beginSpdEvidenceChange, type SpdEvidenceOwner, spdEvidenceSlot } from '#server/platform/evidence-owners.ts';
import { iidFrameworkOfPeriod } from '#server/platform/frameworks/registry.ts';
import { indicatorOr400, loadPeriod } from './iid.service.ts';

const ownerOf = (where: SpdEvidenceOwner): AttachmentOwner => ({ regionCode: where.regionCode, ownerType: 'iid_period', ownerId: where.periodId });

/** The SPD indicator of the period's framework, or 400 naming it; 404 when the period is not the region's. */
async function spdSlotOf(db: DbOrTx, where: SpdEvidenceOwner, indicatorId: string): Promise<string> {
  const period = await loadPeriod(db, where.regionCode, where.periodId);
  const { framework } = await iidFrameworkOfPeriod(db, where.regionCode, period);
  return spdEvidenceSlot(indicatorOr400(iidStructure(framework), 'spd', indicatorId).id);
}

export async function addSpdFileEvidence(
  ctx: ServiceContext,
  storage: BlobStorage,
  limits: { maxUploadBytes: number },
  where: SpdEvidenceOwner & { indicatorId: string },
  upload: FileUpload,
): Promise<AttachmentRow> {
  return ctx.db.transaction(async (tx) => {
    const slot = await spdSlotOf(tx, where, where.indicatorId);
    await beginSpdEvidenceChange(ctx, tx, where, slot);
    return attachFile(tx, ctx, storage, { ...ownerOf(where), slot }, upload, limits, {
      action: 'iid.spd.evidence.added',
      entityType: 'evidence',
      extra: { periodId: where.periodId, indicatorId: where.indicatorId },
    });
  });
}

export async function addSpdLinkEvidence(
  ctx: ServiceContext,
  where: SpdEvidenceOwner & { indicatorId: string },
  input: { title: string; url: string },
): Promise<AttachmentRow> {
  return ctx.db.transaction(async (tx) => {
    const slot = await spdSlotOf(tx, where, where.indicatorId);
    await beginSpdEvidenceChange(ctx, tx, where, slot);
    return attachLink(tx, ctx, { ...ownerOf(where), slot }, input, {
      action: 'iid.spd.evidence.added',
      entityType: 'evidence',
      extra: { periodId: where.periodId, indicatorId: where.indicatorId },
    });
  });
}

/** Removes one piece of SPD evidence; its blob goes only when nothing else uses it, after commit. */
export async function removeSpdEvidence(
  ctx: ServiceContext,
  storage: BlobStorage,
  where: SpdEvidenceOwner,
  evidenceId: string,
): Promise<ReleaseResult> {
  const removed = await ctx.db.transaction(async (tx) => {
    await loadPeriod(tx, where.regionCode, where.periodId);
    const row = await findAttachment(tx, ownerOf(where), evidenceId);
    if (!row) throw new AppError('NOT_FOUND');
    await beginSpdEvidenceChange(ctx, tx, where, row.slot);
    return removeAttachment(tx, ctx, row, {
      action: 'iid.spd.evidence.removed',
      entityType: 'evidence',
      extra: { periodId: where.periodId, target: row.slot },
    });
  });
  return releaseBlob(ctx.db, storage, removed.storageKey);
}

export async function openSpdEvidenceContent(
  db: Db,
  storage: BlobStorage,
  where: SpdEvidenceOwner,
  evidenceId: string,
): Promise<{ row: AttachmentRow & { mimeType: string; storageKey: string }; stream: Readable }> {
  await loadPeriod(db, where.regionCode, where.periodId);
  return openAttachment(db, storage, ownerOf(where), evidenceId);
}
