/**
 * The export of a period for the national IID application, in the order of the national PDF export: per
 * innovation the profile parts 1.1–1.16, then its "Indikator" part (per SID indicator the parameter chosen,
 * the evidence file names and links, the kematangan score), and after every innovation the region's SPD
 * answers. One sheet, one line per item, so a clerk copies it down the national form in order.
 *
 * The innovations exported are those the region has verified (the verified basis of the period page); the
 * parameter is the verified one (accepted or corrected), as that is what the region stands behind.
 */
import { asc, and, eq } from 'drizzle-orm';
import { ASTA_CITA, PKPN_KLASTER, URUSAN } from '#domain/innovations/profile.ts';
import { answerLevel, COUNTED_STATUSES } from '#domain/iid/projection.ts';
import { type IidIndicator, iidStructure, scoreAt, sidEvidenceTarget } from '#domain/iid/structure.ts';
import { type Ratio, sumRatios } from '#domain/scoring/decimal.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { innovations, units } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import { type SheetColumn, writeSheet } from '#server/lib/xlsx.ts';
import { type AttachmentRow, listAttachments } from '#server/platform/attachments/attachments.ts';
import { answerOf, projectPeriodIid } from '#server/platform/figures/iid-projection.ts';
import { tematikOptionsOfPeriod } from '#server/platform/innovation-profile.ts';
import { findIidPeriod, type IidAnswerRow, listPeriodAnswers } from './iid.queries.ts';

/** One line of the export. */
export interface NationalExportLine {
  part: 'Profil' | 'Indikator' | 'SPD';
  number: string;
  item: string;
  innovation: string;
  value: string;
  evidence: string;
  kematangan: string;
}

export const NATIONAL_EXPORT_HEADERS = ['Bagian', 'No', 'Butir', 'Inovasi', 'Isian', 'Bukti dukung', 'Kematangan'] as const;

const LABELS = {
  tahapan: { inisiatif: 'Inisiatif', uji_coba: 'Uji coba', penerapan: 'Penerapan' },
  inisiator: { kepala_daerah: 'Kepala Daerah', anggota_dprd: 'Anggota DPRD', opd: 'OPD', asn: 'ASN', masyarakat: 'Masyarakat' },
  jenis: { digital: 'Digital', non_digital: 'Non digital' },
  bentuk: {
    tata_kelola: 'Inovasi tata kelola pemerintahan daerah',
    pelayanan_publik: 'Inovasi pelayanan publik',
    lainnya: 'Inovasi daerah lainnya sesuai urusan pemerintahan',
  },
  klasifikasi: { perangkat_daerah: 'Inovasi Perangkat Daerah', desa: 'Inovasi Desa', masyarakat: 'Inovasi Masyarakat' },
  sumberAnggaran: { apbd: 'APBD', apbdes: 'APBDes', apbn: 'APBN', swasta: 'Swasta', lainnya: 'Lainnya' },
} as const;

function label(field: keyof typeof LABELS, id: string | null): string {
  if (id === null) return '';
  const labels: Record<string, string> = LABELS[field];
  return labels[id] ?? id;
}

const URUSAN_NAMES = new Map(URUSAN.map((u) => [u.id, u.name]));
const ASTA_CITA_NAMES = new Map<string, string>(ASTA_CITA.map((a) => [a.id, `Asta Cita ${a.id}: ${a.name}`]));
const PKPN_NAMES = new Map<string, string>(PKPN_KLASTER.map((k) => [k.id, k.name]));

function evidenceText(rows: readonly AttachmentRow[]): string {
  return rows.map((r) => (r.kind === 'link' ? (r.url ?? r.title) : (r.fileName ?? r.title))).join('; ');
}

async function exportedInnovations(db: DbOrTx, regionCode: string, periodId: string) {
  return db
    .select({
      id: innovations.id,
      name: innovations.name,
      status: innovations.status,
      unitName: units.name,
      klasifikasi: innovations.klasifikasi,
      tahapan: innovations.tahapan,
      inisiator: innovations.inisiator,
      namaInisiator: innovations.namaInisiator,
      jenis: innovations.jenis,
      bentuk: innovations.bentuk,
      urusanUtama: innovations.urusanUtama,
      urusanIrisan: innovations.urusanIrisan,
      tematik: innovations.tematik,
      astaCita: innovations.astaCita,
      pkpnKlaster: innovations.pkpnKlaster,
      pkpnProgram: innovations.pkpnProgram,
      rancangBangun: innovations.rancangBangun,
      tujuan: innovations.tujuan,
      manfaat: innovations.manfaat,
      hasil: innovations.hasil,
      waktuUjiCoba: innovations.waktuUjiCoba,
      waktuPenerapan: innovations.waktuPenerapan,
      waktuPengembangan: innovations.waktuPengembangan,
      uraianPengembangan: innovations.uraianPengembangan,
      anggaran: innovations.anggaran,
      sumberAnggaran: innovations.sumberAnggaran,
    })
    .from(innovations)
    .innerJoin(units, and(eq(units.id, innovations.unitId), eq(units.regionCode, regionCode)))
    .where(and(eq(innovations.regionCode, regionCode), eq(innovations.periodId, periodId)))
    .orderBy(asc(units.name), asc(innovations.name), asc(innovations.id));
}

type ExportedInnovation = Awaited<ReturnType<typeof exportedInnovations>>[number];

/**
 * Profile parts 1.1–1.16 as the 2022–2023 national export numbers them; the 2026 form's fields sit under
 * the part they belong to (klasifikasi with the maker, the initiator's name with the initiator, Asta Cita
 * and PKPN with the urusan and tematik, the development with the dates, the amount and source with the
 * budget). This placement is Sinergi's default: the 2026 national layout was not found.
 */
function profileLines(
  r: ExportedInnovation,
  extra: { tematikName: string; kematangan: string; anggaranFiles: string; profilBisnisFiles: string },
): Array<[string, string, string]> {
  return [
    ['1.1', 'Nama inovasi', r.name],
    ['1.2', 'Dibuat oleh', r.unitName],
    ['1.2', 'Klasifikasi', label('klasifikasi', r.klasifikasi)],
    ['1.3', 'Tahapan', label('tahapan', r.tahapan)],
    ['1.4', 'Inisiator', label('inisiator', r.inisiator)],
    ['1.4', 'Nama inisiator', r.namaInisiator ?? ''],
    ['1.5', 'Jenis', label('jenis', r.jenis)],
    ['1.6', 'Bentuk', label('bentuk', r.bentuk)],
    ['1.7', 'Urusan utama', r.urusanUtama === null ? '' : (URUSAN_NAMES.get(r.urusanUtama) ?? r.urusanUtama)],
    ['1.7', 'Urusan irisan', r.urusanIrisan.map((u) => URUSAN_NAMES.get(u) ?? u).join('; ')],
    ['1.7', 'Tematik', extra.tematikName],
    ['1.7', 'Asta Cita', r.astaCita === null ? '' : (ASTA_CITA_NAMES.get(r.astaCita) ?? r.astaCita)],
    ['1.7', 'Klaster PKPN', r.pkpnKlaster === null ? '' : (PKPN_NAMES.get(r.pkpnKlaster) ?? r.pkpnKlaster)],
    ['1.7', 'Program PKPN', r.pkpnProgram ?? ''],
    ['1.8', 'Rancang bangun dan pokok perubahan yang dilakukan', r.rancangBangun],
    ['1.9', 'Tujuan', r.tujuan],
    ['1.10', 'Manfaat', r.manfaat],
    ['1.11', 'Hasil', r.hasil],
    ['1.12', 'Waktu uji coba', r.waktuUjiCoba ?? ''],
    ['1.13', 'Waktu implementasi / penerapan', r.waktuPenerapan ?? ''],
    ['1.13', 'Pengembangan terbaru', [r.waktuPengembangan ?? '', r.uraianPengembangan].filter(Boolean).join(': ')],
    ['1.14', 'Anggaran (Rp)', r.anggaran ?? ''],
    ['1.14', 'Sumber anggaran', label('sumberAnggaran', r.sumberAnggaran)],
    ['1.14', 'Dokumen anggaran', extra.anggaranFiles],
    ['1.15', 'Profil bisnis', extra.profilBisnisFiles],
    ['1.16', 'Kematangan', extra.kematangan],
  ];
}

function parameterText(indicator: IidIndicator, level: number): string {
  if (level === 0) return indicator.zeroLabel ?? 'Tidak diisi';
  const p = indicator.parameters.find((x) => x.level === level);
  return p === undefined ? String(level) : `${level}. ${p.label}`;
}

/** Two decimals, half-up, as the national application shows a score. */
const twoPlaces = (r: Ratio) => r.roundHalfUp(2).toFixed(2);

export async function nationalExportLines(db: DbOrTx, regionCode: string, periodId: string): Promise<{ year: number; lines: NationalExportLine[] }> {
  const period = await findIidPeriod(db, regionCode, periodId);
  if (!period) throw new AppError('NOT_FOUND');
  const { framework, projection } = await projectPeriodIid(db, regionCode, period);
  const structure = iidStructure(framework);
  const verifiedStatuses: readonly string[] = COUNTED_STATUSES.verified;
  const rows = (await exportedInnovations(db, regionCode, periodId)).filter((r) => verifiedStatuses.includes(r.status));
  const [answers, attachments, tematik] = await Promise.all([
    listPeriodAnswers(db, regionCode, periodId),
    listAttachments(
      db,
      regionCode,
      'innovation',
      rows.map((r) => r.id),
    ),
    tematikOptionsOfPeriod(db, regionCode, period),
  ]);
  const tematikNames = new Map(tematik.map((o) => [o.id, o.name]));
  const scores = new Map(projection.innovations.map((i) => [i.id, i.verifiedScore]));
  const answerIndex = new Map<string, IidAnswerRow>(answers.map((a) => [`${a.innovationId ?? ''}|${a.indicatorId}`, a]));
  const filesOf = (innovationId: string, slot: string) => attachments.filter((a) => a.ownerId === innovationId && a.slot === slot);

  const lines: NationalExportLine[] = [];
  for (const r of rows) {
    const profile = profileLines(r, {
      tematikName: r.tematik === null ? '' : (tematikNames.get(r.tematik) ?? r.tematik),
      kematangan: scores.get(r.id) ?? '',
      anggaranFiles: evidenceText(filesOf(r.id, 'anggaran')),
      profilBisnisFiles: evidenceText(filesOf(r.id, 'profil_bisnis')),
    });
    for (const [number, item, value] of profile) {
      lines.push({ part: 'Profil', number, item, innovation: r.name, value, evidence: '', kematangan: '' });
    }
    for (const indicator of structure.sid) {
      const level = answerLevel(answerOf(answerIndex.get(`${r.id}|${indicator.id}`)), 'verified');
      lines.push({
        part: 'Indikator',
        number: indicator.id,
        item: indicator.name,
        innovation: r.name,
        value: parameterText(indicator, level),
        evidence: evidenceText(filesOf(r.id, sidEvidenceTarget(indicator.id))),
        kematangan: twoPlaces(scoreAt(indicator, level)),
      });
    }
  }
  const spdScores: Ratio[] = [];
  for (const indicator of structure.spd) {
    const level = answerLevel(answerOf(answerIndex.get(`|${indicator.id}`)), 'verified');
    const score = scoreAt(indicator, level);
    spdScores.push(score);
    lines.push({
      part: 'SPD',
      number: indicator.id,
      item: indicator.name,
      innovation: '',
      value: parameterText(indicator, level),
      evidence: '',
      kematangan: twoPlaces(score),
    });
  }
  lines.push({
    part: 'SPD',
    number: '',
    item: 'Jumlah skor SPD (terverifikasi)',
    innovation: '',
    value: '',
    evidence: '',
    kematangan: twoPlaces(sumRatios(spdScores)),
  });
  return { year: period.year, lines };
}

const COLUMNS: SheetColumn<NationalExportLine>[] = [
  { header: 'Bagian', width: 11, value: (l) => l.part },
  { header: 'No', width: 7, value: (l) => l.number },
  { header: 'Butir', width: 40, value: (l) => l.item },
  { header: 'Inovasi', width: 36, value: (l) => l.innovation },
  { header: 'Isian', width: 60, value: (l) => l.value },
  { header: 'Bukti dukung', width: 40, value: (l) => l.evidence },
  // Text, not a number cell: the score is already rounded as published and must not be re-rounded.
  { header: 'Kematangan', width: 12, value: (l) => l.kematangan },
];

export async function exportForNational(db: DbOrTx, regionCode: string, periodId: string): Promise<{ year: number; file: Buffer }> {
  const { year, lines } = await nationalExportLines(db, regionCode, periodId);
  return { year, file: await writeSheet(`Ekspor IID ${year}`, COLUMNS, lines) };
}
