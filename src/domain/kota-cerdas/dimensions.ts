/**
 * The national guide's default structure of a smart-city masterplan (Gerakan Menuju Smart City): six
 * dimensions of three elements each. A new masterplan starts from this; the region then renames or
 * extends it, so the structure is data the region owns, not code.
 */
export interface DefaultDimension {
  code: string;
  name: string;
  elements: { code: string; name: string }[];
}

export const DEFAULT_DIMENSIONS: readonly DefaultDimension[] = [
  {
    code: 'governance',
    name: 'Smart Governance',
    elements: [
      { code: 'layanan_publik', name: 'Layanan Publik' },
      { code: 'birokrasi', name: 'Tata Kelola Birokrasi' },
      { code: 'kebijakan', name: 'Kebijakan Publik' },
    ],
  },
  {
    code: 'branding',
    name: 'Smart Branding',
    elements: [
      { code: 'pariwisata', name: 'Branding Pariwisata' },
      { code: 'bisnis', name: 'Branding Bisnis' },
      { code: 'wajah_kota', name: 'Branding Wajah Kota' },
    ],
  },
  {
    code: 'economy',
    name: 'Smart Economy',
    elements: [
      { code: 'industri', name: 'Industri' },
      { code: 'kesejahteraan', name: 'Kesejahteraan Rakyat' },
      { code: 'transaksi', name: 'Ekosistem Transaksi Keuangan' },
    ],
  },
  {
    code: 'living',
    name: 'Smart Living',
    elements: [
      { code: 'harmonisasi', name: 'Harmonisasi Tata Ruang dan Lingkungan Hidup' },
      { code: 'kesehatan', name: 'Kesehatan' },
      { code: 'mobilitas', name: 'Mobilitas dan Transportasi' },
    ],
  },
  {
    code: 'society',
    name: 'Smart Society',
    elements: [
      { code: 'komunitas', name: 'Komunitas' },
      { code: 'pendidikan', name: 'Ekosistem Belajar' },
      { code: 'keamanan', name: 'Keamanan' },
    ],
  },
  {
    code: 'environment',
    name: 'Smart Environment',
    elements: [
      { code: 'proteksi', name: 'Proteksi Lingkungan' },
      { code: 'sampah', name: 'Pengelolaan Sampah dan Limbah' },
      { code: 'energi', name: 'Energi' },
    ],
  },
];

/** Quick wins are the fast, visible programmes of the mentoring; the others follow the plan's horizon. */
export const PROGRAMME_KINDS = ['quick_win', 'jangka_pendek', 'jangka_menengah', 'jangka_panjang'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

/** A quarter's state as the lead unit reports it; `terhambat` needs the reason. */
export const PROGRESS_STATUSES = ['berjalan', 'selesai', 'terhambat'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** A programme's status on the lists: its last report's, or `belum_dilaporkan` before the first. */
export const PROGRAMME_STATUSES = ['belum_dilaporkan', ...PROGRESS_STATUSES] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/** APBD first, then the non-APBD sources evaluators ask about. */
export const FUNDING_SOURCES = ['apbd', 'apbn', 'csr', 'kpbu', 'hibah'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
