/**
 * Headings of the projection's warnings, by code, in both languages (the messages themselves come from
 * the server, in Indonesian, with the numbers of the case). Typed by the domain's list of codes.
 */
import type { IidWarningCode } from '#domain/iid/projection.ts';
import type { Bilingual } from '../../i18n/i18n.tsx';

export const WARNING_LABELS: Record<IidWarningCode, Bilingual> = {
  EMPTY_SEATS: { id: 'Kursi kosong di bawah pembagi', en: 'Empty seats under the divisor' },
  YANDAS_SHORT: { id: 'Cakupan urusan pelayanan dasar kurang', en: 'Basic-service affairs not covered' },
  DEFAULT_USED: { id: 'Nilai bawaan dipakai', en: 'Default values used' },
  MANDATORY_UNFILLED: { id: 'Indikator wajib belum diisi', en: 'Mandatory indicators unfilled' },
  EVIDENCE_MISSING: { id: 'Bukti dukung belum ada', en: 'Evidence missing' },
  RANCANG_BANGUN_SHORT: { id: 'Rancang bangun terlalu pendek', en: 'Design text too short' },
  PENERAPAN_OUTSIDE_WINDOW: { id: 'Waktu penerapan di luar rentang', en: 'Implementation date outside the window' },
  PENERAPAN_MISSING: { id: 'Waktu penerapan belum diisi', en: 'Implementation date missing' },
  BASIS_UKUR_MISSING: { id: 'Basis ukur belum dipilih', en: 'Measurement basis not chosen' },
  NOT_COUNTED_VERIFIED: { id: 'Terverifikasi tetapi belum layak', en: 'Verified but not eligible' },
  FRAMEWORK_ASSUMED: { id: 'Pedoman tahun lain dipakai', en: "Another year's rules assumed" },
};

/** The heading of a warning code, or the code itself for one this version does not know yet. */
export function warningLabel(code: string): Bilingual {
  return (WARNING_LABELS as Record<string, Bilingual | undefined>)[code] ?? { id: code, en: code };
}

/** How urgent a code is: what lowers the index now first. */
export const WARNING_COLORS: Record<string, string> = {
  EMPTY_SEATS: 'red',
  YANDAS_SHORT: 'red',
  MANDATORY_UNFILLED: 'orange',
  EVIDENCE_MISSING: 'orange',
  RANCANG_BANGUN_SHORT: 'orange',
  PENERAPAN_OUTSIDE_WINDOW: 'orange',
  PENERAPAN_MISSING: 'orange',
  NOT_COUNTED_VERIFIED: 'orange',
  BASIS_UKUR_MISSING: 'yellow',
  DEFAULT_USED: 'yellow',
  FRAMEWORK_ASSUMED: 'blue',
};
