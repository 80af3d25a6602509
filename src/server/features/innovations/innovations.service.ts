/**
 * Use cases of an innovation's life: propose, edit (drafts save as they go, guarded by `version`),
 * the verification workflow with its timeline, carrying over into a new period, and duplicate hints.
 */
import { and, eq } from 'drizzle-orm';
import { isOwner, statusAfterEdit, transition, type InnovationStatus } from '#domain/innovations/workflow.ts';
import { countWords, RANCANG_BANGUN_MIN_WORDS } from '#domain/innovations/profile.ts';
import { DUPLICATE_THRESHOLD, nameSimilarity } from '#domain/innovations/similarity.ts';
import { innovationFields } from '#shared/api/innovations.ts';
import type { FieldIssue } from '#shared/errors.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { uniqueConstraintOf } from '#server/db/errors.ts';
import { innovationEvents, innovations, units } from '#server/db/schema.ts';
import { copyAttachments } from '#server/platform/attachments/attachments.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { assertTematik, tematikOptionsOfPeriod, tematikRefusal } from '#server/platform/innovation-profile.ts';
import { assertRpjmdProgrammeCode } from '#server/platform/rpjmd.ts';
import { findPeriod } from './periods.service.ts';
import { unitOf } from '#server/platform/records.ts';
import { findInnovation, type InnovationRow } from '#server/platform/records.ts';
import { otherInnovationNames } from './innovations.queries.ts';
import { noticeOfReview } from './innovation-notices.ts';
import { wibDate } from '#domain/schedule/wib.ts';

export interface InnovationFields {
  name: string;
  tahapan: string | null;
  inisiator: string | null;
  jenis: string | null;
  bentuk: string | null;
  urusanUtama: string | null;
  urusanIrisan: string[];
  tematik: string | null;
  waktuUjiCoba: string | null;
  waktuPenerapan: string | null;
  waktuPengembangan: string | null;
  uraianPengembangan: string;
  rancangBangun: string;
  tujuan: string;
  manfaat: string;
  hasil: string;
  latitude: number | null;
  longitude: number | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  rpjmdProgramCode: string | null;
  klasifikasi: string | null;
  astaCita: string | null;
  pkpnKlaster: string | null;
  pkpnProgram: string | null;
  /** Rupiah as a decimal string ("150000000" as typed, "150000000.00" as stored). */
  anggaran: string | null;
  sumberAnggaran: string | null;
  namaInisiator: string | null;
}

const FIELD_KEYS = innovationFields.keyof().options;

/** The fields as they will be stored: coordinates to 6 decimals, the main urusan not repeated as irisan. */
function normalise(f: InnovationFields): InnovationFields {
  return {
    ...f,
    latitude: f.latitude === null ? null : Number(f.latitude.toFixed(6)),
    longitude: f.longitude === null ? null : Number(f.longitude.toFixed(6)),
    urusanIrisan: [...new Set(f.urusanIrisan.filter((u) => u !== f.urusanUtama))],
    anggaran: f.anggaran === null ? null : toRupiah(f.anggaran),
  };
}

/** An amount as the numeric(15,2) column returns it ("1500.5" → "1500.50"), by string, never through a float. */
function toRupiah(amount: string): string {
  const [whole = '0', fraction = ''] = amount.split('.');
  return `${whole.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
}

function toColumns(f: InnovationFields) {
  const n = normalise(f);
  return {
    ...n,
    latitude: n.latitude === null ? null : n.latitude.toFixed(6),
    longitude: n.longitude === null ? null : n.longitude.toFixed(6),
  };
}

function fieldsOf(row: InnovationRow): InnovationFields {
  return {
    name: row.name,
    tahapan: row.tahapan,
    inisiator: row.inisiator,
    jenis: row.jenis,
    bentuk: row.bentuk,
    urusanUtama: row.urusanUtama,
    urusanIrisan: row.urusanIrisan,
    tematik: row.tematik,
    waktuUjiCoba: row.waktuUjiCoba,
    waktuPenerapan: row.waktuPenerapan,
    waktuPengembangan: row.waktuPengembangan,
    uraianPengembangan: row.uraianPengembangan,
    rancangBangun: row.rancangBangun,
    tujuan: row.tujuan,
    manfaat: row.manfaat,
    hasil: row.hasil,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
    rpjmdProgramCode: row.rpjmdProgramCode,
    klasifikasi: row.klasifikasi,
    astaCita: row.astaCita,
    pkpnKlaster: row.pkpnKlaster,
    pkpnProgram: row.pkpnProgram,
    anggaran: row.anggaran,
    sumberAnggaran: row.sumberAnggaran,
    namaInisiator: row.namaInisiator,
  };
}

/** Only what changed, for the audit log (autosave writes often; full copies would drown it). */
function diff(before: InnovationFields, after: InnovationFields) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of FIELD_KEYS) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}

async function addEvent(
  db: DbOrTx,
  ctx: ServiceContext,
  row: { id: string; regionCode: string },
  event: { action: string; from?: string | null; to?: string | null; note?: string | null; fieldNotes?: Record<string, string> | null },
) {
  await db.insert(innovationEvents).values({
    innovationId: row.id,
    regionCode: row.regionCode,
    at: ctx.now,
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    action: event.action,
    fromStatus: event.from ?? null,
    toStatus: event.to ?? null,
    note: event.note ?? null,
    fieldNotes: event.fieldNotes ?? null,
  });
}

async function resolveUnit(ctx: ServiceContext, db: DbOrTx, regionCode: string, unitId: string | undefined): Promise<string> {
  if (ctx.actor.role === 'operator') {
    if (!ctx.actor.unitId) throw new AppError('FORBIDDEN');
    if (unitId && unitId !== ctx.actor.unitId) throw new AppError('FORBIDDEN', { detail: 'operators propose for their own unit' });
    return ctx.actor.unitId;
  }
  if (!unitId) throw fieldError('body.unitId', 'Pilih unit pengusul');
  if (!(await unitOf(db, regionCode, unitId))) throw fieldError('body.unitId', 'Unit tidak ditemukan di daerah ini');
  return unitId;
}

/**
 * A period may refuse a unit's proposal or submission outside its reporting window (else the page only
 * warns). The regional admins may still act: they are the ones who extend a window by hand.
 */
function checkWindow(ctx: ServiceContext, period: { refuseOutsideWindow: boolean; opensOn: string; closesOn: string; year: number }): void {
  if (!period.refuseOutsideWindow || ctx.actor.role === 'admin_daerah' || ctx.actor.role === 'admin_nasional') return;
  const today = wibDate(ctx.now);
  if (today >= period.opensOn && today <= period.closesOn) return;
  throw new AppError('OUTSIDE_REPORTING_WINDOW', { detail: `${today} is outside ${period.opensOn}..${period.closesOn} of ${period.year}` });
}

export async function createInnovation(
  ctx: ServiceContext,
  regionCode: string,
  input: InnovationFields & { periodId: string; unitId?: string | undefined },
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const period = await findPeriod(tx, regionCode, input.periodId);
    if (!period) throw fieldError('body.periodId', 'Periode tidak ditemukan di daerah ini');
    checkWindow(ctx, period);
    const unitId = await resolveUnit(ctx, tx, regionCode, input.unitId);
    await assertRpjmdProgrammeCode(tx, regionCode, input.rpjmdProgramCode, 'body.rpjmdProgramCode');
    await assertTematik(tx, regionCode, period, input.tematik, 'body.tematik');
    const { periodId: _p, unitId: _u, ...fields } = input;
    const [created] = await tx
      .insert(innovations)
      .values({ ...toColumns(fields), regionCode, periodId: period.id, unitId, createdBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now })
      .returning({ id: innovations.id });
    if (!created) throw new AppError('INTERNAL');
    await addEvent(tx, ctx, { id: created.id, regionCode }, { action: 'created', to: 'draft' });
    await recordAudit(tx, ctx, {
      action: 'innovation.created',
      entityType: 'innovation',
      entityId: created.id,
      regionCode,
      after: { ...fields, periodId: period.id, unitId },
    });
    return created.id;
  });
}

async function loadOwned(ctx: ServiceContext, db: DbOrTx, regionCode: string, id: string, version: number) {
  const found = await findInnovation(db, regionCode, id, ctx.actor);
  if (!found) throw new AppError('NOT_FOUND');
  const row = found.innovation;
  if (row.version !== version) throw new AppError('STALE_VERSION');
  return row;
}

/** Saves the profile. Drafts save as they go; an edit after verification sends it back for review. */
export async function updateInnovation(ctx: ServiceContext, regionCode: string, id: string, input: InnovationFields & { version: number }) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadOwned(ctx, tx, regionCode, id, input.version);
    if (!isOwner(ctx.actor, { status: row.status as InnovationStatus, regionCode, unitId: row.unitId })) throw new AppError('FORBIDDEN');
    const next = statusAfterEdit(row.status as InnovationStatus);
    if (next === null) {
      throw new AppError('INNOVATION_NOT_EDITABLE', { detail: `an innovation that is ${row.status} cannot be edited` });
    }
    const { version, ...fields } = input;
    await assertRpjmdProgrammeCode(tx, regionCode, fields.rpjmdProgramCode, 'body.rpjmdProgramCode', row.rpjmdProgramCode);
    // A tematik kept from before (carried over from a year with another list) does not block saving the
    // other fields; choosing one checks it, and submission checks it again.
    if (fields.tematik !== row.tematik) {
      const period = await findPeriod(tx, regionCode, row.periodId);
      if (period) await assertTematik(tx, regionCode, period, fields.tematik, 'body.tematik');
    }
    // Compare what would be stored, so re-sending the stored values is no change.
    const changes = diff(fieldsOf(row), normalise(fields));
    if (Object.keys(changes.after).length === 0) return;
    const [updated] = await tx
      .update(innovations)
      .set({
        ...toColumns(fields),
        status: next,
        version: version + 1,
        updatedAt: ctx.now,
        ...(next !== row.status ? { verifiedAt: null } : {}),
      })
      .where(and(eq(innovations.id, id), eq(innovations.regionCode, regionCode), eq(innovations.version, version)))
      .returning({ id: innovations.id });
    if (!updated) throw new AppError('STALE_VERSION');
    if (next !== row.status) {
      await addEvent(tx, ctx, row, { action: 'edited_after_verification', from: row.status, to: next, note: Object.keys(changes.after).join(', ') });
    }
    await recordAudit(tx, ctx, { action: 'innovation.updated', entityType: 'innovation', entityId: id, regionCode, ...changes });
  });
}

/** What an innovation lacks before it can be submitted, as field issues in Indonesian. */
export function submissionIssues(f: InnovationFields): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const need = (field: keyof InnovationFields, label: string) => {
    const v = f[field];
    if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) issues.push({ field, reason: `${label} wajib diisi sebelum diajukan` });
  };
  need('tahapan', 'Tahapan');
  need('inisiator', 'Inisiator');
  need('jenis', 'Jenis');
  need('bentuk', 'Bentuk');
  need('urusanUtama', 'Urusan utama');
  need('tujuan', 'Tujuan');
  need('manfaat', 'Manfaat');
  need('hasil', 'Hasil');
  const words = countWords(f.rancangBangun);
  if (words < RANCANG_BANGUN_MIN_WORDS) {
    issues.push({ field: 'rancangBangun', reason: `Rancang bangun minimal ${RANCANG_BANGUN_MIN_WORDS} kata (sekarang ${words})` });
  }
  if ((f.tahapan === 'uji_coba' || f.tahapan === 'penerapan') && !f.waktuUjiCoba) {
    issues.push({ field: 'waktuUjiCoba', reason: 'Waktu uji coba wajib diisi untuk tahapan uji coba atau penerapan' });
  }
  if (f.tahapan === 'penerapan' && !f.waktuPenerapan) {
    issues.push({ field: 'waktuPenerapan', reason: 'Waktu penerapan wajib diisi untuk tahapan penerapan' });
  }
  if (f.waktuUjiCoba && f.waktuPenerapan && f.waktuPenerapan < f.waktuUjiCoba) {
    issues.push({ field: 'waktuPenerapan', reason: 'Waktu penerapan tidak boleh sebelum waktu uji coba' });
  }
  if (f.waktuPengembangan && f.waktuPenerapan && f.waktuPengembangan < f.waktuPenerapan) {
    issues.push({ field: 'waktuPengembangan', reason: 'Waktu pengembangan terbaru tidak boleh sebelum waktu penerapan' });
  }
  if (f.waktuPengembangan && f.uraianPengembangan.trim() === '') {
    issues.push({ field: 'uraianPengembangan', reason: 'Uraikan pengembangan terbaru: tanggal saja tidak mendokumentasikannya' });
  }
  return issues;
}

export interface TransitionRequest {
  action: 'submit' | 'return' | 'verify' | 'reject';
  version: number;
  notes?: Record<string, string>;
  note?: string;
  reason?: string;
}

const REFUSAL_MESSAGES = {
  note_required: { field: 'body.notes', reason: 'Tuliskan catatan pada paling sedikit satu isian' },
  reason_required: { field: 'body.reason', reason: 'Alasan penolakan wajib diisi' },
} as const;

export async function transitionInnovation(ctx: ServiceContext, regionCode: string, id: string, req: TransitionRequest) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadOwned(ctx, tx, regionCode, id, req.version);
    const from = row.status as InnovationStatus;
    const result = transition(ctx.actor, { status: from, regionCode, unitId: row.unitId }, req);
    if (!result.ok) {
      if (result.refusal === 'wrong_role') throw new AppError('FORBIDDEN');
      if (result.refusal === 'wrong_state')
        throw new AppError('INNOVATION_WRONG_STATE', { detail: `cannot ${req.action} an innovation that is ${from}` });
      throw new AppError('VALIDATION_FAILED', { issues: [REFUSAL_MESSAGES[result.refusal]] });
    }
    if (req.action === 'submit') {
      const issues = submissionIssues(fieldsOf(row));
      const period = await findPeriod(tx, regionCode, row.periodId);
      if (period) {
        const refusal = tematikRefusal(await tematikOptionsOfPeriod(tx, regionCode, period), row.tematik, period.year);
        if (refusal !== null) issues.push({ field: 'tematik', reason: refusal });
      }
      if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { issues });
      if (period) checkWindow(ctx, period);
    }
    const notes = req.action === 'return' ? Object.fromEntries(Object.entries(req.notes ?? {}).filter(([, v]) => v.trim())) : {};
    const [updated] = await tx
      .update(innovations)
      .set({
        status: result.to,
        version: req.version + 1,
        updatedAt: ctx.now,
        reviewNotes: notes,
        rejectionReason: req.action === 'reject' ? (req.reason ?? '').trim() : null,
        ...(req.action === 'submit' ? { submittedAt: ctx.now } : {}),
        ...(req.action === 'verify' ? { verifiedAt: ctx.now } : {}),
      })
      .where(and(eq(innovations.id, id), eq(innovations.regionCode, regionCode), eq(innovations.version, req.version)))
      .returning({ id: innovations.id });
    // Another reviewer acted on the same version first: their step stands, this one is refused.
    if (!updated) throw new AppError('STALE_VERSION');
    await addEvent(tx, ctx, row, {
      action: req.action,
      from,
      to: result.to,
      note: req.action === 'reject' ? (req.reason ?? '').trim() : (req.note ?? null),
      fieldNotes: req.action === 'return' ? notes : null,
    });
    await recordAudit(tx, ctx, {
      action: `innovation.${req.action}`,
      entityType: 'innovation',
      entityId: id,
      regionCode,
      before: { status: from },
      after: {
        status: result.to,
        ...(req.action === 'return' ? { notes } : {}),
        // The verifier's general note too: the audit log shows what the unit was told, not only per field.
        ...(req.note?.trim() ? { note: req.note.trim() } : {}),
        ...(req.reason ? { reason: req.reason } : {}),
      },
    });
    await noticeOfReview(tx, ctx, row, req.action, req.version + 1);
  });
}

/**
 * Innovations of the region (this and earlier years) whose names are very close to this one; its own
 * earlier and later versions (carry-over) are not duplicates.
 */
export async function findSimilar(
  db: DbOrTx,
  regionCode: string,
  self: { id: string; name: string; year: number; previousId: string | null; nextId: string | null },
  limit = 5,
) {
  const related = [self.id, self.previousId, self.nextId].filter((v): v is string => v !== null);
  const others = (await otherInnovationNames(db, regionCode, related)).filter((o) => o.year <= self.year);
  return others
    .map((o) => ({ ...o, similarity: Math.round(nameSimilarity(self.name, o.name) * 100) / 100 }))
    .filter((o) => o.similarity >= DUPLICATE_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, limit)
    .map((o) => ({ ...o, status: o.status as InnovationStatus }));
}

/**
 * Carries an innovation into a later period as a new draft, with the required "what developed since"
 * note; the two versions stay linked (previous → next) and the evidence files are shared.
 */
export async function carryOverInnovation(
  ctx: ServiceContext,
  regionCode: string,
  id: string,
  input: { periodId: string; developmentNote: string },
): Promise<string> {
  return ctx.db
    .transaction(async (tx) => {
      const found = await findInnovation(tx, regionCode, id, ctx.actor);
      if (!found) throw new AppError('NOT_FOUND');
      const source = found.innovation;
      if (!isOwner(ctx.actor, { status: source.status as InnovationStatus, regionCode, unitId: source.unitId })) throw new AppError('FORBIDDEN');
      if (source.status === 'ditolak') throw new AppError('INNOVATION_REJECTED_NO_CARRY_OVER');
      const target = await findPeriod(tx, regionCode, input.periodId);
      if (!target) throw fieldError('body.periodId', 'Periode tidak ditemukan di daerah ini');
      if (target.year <= found.year) throw fieldError('body.periodId', 'Pilih periode yang lebih baru dari periode inovasi ini');
      const [unit] = await tx
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.id, source.unitId), eq(units.regionCode, regionCode)));
      if (!unit) throw new AppError('NOT_FOUND');
      const [created] = await tx
        .insert(innovations)
        .values({
          ...toColumns(fieldsOf(source)),
          regionCode,
          periodId: target.id,
          unitId: source.unitId,
          previousId: source.id,
          developmentNote: input.developmentNote,
          createdBy: ctx.actor.id,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: innovations.id });
      if (!created) throw new AppError('INTERNAL');
      await copyAttachments(
        tx,
        { regionCode, ownerType: 'innovation', ownerId: source.id },
        { regionCode, ownerType: 'innovation', ownerId: created.id },
        ctx.now,
      );
      await addEvent(tx, ctx, { id: created.id, regionCode }, { action: 'carried_over', to: 'draft', note: input.developmentNote });
      await addEvent(tx, ctx, source, { action: 'carried_forward', note: `${target.year}` });
      await recordAudit(tx, ctx, {
        action: 'innovation.carried_over',
        entityType: 'innovation',
        entityId: created.id,
        regionCode,
        after: { previousId: source.id, periodId: target.id, developmentNote: input.developmentNote },
      });
      return created.id;
    })
    .catch((err: unknown) => {
      if (uniqueConstraintOf(err) === 'innovations_carry_uq') {
        throw fieldError('body.periodId', 'Inovasi ini sudah dibawa ke periode tersebut');
      }
      throw err;
    });
}
