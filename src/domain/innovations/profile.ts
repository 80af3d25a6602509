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

// ---- the 2026 profile fields (fidelity notes: SIMONDA's 2026 form) --------------------------------

/** Who the innovation belongs to: a regional agency, a village, or the community (Inovasi Perangkat Daerah / Desa / Masyarakat). */
export const KLASIFIKASI = ['perangkat_daerah', 'desa', 'masyarakat'] as const;

/**
 * The eight Asta Cita, the President's 2025–2029 mission (RPJMN 2025–2029), as the 2026 form asks which one
 * the innovation serves. The national form numbers them 1–8; the texts are the RPJMN's.
 */
export const ASTA_CITA = [
  { id: '1', name: 'Memperkokoh ideologi Pancasila, demokrasi, dan hak asasi manusia' },
  {
    id: '2',
    name: 'Memantapkan sistem pertahanan keamanan negara dan mendorong kemandirian bangsa melalui swasembada pangan, energi, air, ekonomi kreatif, ekonomi hijau, dan ekonomi biru',
  },
  {
    id: '3',
    name: 'Meningkatkan lapangan kerja yang berkualitas, mendorong kewirausahaan, mengembangkan industri kreatif, dan melanjutkan pengembangan infrastruktur',
  },
  {
    id: '4',
    name: 'Memperkuat pembangunan sumber daya manusia, sains, teknologi, pendidikan, kesehatan, prestasi olahraga, kesetaraan gender, serta penguatan peran perempuan, pemuda, dan penyandang disabilitas',
  },
  { id: '5', name: 'Melanjutkan hilirisasi dan industrialisasi untuk meningkatkan nilai tambah di dalam negeri' },
  { id: '6', name: 'Membangun dari desa dan dari bawah untuk pertumbuhan ekonomi, pemerataan ekonomi, dan pemberantasan kemiskinan' },
  { id: '7', name: 'Memperkuat reformasi politik, hukum, dan birokrasi, serta memperkuat pencegahan dan pemberantasan korupsi dan narkoba' },
  {
    id: '8',
    name: 'Memperkuat penyelarasan kehidupan yang harmonis dengan lingkungan, alam, dan budaya, serta peningkatan toleransi antarumat beragama untuk mencapai masyarakat yang adil dan makmur',
  },
] as const;
export const ASTA_CITA_IDS = ASTA_CITA.map((a) => a.id) as unknown as readonly [
  (typeof ASTA_CITA)[number]['id'],
  ...(typeof ASTA_CITA)[number]['id'][],
];

/**
 * The clusters of the national priority programmes (PKPN) the 2026 form groups innovations by, with
 * "Non PKPN" for the rest. The programme inside a cluster is free text (the form asks for its name; no
 * official list of programmes was found).
 */
export const PKPN_KLASTER = [
  { id: 'pangan', name: 'Kedaulatan Pangan' },
  { id: 'energi_air', name: 'Kemandirian Energi dan Air' },
  { id: 'pendidikan', name: 'Pendidikan' },
  { id: 'kesehatan', name: 'Kesehatan' },
  { id: 'hilirisasi', name: 'Hilirisasi dan Industrialisasi' },
  { id: 'infrastruktur', name: 'Infrastruktur Perumahan dan Ketahanan Bencana' },
  { id: 'ekonomi_desa', name: 'Ekonomi Kerakyatan dan Desa' },
  { id: 'kemiskinan', name: 'Penurunan Kemiskinan' },
  { id: 'non_pkpn', name: 'Non PKPN' },
] as const;
export const PKPN_KLASTER_IDS = PKPN_KLASTER.map((k) => k.id) as unknown as readonly [
  (typeof PKPN_KLASTER)[number]['id'],
  ...(typeof PKPN_KLASTER)[number]['id'][],
];

/** Where the innovation's budget comes from. */
export const SUMBER_ANGGARAN = ['apbd', 'apbdes', 'apbn', 'swasta', 'lainnya'] as const;

/** The largest budget the column holds (numeric(15,2)): just under ten trillion rupiah. */
export const ANGGARAN_MAX = '9999999999999.99';

/**
 * An amount of rupiah as typed: digits with at most two decimals after a point, no sign (a budget is
 * never negative). Kept as text end to end so that no amount passes through a binary float.
 */
export const ANGGARAN_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;

/** The tematik a framework offers when its file lists none: the 2023 form's list (older frameworks keep it). */
export const DEFAULT_TEMATIK_OPTIONS: ReadonlyArray<{ id: string; name: string }> = [
  { id: 'digitalisasi_layanan', name: 'Digitalisasi layanan pemerintahan' },
  { id: 'penanggulangan_kemiskinan', name: 'Penanggulangan kemiskinan' },
  { id: 'kemudahan_investasi', name: 'Kemudahan investasi' },
  { id: 'prioritas_aktual_presiden', name: 'Prioritas aktual presiden' },
  { id: 'non_tematik', name: 'Non tematik' },
];

/**
 * The tematik an innovation may name, from the IID framework that scores its period (framework data, so a
 * new year's list is a new file); a framework without a list offers the 2023 form's.
 */
export function tematikOptions(framework: { innovationProfile?: { tematik?: ReadonlyArray<{ id: string; name: string }> | undefined } | undefined }) {
  return framework.innovationProfile?.tematik ?? DEFAULT_TEMATIK_OPTIONS;
}
