/**
 * Words for the survey's fixed vocabularies in both languages: the nine unsur of PermenPANRB 14/2017
 * (their names are the regulation's, so Indonesian stays first in English too), the respondent groups
 * and their values, and the follow-up statuses. Typed by the domain's lists, so a new value fails to
 * compile here until it has a label.
 */
import { RESPONDENT_GROUPS, type RespondentGroup, UNSUR_KEYS, type UnsurKey } from '#domain/services/skm.ts';
import type { Bilingual } from '../../i18n/i18n.tsx';

export { RESPONDENT_GROUPS, UNSUR_KEYS, type RespondentGroup, type UnsurKey };

export const UNSUR_LABELS: Record<UnsurKey, Bilingual> = {
  U1: { id: 'Persyaratan', en: 'Requirements' },
  U2: { id: 'Sistem, mekanisme, dan prosedur', en: 'System, mechanism and procedure' },
  U3: { id: 'Waktu penyelesaian', en: 'Completion time' },
  U4: { id: 'Biaya/tarif', en: 'Cost/fee' },
  U5: { id: 'Produk spesifikasi jenis pelayanan', en: 'Service product specification' },
  U6: { id: 'Kompetensi pelaksana', en: 'Staff competence' },
  U7: { id: 'Perilaku pelaksana', en: 'Staff behaviour' },
  U8: { id: 'Penanganan pengaduan, saran dan masukan', en: 'Handling of complaints and suggestions' },
  U9: { id: 'Sarana dan prasarana', en: 'Facilities and infrastructure' },
};

export const isUnsurKey = (key: string | null): key is UnsurKey => key !== null && (UNSUR_KEYS as readonly string[]).includes(key);

export const GROUP_LABELS: Record<RespondentGroup, Bilingual> = {
  gender: { id: 'Jenis kelamin', en: 'Gender' },
  ageGroup: { id: 'Usia', en: 'Age' },
  education: { id: 'Pendidikan', en: 'Education' },
  occupation: { id: 'Pekerjaan', en: 'Occupation' },
  vulnerable: { id: 'Kelompok rentan', en: 'Vulnerable group' },
};

export const GROUP_KEYS = Object.keys(RESPONDENT_GROUPS) as RespondentGroup[];

const VALUE_LABELS: Record<string, Bilingual> = {
  laki_laki: { id: 'Laki-laki', en: 'Male' },
  perempuan: { id: 'Perempuan', en: 'Female' },
  '<20': { id: 'Di bawah 20 tahun', en: 'Under 20' },
  '20-29': { id: '20–29 tahun', en: '20–29 years' },
  '30-39': { id: '30–39 tahun', en: '30–39 years' },
  '40-49': { id: '40–49 tahun', en: '40–49 years' },
  '50-59': { id: '50–59 tahun', en: '50–59 years' },
  '60+': { id: '60 tahun ke atas', en: '60 and over' },
  tidak_sekolah: { id: 'Tidak sekolah', en: 'No schooling' },
  sd: { id: 'SD', en: 'Primary school' },
  smp: { id: 'SMP', en: 'Junior high school' },
  sma: { id: 'SMA/SMK', en: 'Senior high school' },
  diploma: { id: 'Diploma (D1–D4)', en: 'Diploma' },
  s1: { id: 'Sarjana (S1)', en: "Bachelor's degree" },
  s2_s3: { id: 'S2/S3', en: "Master's or doctorate" },
  pns_tni_polri: { id: 'PNS/TNI/Polri', en: 'Civil servant/military/police' },
  pegawai_swasta: { id: 'Pegawai swasta', en: 'Private employee' },
  wiraswasta: { id: 'Wiraswasta', en: 'Self-employed' },
  pelajar_mahasiswa: { id: 'Pelajar/mahasiswa', en: 'Student' },
  petani_nelayan: { id: 'Petani/nelayan', en: 'Farmer/fisher' },
  ibu_rumah_tangga: { id: 'Ibu rumah tangga', en: 'Homemaker' },
  tidak: { id: 'Bukan kelompok rentan', en: 'Not vulnerable' },
  disabilitas: { id: 'Penyandang disabilitas', en: 'Person with a disability' },
  lansia: { id: 'Lanjut usia', en: 'Elderly' },
  ibu_hamil_menyusui: { id: 'Ibu hamil/menyusui', en: 'Pregnant or nursing' },
  anak: { id: 'Anak', en: 'Child' },
};

/** A group value's words; `null` is a respondent who did not say, `lainnya` differs by group only in name. */
export function groupValueLabel(value: string | null): Bilingual {
  if (value === null) return { id: 'Tidak diisi', en: 'Not stated' };
  if (value === 'lainnya') return { id: 'Lainnya', en: 'Other' };
  return VALUE_LABELS[value] ?? { id: value, en: value };
}

export const FOLLOW_UP_STATUSES = ['direncanakan', 'berjalan', 'selesai'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, Bilingual> = {
  direncanakan: { id: 'Direncanakan', en: 'Planned' },
  berjalan: { id: 'Berjalan', en: 'In progress' },
  selesai: { id: 'Selesai', en: 'Done' },
};

export const FOLLOW_UP_STATUS_COLORS: Record<FollowUpStatus, string> = {
  direncanakan: 'gray',
  berjalan: 'blue',
  selesai: 'green',
};

/** Mutu pelayanan A–D: the colour reads from good to poor. */
export const GRADE_COLORS: Record<string, string> = { A: 'green', B: 'teal', C: 'orange', D: 'red' };
