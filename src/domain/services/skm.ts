/**
 * The Survei Kepuasan Masyarakat as the region collects it: the nine unsur keys (stable keys, never
 * positions: many apps swap U8 and U9), the respondent profile the questionnaire asks, and the ways an
 * answer arrives. Scoring itself is the `ikm` framework's (src/domain/scoring/ikm.ts).
 */
export const UNSUR_KEYS = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'] as const;
export type UnsurKey = (typeof UNSUR_KEYS)[number];

export const GENDERS = ['laki_laki', 'perempuan'] as const;
export const AGE_GROUPS = ['<20', '20-29', '30-39', '40-49', '50-59', '60+'] as const;
export const EDUCATIONS = ['tidak_sekolah', 'sd', 'smp', 'sma', 'diploma', 's1', 's2_s3'] as const;
export const OCCUPATIONS = [
  'pns_tni_polri',
  'pegawai_swasta',
  'wiraswasta',
  'pelajar_mahasiswa',
  'petani_nelayan',
  'ibu_rumah_tangga',
  'lainnya',
] as const;
/** Kelompok rentan, as the 2026 Pemdi assessor asks the SKM to include them. */
export const VULNERABLE = ['tidak', 'disabilitas', 'lansia', 'ibu_hamil_menyusui', 'anak', 'lainnya'] as const;
export const CHANNELS = ['tautan', 'kiosk', 'kertas'] as const;

/** The respondent groups results are broken down by. */
export const RESPONDENT_GROUPS = {
  gender: GENDERS,
  ageGroup: AGE_GROUPS,
  education: EDUCATIONS,
  occupation: OCCUPATIONS,
  vulnerable: VULNERABLE,
} as const;
export type RespondentGroup = keyof typeof RESPONDENT_GROUPS;

/** Default question wording per unsur (the region edits it per period; the unsur stay). */
export const DEFAULT_QUESTIONS: Record<UnsurKey, { question: string; options: [string, string, string, string] }> = {
  U1: {
    question: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
    options: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  U2: {
    question: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
    options: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  },
  U3: {
    question: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
    options: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  },
  U4: {
    question: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
    options: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
  },
  U5: {
    question:
      'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
    options: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  U6: {
    question: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
    options: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  },
  U7: {
    question: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
    options: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  U8: {
    question: 'Bagaimana pendapat Saudara tentang penanganan pengaduan, saran dan masukan pengguna layanan?',
    options: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
  U9: { question: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?', options: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'] },
};
