/**
 * Seeds a list of demo innovations into a period as the workflow would have left them: created inside
 * the period's window on varied days, submitted some days later, reviewed some days after that, with
 * the events of each step and, when storage is given, the SK as evidence. Shared by the 2026 proposals
 * of Kota Pangkalpinang and the periods of Banjarmasin and Palangka Raya.
 */
import { createHash } from 'node:crypto';
import type { Tx } from '#server/db/client.ts';
import { attachments, innovationEvents, innovations } from '#server/db/schema.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import { storageKeyOf } from '#server/platform/attachments/stored-file.ts';
import { type DemoInnovation, demoPdf, demoPick, demoRancangBangun } from './demo-innovations.ts';

const DAY = 86_400_000;

export interface DemoActor {
  id: string;
  displayName: string;
}

export interface DemoProposalBatch {
  regionCode: string;
  periodId: string;
  /** The period's window, ISO dates: every proposal is created and submitted inside it. */
  opensOn: string;
  closesOn: string;
  /** "Kota Banjarmasin", for the texts. */
  city: string;
  items: Array<DemoInnovation & { isSchool?: boolean; waktuPenerapan?: string; waktuUjiCoba?: string; hasil?: string }>;
  /** `${region}/${shortName}` → id, and id → full name. */
  unitIds: Map<string, string>;
  unitNames: Map<string, string>;
  operator: DemoActor | undefined;
  verifier: DemoActor | undefined;
  contactEmail: string;
  contactPhone: string;
  storage?: BlobStorage | undefined;
}

/** Days between two ISO dates. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/**
 * When an innovation was created, submitted and reviewed: spread over the window by its name, working
 * hours in WIB, submission at the latest on the closing day.
 */
export function demoTimeline(name: string, opensOn: string, closesOn: string): { created: Date; submitted: Date; reviewed: Date } {
  const span = Math.max(1, daysBetween(opensOn, closesOn));
  const open = Date.parse(`${opensOn}T00:00:00Z`);
  // 01:00–08:59 UTC is 08:00–15:59 WIB.
  const hour = (slot: string) => demoPick(`${name}/${slot}-hour`, 1, 8) * 3_600_000 + demoPick(`${name}/${slot}-min`, 0, 59) * 60_000;
  const createdDay = demoPick(`${name}/created`, 0, Math.max(0, Math.floor(span * 0.75)));
  const created = new Date(open + createdDay * DAY + hour('c'));
  const submittedDay = Math.min(createdDay + demoPick(`${name}/submitted`, 2, 30), span);
  const submitted = new Date(Math.max(open + submittedDay * DAY + hour('s'), created.getTime() + 3_600_000));
  const reviewed = new Date(submitted.getTime() + demoPick(`${name}/reviewed`, 3, 24) * DAY);
  return { created, submitted, reviewed };
}

/**
 * First trial and first application, varied by name: the trial between July two years before and June
 * of the year before, the first application six to nine months later (for 2025: inside the IID 2026
 * window of January 2024 to December 2025, so the varied dates do not change who qualifies).
 */
export function demoStageDates(d: DemoInnovation, year: number): { waktuUjiCoba: string | null; waktuPenerapan: string | null } {
  if (d.tahapan === 'inisiatif') return { waktuUjiCoba: null, waktuPenerapan: null };
  const month = (offset: number) => {
    const y = year - 2 + Math.floor(offset / 12);
    const m = (offset % 12) + 1;
    return `${y}-${String(m).padStart(2, '0')}-${String(demoPick(`${d.name}/day${offset}`, 1, 28)).padStart(2, '0')}`;
  };
  const trial = demoPick(`${d.name}/trial`, 6, 17);
  const applied = trial + demoPick(`${d.name}/applied`, 6, 9);
  return { waktuUjiCoba: month(trial), waktuPenerapan: d.tahapan === 'penerapan' ? month(applied) : null };
}

const RETURN_NOTE = 'Lengkapi data capaian sebelum dan sesudah inovasi.';
const REJECT_NOTE = 'Sama dengan inovasi lain yang sudah diajukan unit ini; gabungkan dalam satu usulan.';

export async function seedDemoProposals(tx: Tx, batch: DemoProposalBatch): Promise<number> {
  const year = Number(batch.opensOn.slice(0, 4));
  let count = 0;
  for (const d of batch.items) {
    const unitId = batch.unitIds.get(`${batch.regionCode}/${d.unit}`);
    if (!unitId) continue;
    const unitName = batch.unitNames.get(unitId) ?? d.unit;
    const { created, submitted, reviewed } = demoTimeline(d.name, batch.opensOn, batch.closesOn);
    const isSubmitted = d.status !== 'draft';
    const stage = demoStageDates(d, year);
    const [row] = await tx
      .insert(innovations)
      .values({
        regionCode: batch.regionCode,
        periodId: batch.periodId,
        unitId,
        status: d.status,
        name: d.name,
        tahapan: d.tahapan,
        inisiator: d.inisiator,
        jenis: d.jenis,
        bentuk: d.bentuk,
        urusanUtama: d.urusan,
        urusanIrisan: d.irisan ?? [],
        tematik: d.tematik,
        waktuUjiCoba: d.waktuUjiCoba ?? stage.waktuUjiCoba,
        waktuPenerapan: d.waktuPenerapan ?? stage.waktuPenerapan,
        rancangBangun: demoRancangBangun(d, { unitName, isSchool: d.isSchool ?? false, city: batch.city }),
        tujuan: `Mengatasi keadaan bahwa ${d.problem}.`,
        manfaat: d.isSchool
          ? `Siswa, guru dan orang tua di ${unitName} merasakan langsung perubahan: ${d.method}.`
          : `Masyarakat ${batch.city} mendapat layanan yang lebih cepat dan dapat dipantau: ${d.method}.`,
        hasil:
          d.hasil ??
          `Sasaran yang terlayani naik ${demoPick(`${d.name}/hasil`, 15, 60)} persen dibanding sebelum inovasi, menurut rekap bulanan ${unitName}.`,
        contactName: `Narahubung ${unitName}`,
        contactPhone: batch.contactPhone,
        contactEmail: batch.contactEmail,
        reviewNotes: d.status === 'dikembalikan' ? { hasil: RETURN_NOTE } : {},
        rejectionReason: d.status === 'ditolak' ? REJECT_NOTE : null,
        submittedAt: isSubmitted ? submitted : null,
        verifiedAt: d.status === 'terverifikasi' ? reviewed : null,
        createdBy: batch.operator?.id ?? null,
        createdAt: created,
        updatedAt: d.status === 'diajukan' ? submitted : isSubmitted ? reviewed : created,
      })
      .returning({ id: innovations.id });
    if (!row) continue;
    count++;
    const event = (
      at: Date,
      who: DemoActor | undefined,
      action: string,
      from: string | null,
      to: string,
      extra: { note?: string; fieldNotes?: Record<string, string> } = {},
    ) => ({
      innovationId: row.id,
      regionCode: batch.regionCode,
      at,
      actorId: who?.id ?? null,
      actorName: who?.displayName ?? null,
      action,
      fromStatus: from,
      toStatus: to,
      note: extra.note ?? null,
      fieldNotes: extra.fieldNotes ?? null,
    });
    const events = [event(created, batch.operator, 'created', null, 'draft')];
    if (isSubmitted) events.push(event(submitted, batch.operator, 'submit', 'draft', 'diajukan'));
    if (d.status === 'dikembalikan')
      events.push(event(reviewed, batch.verifier, 'return', 'diajukan', 'dikembalikan', { fieldNotes: { hasil: RETURN_NOTE } }));
    if (d.status === 'terverifikasi') events.push(event(reviewed, batch.verifier, 'verify', 'diajukan', 'terverifikasi'));
    if (d.status === 'ditolak') events.push(event(reviewed, batch.verifier, 'reject', 'diajukan', 'ditolak', { note: REJECT_NOTE }));
    await tx.insert(innovationEvents).values(events);
    if (batch.storage && isSubmitted) {
      const pdf = demoPdf(`SK Penetapan Inovasi: ${d.name}`);
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      const storageKey = storageKeyOf(sha256);
      await batch.storage.put(storageKey, pdf);
      await tx.insert(attachments).values({
        ownerType: 'innovation',
        ownerId: row.id,
        regionCode: batch.regionCode,
        slot: 'umum',
        kind: 'file',
        title: 'SK penetapan inovasi',
        fileName: 'sk-penetapan.pdf',
        mimeType: 'application/pdf',
        sizeBytes: pdf.length,
        sha256,
        storageKey,
        createdBy: batch.operator?.id ?? null,
        createdAt: submitted,
      });
    }
  }
  return count;
}
