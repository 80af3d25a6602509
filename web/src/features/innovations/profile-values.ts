/**
 * The editor's copy of an innovation's profile: what the form holds (text inputs hold '' rather than
 * null, number inputs may hold ''), how it comes from the server's `innovation` and how it goes back
 * as the body of a save (`innovationUpdate`).
 */
import type { Innovation, InnovationUpdateInput } from '../../api/innovations.api.ts';

export interface ProfileValues {
  name: string;
  tahapan: string | null;
  inisiator: string | null;
  jenis: string | null;
  bentuk: string | null;
  urusanUtama: string | null;
  urusanIrisan: string[];
  tematik: string | null;
  /** '' or YYYY-MM-DD, as a date input gives it. */
  waktuUjiCoba: string;
  waktuPenerapan: string;
  /** Pengembangan terbaru: '' or YYYY-MM-DD, and what was developed. */
  waktuPengembangan: string;
  uraianPengembangan: string;
  rancangBangun: string;
  tujuan: string;
  manfaat: string;
  hasil: string;
  latitude: number | string;
  longitude: number | string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  /** '' or one of the region's RPJMD programme codes. */
  rpjmdProgramCode: string;
  // The 2026 form's fields; a draft kept in the browser before they existed lacks them.
  klasifikasi: string | null;
  astaCita: string | null;
  pkpnKlaster: string | null;
  pkpnProgram: string;
  /** Rupiah as typed: digits, at most two decimals (sent as text, never a float). */
  anggaran: string;
  sumberAnggaran: string | null;
  namaInisiator: string;
}

/** The keys added with the 2026 form: older drafts need not have them. */
const KEYS_2026 = ['klasifikasi', 'astaCita', 'pkpnKlaster', 'pkpnProgram', 'anggaran', 'sumberAnggaran', 'namaInisiator'] as const;

export const PROFILE_VALUE_KEYS = [
  'name',
  'tahapan',
  'inisiator',
  'jenis',
  'bentuk',
  'urusanUtama',
  'urusanIrisan',
  'tematik',
  'waktuUjiCoba',
  'waktuPenerapan',
  'waktuPengembangan',
  'uraianPengembangan',
  'rancangBangun',
  'tujuan',
  'manfaat',
  'hasil',
  'latitude',
  'longitude',
  'contactName',
  'contactPhone',
  'contactEmail',
  'rpjmdProgramCode',
  ...KEYS_2026,
] as const satisfies readonly (keyof ProfileValues)[];

export function valuesOf(innovation: Innovation): ProfileValues {
  return {
    name: innovation.name,
    tahapan: innovation.tahapan,
    inisiator: innovation.inisiator,
    jenis: innovation.jenis,
    bentuk: innovation.bentuk,
    urusanUtama: innovation.urusanUtama,
    urusanIrisan: innovation.urusanIrisan,
    tematik: innovation.tematik,
    waktuUjiCoba: innovation.waktuUjiCoba ?? '',
    waktuPenerapan: innovation.waktuPenerapan ?? '',
    waktuPengembangan: innovation.waktuPengembangan ?? '',
    uraianPengembangan: innovation.uraianPengembangan,
    rancangBangun: innovation.rancangBangun,
    tujuan: innovation.tujuan,
    manfaat: innovation.manfaat,
    hasil: innovation.hasil,
    latitude: innovation.latitude ?? '',
    longitude: innovation.longitude ?? '',
    contactName: innovation.contactName ?? '',
    contactPhone: innovation.contactPhone ?? '',
    contactEmail: innovation.contactEmail ?? '',
    rpjmdProgramCode: innovation.rpjmdProgramCode ?? '',
    klasifikasi: innovation.klasifikasi,
    astaCita: innovation.astaCita,
    pkpnKlaster: innovation.pkpnKlaster,
    pkpnProgram: innovation.pkpnProgram ?? '',
    // Stored as "150000000.00"; shown without the empty sen.
    anggaran: innovation.anggaran === null ? '' : innovation.anggaran.replace(/\.00$/, ''),
    sumberAnggaran: innovation.sumberAnggaran,
    namaInisiator: innovation.namaInisiator ?? '',
  };
}

function numberOrNull(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim().replace(',', '.');
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** The save body; empty optional fields become null, as the contract expects. */
export function toUpdateInput(values: ProfileValues, version: number): InnovationUpdateInput {
  return {
    name: values.name,
    tahapan: values.tahapan as InnovationUpdateInput['tahapan'],
    inisiator: values.inisiator as InnovationUpdateInput['inisiator'],
    jenis: values.jenis as InnovationUpdateInput['jenis'],
    bentuk: values.bentuk as InnovationUpdateInput['bentuk'],
    urusanUtama: values.urusanUtama,
    // The urusan utama is never also an irisan (the server drops it too).
    urusanIrisan: values.urusanIrisan.filter((u) => u !== values.urusanUtama),
    tematik: values.tematik as InnovationUpdateInput['tematik'],
    waktuUjiCoba: values.waktuUjiCoba || null,
    waktuPenerapan: values.waktuPenerapan || null,
    waktuPengembangan: values.waktuPengembangan || null,
    uraianPengembangan: values.uraianPengembangan,
    rancangBangun: values.rancangBangun,
    tujuan: values.tujuan,
    manfaat: values.manfaat,
    hasil: values.hasil,
    latitude: numberOrNull(values.latitude),
    longitude: numberOrNull(values.longitude),
    contactName: values.contactName,
    contactPhone: values.contactPhone,
    contactEmail: values.contactEmail,
    // A draft kept in the browser before this field existed has none.
    rpjmdProgramCode: values.rpjmdProgramCode || null,
    klasifikasi: (values.klasifikasi ?? null) as InnovationUpdateInput['klasifikasi'],
    astaCita: (values.astaCita ?? null) as InnovationUpdateInput['astaCita'],
    pkpnKlaster: (values.pkpnKlaster ?? null) as InnovationUpdateInput['pkpnKlaster'],
    pkpnProgram: values.pkpnProgram || null,
    anggaran: values.anggaran?.trim() || null,
    sumberAnggaran: (values.sumberAnggaran ?? null) as InnovationUpdateInput['sumberAnggaran'],
    namaInisiator: values.namaInisiator || null,
    version,
  };
}

/** Compares what would be saved, so '' and null, or 1 and '1', do not count as a change. */
export function isSameProfile(a: ProfileValues, b: ProfileValues): boolean {
  return JSON.stringify(toUpdateInput(a, 0)) === JSON.stringify(toUpdateInput(b, 0));
}

/** The fields whose saved form differs between `a` and `b`. */
export function changedFields(a: ProfileValues, b: ProfileValues): (keyof ProfileValues)[] {
  const left = toUpdateInput(a, 0);
  const right = toUpdateInput(b, 0);
  return PROFILE_VALUE_KEYS.filter((k) => JSON.stringify(left[k]) !== JSON.stringify(right[k]));
}

/** Checks that a stored object still has the shape of the form (an older app version may have written it). */
export function isProfileValues(value: unknown): value is ProfileValues {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    PROFILE_VALUE_KEYS.every((k) => k in v || (KEYS_2026 as readonly string[]).includes(k)) &&
    typeof v.name === 'string' &&
    Array.isArray(v.urusanIrisan) &&
    typeof v.rancangBangun === 'string'
  );
}
