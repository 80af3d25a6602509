import { availableActions, isOwner, statusAfterEdit, type InnovationStatus } from '#domain/innovations/workflow.ts';
import { countWords } from '#domain/innovations/profile.ts';
import type { Actor } from '#domain/access/roles.ts';
import type { Innovation, InnovationSummary } from '#shared/api/innovations.ts';
import type { innovationEvents } from '#server/db/schema.ts';
import { type AttachmentRow, presentAttachment } from '#server/platform/attachments/attachments.ts';
import type { InnovationRow } from '#server/platform/records.ts';

export function presentSummary(row: {
  id: string;
  periodId: string;
  year: number;
  unitId: string;
  unitName: string;
  status: string;
  name: string;
  tahapan: string | null;
  jenis: string | null;
  urusanUtama: string | null;
  updatedAt: Date;
  version: number;
}): InnovationSummary {
  return { ...row, status: row.status as InnovationStatus, updatedAt: row.updatedAt.toISOString() };
}

export function presentInnovation(
  actor: Actor,
  found: { innovation: InnovationRow; unitName: string; year: number },
  extra: {
    evidence: AttachmentRow[];
    timeline: (typeof innovationEvents.$inferSelect)[];
    nextId: string | null;
    tematikOptions: ReadonlyArray<{ id: string; name: string }>;
  },
): Innovation {
  const r = found.innovation;
  const status = r.status as InnovationStatus;
  const ref = { status, regionCode: r.regionCode, unitId: r.unitId };
  return {
    ...presentSummary({ ...r, unitName: found.unitName, year: found.year }),
    regionCode: r.regionCode,
    inisiator: r.inisiator,
    bentuk: r.bentuk,
    urusanIrisan: r.urusanIrisan,
    tematik: r.tematik,
    waktuUjiCoba: r.waktuUjiCoba,
    waktuPenerapan: r.waktuPenerapan,
    waktuPengembangan: r.waktuPengembangan,
    uraianPengembangan: r.uraianPengembangan,
    rancangBangun: r.rancangBangun,
    rancangBangunWords: countWords(r.rancangBangun),
    tujuan: r.tujuan,
    manfaat: r.manfaat,
    hasil: r.hasil,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
    contactName: r.contactName,
    contactPhone: r.contactPhone,
    contactEmail: r.contactEmail,
    rpjmdProgramCode: r.rpjmdProgramCode,
    klasifikasi: r.klasifikasi,
    astaCita: r.astaCita,
    pkpnKlaster: r.pkpnKlaster,
    pkpnProgram: r.pkpnProgram,
    anggaran: r.anggaran,
    sumberAnggaran: r.sumberAnggaran,
    namaInisiator: r.namaInisiator,
    tematikOptions: extra.tematikOptions.map((o) => ({ id: o.id, name: o.name })),
    previousId: r.previousId,
    nextId: extra.nextId,
    developmentNote: r.developmentNote,
    reviewNotes: r.reviewNotes,
    rejectionReason: r.rejectionReason,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    verifiedAt: r.verifiedAt?.toISOString() ?? null,
    evidence: extra.evidence.map(presentAttachment),
    timeline: extra.timeline.map((t) => ({
      id: t.id,
      at: t.at.toISOString(),
      actorName: t.actorName,
      action: t.action,
      fromStatus: t.fromStatus,
      toStatus: t.toStatus,
      note: t.note,
      fieldNotes: t.fieldNotes,
    })),
    actions: availableActions(actor, ref),
    canEdit: isOwner(actor, ref) && statusAfterEdit(status) !== null,
  };
}
