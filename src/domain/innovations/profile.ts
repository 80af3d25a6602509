/**
 * Fields of an innovation's profile as the national IID application knows them (domain doc §1.2, §2.9):
 * tahapan, inisiator, jenis, bentuk, tematik and the urusan list, plus the rules that are checked while
 * typing (the rancang bangun's 300-word minimum).
 */
export const TAHAPAN = ['inisiatif', 'uji_coba', 'penerapan'] as const;
export const INISIATOR = ['kepala_daerah', 'anggota_dprd', 'opd', 'asn', 'masyarakat'] as const;
export const JENIS = ['digital', 'non_digital'] as const;
export const BENTUK = ['tata_kelola', 'pelayanan_publik', 'lainnya'] as const;
export const TEMATIK = [
  'digitalisasi_layanan',
  'penanggulangan_kemiskinan',
  'kemudahan_investasi',
  'prioritas_aktual_presiden',
  'non_tematik',
] as const;

/** The six urusan wajib pelayanan dasar (yandas), with the short ids the IID engine input uses. */
export const YANDAS = [
  { id: 'pendidikan', name: 'Pendidikan' },
  { id: 'kesehatan', name: 'Kesehatan' },
  { id: 'pupr', name: 'Pekerjaan Umum dan Penataan Ruang' },
  { id: 'perumahan', name: 'Perumahan Rakyat dan Kawasan Permukiman' },
  { id: 'trantibum', name: 'Ketenteraman, Ketertiban Umum dan Pelindungan Masyarakat' },
  { id: 'sosial', name: 'Sosial' },
] as const;

const NON_YANDAS_WAJIB = [
  ['tenaga_kerja', 'Tenaga Kerja'],
  ['p3a', 'Pemberdayaan Perempuan dan Pelindungan Anak'],
  ['pangan', 'Pangan'],
  ['pertanahan', 'Pertanahan'],
  ['lingkungan_hidup', 'Lingkungan Hidup'],
  ['adminduk', 'Administrasi Kependudukan dan Pencatatan Sipil'],
  ['pmd', 'Pemberdayaan Masyarakat dan Desa'],
  ['ppkb', 'Pengendalian Penduduk dan Keluarga Berencana'],
  ['perhubungan', 'Perhubungan'],
  ['kominfo', 'Komunikasi dan Informatika'],
  ['kukm', 'Koperasi, Usaha Kecil dan Menengah'],
  ['penanaman_modal', 'Penanaman Modal'],
  ['kepemudaan_olahraga', 'Kepemudaan dan Olahraga'],
  ['statistik', 'Statistik'],
  ['persandian', 'Persandian'],
  ['kebudayaan', 'Kebudayaan'],
  ['perpustakaan', 'Perpustakaan'],
  ['kearsipan', 'Kearsipan'],
] as const;

const PILIHAN = [
  ['kelautan_perikanan', 'Kelautan dan Perikanan'],
  ['pariwisata', 'Pariwisata'],
  ['pertanian', 'Pertanian'],
  ['kehutanan', 'Kehutanan'],
  ['esdm', 'Energi dan Sumber Daya Mineral'],
  ['perdagangan', 'Perdagangan'],
  ['perindustrian', 'Perindustrian'],
  ['transmigrasi', 'Transmigrasi'],
] as const;

const PENUNJANG = [
  ['perencanaan', 'Perencanaan'],
  ['keuangan', 'Keuangan'],
  ['kepegawaian', 'Kepegawaian'],
  ['diklat', 'Pendidikan dan Pelatihan'],
  ['litbang', 'Penelitian dan Pengembangan'],
  ['fungsi_lain', 'Fungsi lain sesuai ketentuan peraturan perundang-undangan'],
] as const;

export type UrusanGroup = 'wajib_yandas' | 'wajib_non_yandas' | 'pilihan' | 'penunjang';

export interface Urusan {
  id: string;
  name: string;
  group: UrusanGroup;
}

/**
 * The national application's list, 38 entries: 6 yandas, 18 wajib non-pelayanan dasar, 8 pilihan, then the
 * supporting functions ending with "Fungsi lain". Pengawasan and Kesekretariatan are not in it: an
 * inspectorate's or a secretariat's innovation is filed under "Fungsi lain" there (and was moved so here).
 */
export const URUSAN: readonly Urusan[] = [
  ...YANDAS.map((u) => ({ id: u.id, name: u.name, group: 'wajib_yandas' as const })),
  ...NON_YANDAS_WAJIB.map(([id, name]) => ({ id, name, group: 'wajib_non_yandas' as const })),
  ...PILIHAN.map(([id, name]) => ({ id, name, group: 'pilihan' as const })),
  ...PENUNJANG.map(([id, name]) => ({ id, name, group: 'penunjang' as const })),
];

export const RANCANG_BANGUN_MIN_WORDS = 300;

/** Words as a reader counts them: runs of letters or digits (hyphenated words count once). */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu);
  return matches ? matches.length : 0;
}

export function isYandas(urusanId: string): boolean {
  return YANDAS.some((u) => u.id === urusanId);
}
