/**
 * Words for the innovation profile's vocabularies (src/domain/innovations/profile.ts) and the workflow
 * statuses, in both languages. The records are typed by the domain's own lists, so a new value there
 * fails to compile here until it has a label. Urusan keep their official Indonesian names in both
 * languages (they are the names of UU 23/2014); only their groups are translated.
 */
import {
  ASTA_CITA,
  BENTUK,
  INISIATOR,
  JENIS,
  KLASIFIKASI,
  PKPN_KLASTER,
  SUMBER_ANGGARAN,
  TAHAPAN,
  TEMATIK,
  URUSAN,
  type Urusan,
  type UrusanGroup,
  YANDAS,
} from '#domain/innovations/profile.ts';
import { INNOVATION_STATUSES, type InnovationStatus, type WorkflowAction } from '#domain/innovations/workflow.ts';
import type { Bilingual } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.id.ts';

export {
  ASTA_CITA,
  BENTUK,
  INISIATOR,
  INNOVATION_STATUSES,
  JENIS,
  KLASIFIKASI,
  PKPN_KLASTER,
  SUMBER_ANGGARAN,
  TAHAPAN,
  TEMATIK,
  URUSAN,
  YANDAS,
  type InnovationStatus,
  type WorkflowAction,
};

export type Tahapan = (typeof TAHAPAN)[number];
export type Jenis = (typeof JENIS)[number];

export const STATUS_LABELS: Record<InnovationStatus, Bilingual> = {
  draft: { id: 'Draf', en: 'Draft' },
  diajukan: { id: 'Diajukan', en: 'Submitted' },
  dikembalikan: { id: 'Dikembalikan', en: 'Returned' },
  terverifikasi: { id: 'Terverifikasi', en: 'Verified' },
  ditolak: { id: 'Ditolak', en: 'Rejected' },
};

/** Gray while a draft, blue while waiting for review, orange when it needs the operator, green/red when decided. */
export const STATUS_COLORS: Record<InnovationStatus, string> = {
  draft: 'gray',
  diajukan: 'blue',
  dikembalikan: 'orange',
  terverifikasi: 'green',
  ditolak: 'red',
};

export const TAHAPAN_LABELS: Record<(typeof TAHAPAN)[number], Bilingual> = {
  inisiatif: { id: 'Inisiatif', en: 'Initiative' },
  uji_coba: { id: 'Uji coba', en: 'Trial' },
  penerapan: { id: 'Penerapan', en: 'Implementation' },
};

export const INISIATOR_LABELS: Record<(typeof INISIATOR)[number], Bilingual> = {
  kepala_daerah: { id: 'Kepala daerah', en: 'Regional head' },
  anggota_dprd: { id: 'Anggota DPRD', en: 'Member of the regional parliament (DPRD)' },
  opd: { id: 'OPD', en: 'Regional agency (OPD)' },
  asn: { id: 'ASN', en: 'Civil servant (ASN)' },
  masyarakat: { id: 'Masyarakat', en: 'Community' },
};

export const JENIS_LABELS: Record<(typeof JENIS)[number], Bilingual> = {
  digital: { id: 'Digital', en: 'Digital' },
  non_digital: { id: 'Non digital', en: 'Non-digital' },
};

export const BENTUK_LABELS: Record<(typeof BENTUK)[number], Bilingual> = {
  tata_kelola: { id: 'Inovasi tata kelola pemerintahan daerah', en: 'Regional governance innovation' },
  pelayanan_publik: { id: 'Inovasi pelayanan publik', en: 'Public service innovation' },
  lainnya: { id: 'Inovasi daerah lainnya sesuai urusan pemerintahan', en: 'Other innovation within a government affair' },
};

export const TEMATIK_LABELS: Record<(typeof TEMATIK)[number], Bilingual> = {
  digitalisasi_layanan: { id: 'Digitalisasi layanan pemerintahan', en: 'Digitalised government services' },
  penanggulangan_kemiskinan: { id: 'Penanggulangan kemiskinan', en: 'Poverty reduction' },
  kemudahan_investasi: { id: 'Kemudahan investasi', en: 'Ease of investment' },
  prioritas_aktual_presiden: { id: 'Prioritas aktual presiden', en: 'Current presidential priorities' },
  non_tematik: { id: 'Non tematik', en: 'Non-thematic' },
};

export const KLASIFIKASI_LABELS: Record<(typeof KLASIFIKASI)[number], Bilingual> = {
  perangkat_daerah: { id: 'Inovasi Perangkat Daerah', en: 'Regional agency innovation' },
  desa: { id: 'Inovasi Desa', en: 'Village innovation' },
  masyarakat: { id: 'Inovasi Masyarakat', en: 'Community innovation' },
};

/** The Asta Cita keep their official Indonesian text in both languages, numbered as the form numbers them. */
export const ASTA_CITA_LABELS: Record<string, Bilingual> = Object.fromEntries(
  ASTA_CITA.map((a) => [a.id, { id: `${a.id}. ${a.name}`, en: `${a.id}. ${a.name}` }]),
);

export const PKPN_KLASTER_LABELS: Record<string, Bilingual> = Object.fromEntries(PKPN_KLASTER.map((k) => [k.id, { id: k.name, en: k.name }]));

export const SUMBER_ANGGARAN_LABELS: Record<(typeof SUMBER_ANGGARAN)[number], Bilingual> = {
  apbd: { id: 'APBD', en: 'Regional budget (APBD)' },
  apbdes: { id: 'APBDes', en: 'Village budget (APBDes)' },
  apbn: { id: 'APBN', en: 'State budget (APBN)' },
  swasta: { id: 'Swasta', en: 'Private' },
  lainnya: { id: 'Lainnya', en: 'Other' },
};

export const URUSAN_GROUP_LABELS: Record<UrusanGroup, Bilingual> = {
  wajib_yandas: { id: 'Wajib pelayanan dasar (yandas)', en: 'Mandatory, basic services (yandas)' },
  wajib_non_yandas: { id: 'Wajib non-pelayanan dasar', en: 'Mandatory, non-basic services' },
  pilihan: { id: 'Pilihan', en: 'Optional affairs' },
  penunjang: { id: 'Fungsi penunjang', en: 'Supporting functions' },
};

export const URUSAN_GROUPS: readonly UrusanGroup[] = ['wajib_yandas', 'wajib_non_yandas', 'pilihan', 'penunjang'];

const URUSAN_BY_ID = new Map<string, Urusan>(URUSAN.map((u) => [u.id, u]));

export function urusanOf(id: string | null | undefined): Urusan | undefined {
  return id ? URUSAN_BY_ID.get(id) : undefined;
}

export function urusanName(id: string | null | undefined): string {
  return (id && URUSAN_BY_ID.get(id)?.name) ?? id ?? '';
}

/** A label from one of the records above for a value the server sent as a plain string. */
export function labelIn<K extends string>(labels: Record<K, Bilingual>, value: string | null | undefined): Bilingual | null {
  if (!value) return null;
  return (labels as Record<string, Bilingual | undefined>)[value] ?? { id: value, en: value };
}

export function isStatus(value: string | null | undefined): value is InnovationStatus {
  return INNOVATION_STATUSES.some((s) => s === value);
}

export function isTahapan(value: string | null | undefined): value is Tahapan {
  return TAHAPAN.some((s) => s === value);
}

export function isJenis(value: string | null | undefined): value is Jenis {
  return JENIS.some((s) => s === value);
}

export function isUrusan(value: string | null | undefined): boolean {
  return value ? URUSAN_BY_ID.has(value) : false;
}

/**
 * The profile's fields in the order of the national form, with their labels: used by the form, the
 * read-only view, the verifier's return dialog (a note per field) and the timeline. `anggaran` and
 * `profil_bisnis` are the two document slots of the profile; `buktiDukung` is the rest of the evidence.
 */
export const PROFILE_FIELDS = [
  { field: 'name', label: 'field.name' },
  { field: 'tahapan', label: 'field.tahapan' },
  { field: 'inisiator', label: 'field.inisiator' },
  { field: 'jenis', label: 'field.jenis' },
  { field: 'bentuk', label: 'field.bentuk' },
  { field: 'urusanUtama', label: 'field.urusanUtama' },
  { field: 'urusanIrisan', label: 'field.urusanIrisan' },
  { field: 'tematik', label: 'field.tematik' },
  { field: 'waktuUjiCoba', label: 'field.waktuUjiCoba' },
  { field: 'waktuPenerapan', label: 'field.waktuPenerapan' },
  { field: 'waktuPengembangan', label: 'editor.waktuPengembangan' },
  { field: 'uraianPengembangan', label: 'editor.uraianPengembangan' },
  { field: 'rancangBangun', label: 'field.rancangBangun' },
  { field: 'tujuan', label: 'field.tujuan' },
  { field: 'manfaat', label: 'field.manfaat' },
  { field: 'hasil', label: 'field.hasil' },
  { field: 'anggaran', label: 'field.anggaran' },
  { field: 'profil_bisnis', label: 'field.profilBisnis' },
  { field: 'buktiDukung', label: 'field.buktiDukung' },
  { field: 'koordinat', label: 'field.koordinat' },
  { field: 'narahubung', label: 'field.narahubung' },
] as const satisfies readonly { field: string; label: MessageKey }[];

const FIELD_LABELS = new Map<string, MessageKey>([
  ...PROFILE_FIELDS.map((f) => [f.field, f.label] as const),
  // Names the server may use for the same things.
  ['latitude', 'field.koordinat'],
  ['longitude', 'field.koordinat'],
  ['contactName', 'field.contactName'],
  ['contactPhone', 'field.contactPhone'],
  ['contactEmail', 'field.contactEmail'],
  ['rpjmdProgramCode', 'field.rpjmdProgramCode'],
  ['klasifikasi', 'field.klasifikasi'],
  ['astaCita', 'field.astaCita'],
  ['pkpnKlaster', 'field.pkpnKlaster'],
  ['pkpnProgram', 'field.pkpnProgram'],
  ['sumberAnggaran', 'field.sumberAnggaran'],
  ['namaInisiator', 'field.namaInisiator'],
  ['umum', 'field.buktiDukung'],
]);

/** The label of a field named by the server (a review note, a validation issue), or null when unknown. */
export function fieldLabelKey(field: string): MessageKey | null {
  return FIELD_LABELS.get(field) ?? null;
}

/** The words of a timeline step; unknown steps show as the server names them. */
export const TIMELINE_ACTIONS: Record<string, MessageKey> = {
  created: 'timeline.created',
  imported: 'timeline.imported',
  submit: 'timeline.submit',
  return: 'timeline.return',
  verify: 'timeline.verify',
  reject: 'timeline.reject',
  carried_over: 'timeline.carriedOver',
  carried_forward: 'timeline.carriedForward',
  edited_after_verification: 'timeline.editedAfterVerification',
};
