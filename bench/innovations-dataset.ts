/**
 * Innovations for the national benchmark dataset: every region gets five periods (2022–2026) and about
 * 60 innovations in each (50–70), ≈165,000 in all, so that the innovation list and the public search run
 * on what a national install would hold after five years.
 *
 * The innovations read like the real ones: the proposing unit decides the urusan (Dinas Kesehatan and
 * the puskesmas propose about kesehatan, schools about pendidikan, a kecamatan about adminduk or
 * trantibum...), names are built from word lists ("Layanan Imunisasi Balita Keliling (LIBK)", "Posko
 * Lansia Sehat (POLASE)", "Sistem Informasi Antrean Puskesmas Terpadu"), tujuan/manfaat/hasil from
 * sentence templates, so that Indonesian full-text search has something to find, and rancang bangun
 * reaches the 300-word minimum for submitted ones. Past periods are mostly verified, the current one (2026) is in every status; about a
 * quarter of each year's list is carried over from the previous year's verified innovations.
 *
 * Deterministic: its own generator, seeded from the dataset's seed, walks the regions in code order.
 * Rows are generated one region at a time and inserted in multi-row batches while the next batch is
 * generated, so the whole set is never held in memory; the full-text index is built once at the end.
 */
import { sql } from 'drizzle-orm';
import { BENTUK, INISIATOR, URUSAN, YANDAS } from '#domain/innovations/profile.ts';
import type { Db } from '#server/db/client.ts';
import { innovations, periods } from '#server/db/schema.ts';
import { createRng, type Dataset, personName, type RegionInfo, type Rng, uuidFrom } from './dataset.ts';

export const INNOVATION_YEARS = [2022, 2023, 2024, 2025, 2026] as const;
/** The period in progress: its innovations are in every status. */
export const CURRENT_YEAR = 2026;
const INNOVATION_BATCH_ROWS = 500;

type PeriodInsert = typeof periods.$inferInsert & { id: string };
type InnovationInsert = typeof innovations.$inferInsert & { id: string };
type Status = 'draft' | 'diajukan' | 'dikembalikan' | 'terverifikasi' | 'ditolak';
type UnitRow = Dataset['units'][number];

export interface InnovationSummary {
  periods: number;
  innovations: number;
  years: number[];
  byYear: Record<string, number>;
  byStatus: Record<string, number>;
  /** Verified innovations (what the public catalogue shows). */
  published: number;
  carriedOver: number;
  /** The bench region's current period, which the list benchmark reads, and its size. */
  benchPeriod: { id: string; year: number; innovations: number };
  seconds: number;
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Picks by weight: [[value, weight], ...]. */
function weighted<T>(rng: Rng, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  const last = choices[choices.length - 1];
  if (last === undefined) throw new Error('weighted pick from an empty list');
  return last[0];
}

const DAY_MS = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const dateIn = (rng: Rng, year: number, fromMonth: number, toMonth: number) =>
  new Date(
    Date.UTC(year, fromMonth - 1, 1) +
      Math.floor(rng() * (Date.UTC(year, toMonth, 0) - Date.UTC(year, fromMonth - 1, 1))) +
      intBetween(rng, 1, 9) * 3_600_000,
  );

// ---------------------------------------------------------------------------------------------------
// Word lists

/** What innovations are about, per urusan (Title Case; lower-cased inside sentences). */
const TOPICS: Record<string, readonly string[]> = {
  pendidikan: [
    'Literasi Baca Tulis',
    'Beasiswa Siswa Kurang Mampu',
    'Anak Putus Sekolah',
    'Guru Penggerak',
    'Pembelajaran Jarak Jauh',
    'Pendidikan Anak Usia Dini',
    'Numerasi Dasar',
    'Penerimaan Peserta Didik Baru',
    'Sekolah Ramah Anak',
    'Kelas Inklusi',
  ],
  kesehatan: [
    'Kesehatan Ibu dan Anak',
    'Imunisasi Balita',
    'Pencegahan Stunting',
    'Gizi Balita',
    'Lansia Sehat',
    'Antrean Puskesmas',
    'Deteksi Dini Tuberkulosis',
    'Kesehatan Jiwa',
    'Rujukan Pasien',
    'Pemeriksaan Kesehatan Gratis',
    'Sanitasi Total Berbasis Masyarakat',
    'Penanganan Demam Berdarah',
    'Kesehatan Remaja',
    'Persalinan Aman',
  ],
  pupr: [
    'Jalan Lingkungan',
    'Drainase Perkotaan',
    'Perizinan Bangunan Gedung',
    'Air Minum Perdesaan',
    'Irigasi Kecil',
    'Penataan Ruang',
    'Perbaikan Jalan Rusak',
  ],
  perumahan: ['Rumah Tidak Layak Huni', 'Kawasan Kumuh', 'Penerangan Jalan Umum', 'Prasarana Permukiman', 'Rumah Susun Sederhana'],
  trantibum: [
    'Ketertiban Umum',
    'Penanggulangan Kebakaran',
    'Kesiapsiagaan Bencana',
    'Peringatan Dini Banjir',
    'Pengaduan Gangguan Ketertiban',
    'Linmas Kelurahan',
    'Penegakan Perda',
  ],
  sosial: [
    'Bantuan Sosial Tepat Sasaran',
    'Penyandang Disabilitas',
    'Lansia Terlantar',
    'Anak Jalanan',
    'Data Kesejahteraan Sosial',
    'Rehabilitasi Sosial',
    'Keluarga Miskin',
  ],
  tenaga_kerja: ['Bursa Kerja', 'Pelatihan Kerja', 'Perlindungan Pekerja Migran', 'Sertifikasi Kompetensi', 'Pencari Kerja Muda'],
  p3a: ['Perlindungan Perempuan dan Anak', 'Pengaduan Kekerasan', 'Kota Layak Anak', 'Pemberdayaan Perempuan', 'Pencegahan Perkawinan Anak'],
  pangan: ['Ketahanan Pangan Keluarga', 'Pekarangan Pangan Lestari', 'Cadangan Pangan', 'Keamanan Pangan Segar', 'Harga Pangan'],
  lingkungan_hidup: ['Bank Sampah', 'Pengelolaan Sampah', 'Ruang Terbuka Hijau', 'Pengendalian Pencemaran', 'Kampung Iklim', 'Pengurangan Plastik'],
  adminduk: [
    'Akta Kelahiran',
    'KTP Elektronik',
    'Kartu Identitas Anak',
    'Kartu Keluarga',
    'Akta Kematian',
    'Pindah Datang Penduduk',
    'Identitas Kependudukan Digital',
  ],
  pmd: ['Badan Usaha Milik Desa', 'Dana Desa', 'Desa Wisata', 'Posyandu Desa', 'Musyawarah Desa'],
  ppkb: ['Keluarga Berencana', 'Kampung Keluarga Berkualitas', 'Pendampingan Keluarga Berisiko Stunting', 'Bina Keluarga Balita'],
  perhubungan: ['Parkir Non Tunai', 'Angkutan Umum', 'Uji Kendaraan Bermotor', 'Keselamatan Lalu Lintas', 'Angkutan Sekolah'],
  kominfo: ['Satu Data', 'Pengaduan Masyarakat', 'Informasi Publik', 'Jaringan Internet Desa', 'Tanda Tangan Elektronik', 'Kota Cerdas'],
  kukm: ['UMKM Naik Kelas', 'Koperasi Digital', 'Pemasaran Produk UMKM', 'Legalitas Usaha Mikro', 'Kredit Usaha Rakyat'],
  penanaman_modal: ['Perizinan Berusaha', 'Izin Usaha Mikro', 'Promosi Investasi', 'Mal Pelayanan Publik', 'Perizinan Satu Hari'],
  kepemudaan_olahraga: ['Olahraga Masyarakat', 'Wirausaha Muda', 'Atlet Berprestasi', 'Kepemimpinan Pemuda'],
  statistik: ['Data Sektoral', 'Statistik Kelurahan', 'Indikator Pembangunan'],
  persandian: ['Keamanan Informasi', 'Persandian Dokumen'],
  kebudayaan: ['Cagar Budaya', 'Kesenian Daerah', 'Bahasa Daerah', 'Museum Daerah'],
  perpustakaan: ['Perpustakaan Keliling', 'Perpustakaan Digital', 'Minat Baca', 'Pojok Baca'],
  kearsipan: ['Arsip Digital', 'Penyelamatan Arsip', 'Arsip Kependudukan'],
  kelautan_perikanan: ['Nelayan Kecil', 'Budidaya Ikan', 'Informasi Cuaca Nelayan', 'Pengolahan Hasil Perikanan'],
  pariwisata: ['Desa Wisata', 'Promosi Pariwisata', 'Pemandu Wisata', 'Wisata Sejarah', 'Ekonomi Kreatif'],
  pertanian: ['Penyuluhan Pertanian', 'Pupuk Bersubsidi', 'Pertanian Organik', 'Kesehatan Hewan', 'Alat Mesin Pertanian'],
  kehutanan: ['Perhutanan Sosial', 'Pencegahan Kebakaran Hutan', 'Rehabilitasi Lahan'],
  esdm: ['Listrik Desa', 'Energi Surya', 'Pertambangan Rakyat'],
  perdagangan: ['Harga Bahan Pokok', 'Pasar Rakyat', 'Tera Ulang', 'Retribusi Pasar'],
  perindustrian: ['Industri Kecil Menengah', 'Sertifikasi Halal', 'Kemasan Produk'],
  transmigrasi: ['Kawasan Transmigrasi'],
  perencanaan: ['Musrenbang', 'Perencanaan Pembangunan', 'Evaluasi Kinerja Pembangunan', 'Inovasi Daerah'],
  keuangan: ['Pajak Daerah', 'Retribusi Daerah', 'Aset Daerah', 'Pengelolaan Keuangan', 'Pajak Bumi dan Bangunan', 'Belanja Daerah'],
  kepegawaian: ['Kehadiran ASN', 'Kinerja Pegawai', 'Pengembangan Kompetensi ASN', 'Layanan Kepegawaian', 'Kenaikan Pangkat'],
  diklat: ['Pelatihan Aparatur', 'Pembelajaran Daring ASN'],
  litbang: ['Riset Daerah', 'Inovasi Perangkat Daerah', 'Kajian Kebijakan'],
  pengawasan: ['Pengawasan Pengadaan', 'Pencegahan Korupsi', 'Tindak Lanjut Temuan', 'Gratifikasi'],
  kesekretariatan: ['Naskah Dinas Elektronik', 'Rapat Daring', 'Pengaduan Masyarakat', 'Protokol dan Komunikasi Pimpinan'],
};

const DIGITAL_FORMS = ['Sistem Informasi', 'Aplikasi', 'Layanan Daring', 'Dashboard', 'Portal', 'Layanan', 'Pelayanan', 'Satu Data'] as const;
const NON_DIGITAL_FORMS = [
  'Gerakan',
  'Layanan',
  'Pelayanan',
  'Klinik',
  'Pojok',
  'Rumah',
  'Kampung',
  'Gerai',
  'Posko',
  'Kelas',
  'Program',
  'Jemput Bola',
  'Forum',
  'Mobil',
  'Sahabat',
] as const;
const DIGITAL_SUFFIXES = ['', '', '', ' Terpadu', ' Online', ' Digital', ' Terintegrasi', ' Berbasis Web', ' Satu Pintu'] as const;
const NON_DIGITAL_SUFFIXES = [
  '',
  '',
  '',
  ' Terpadu',
  ' Keliling',
  ' Berbasis Masyarakat',
  ' Ramah Anak',
  ' Berbasis Kelurahan',
  ' Mandiri',
  ' Inklusif',
  ' Gotong Royong',
] as const;
const SMALL_WORDS = new Set(['dan', 'di', 'ke', 'untuk', 'yang', 'bagi', 'dari']);

const TUJUAN = [
  (t: string, p: string) => `Meningkatkan kualitas pelayanan ${t} bagi masyarakat ${p}.`,
  (t: string) => `Mempercepat proses ${t} dan mengurangi waktu tunggu warga.`,
  (t: string, p: string) => `Memperluas jangkauan ${t} sampai ke tingkat kelurahan dan desa di ${p}.`,
  (t: string) => `Menekan biaya yang dikeluarkan warga untuk ${t}.`,
  (t: string) => `Menyediakan data ${t} yang akurat dan mutakhir untuk pengambilan keputusan.`,
  (t: string) => `Mendekatkan ${t} kepada kelompok rentan, lansia dan penyandang disabilitas.`,
  (t: string) => `Meningkatkan partisipasi masyarakat dalam ${t}.`,
  (t: string) => `Membangun koordinasi antarperangkat daerah dalam urusan ${t}.`,
] as const;
const MANFAAT = [
  'Warga tidak perlu datang berulang kali ke kantor.',
  'Proses menjadi transparan dan dapat dipantau oleh pimpinan.',
  'Petugas bekerja lebih efisien dengan data yang sama.',
  'Keluhan masyarakat berkurang dan kepuasan terhadap layanan publik meningkat.',
  'Kolaborasi antara perangkat daerah, swasta dan masyarakat semakin kuat.',
  'Anggaran lebih tepat sasaran karena kebutuhan tercatat dengan baik.',
  'Kelompok rentan mendapat perhatian lebih awal.',
  'Pemerintah daerah memperoleh umpan balik langsung dari warga.',
] as const;
const HASIL = [
  (t: string, rng: Rng) => {
    const a = intBetween(rng, 30, 70);
    return `Cakupan ${t} naik dari ${a}% menjadi ${a + intBetween(rng, 5, 25)}% dalam ${intBetween(rng, 3, 12)} bulan.`;
  },
  (_t: string, rng: Rng) => {
    const a = intBetween(rng, 5, 21);
    return `Waktu penyelesaian turun dari ${a} hari kerja menjadi ${Math.max(1, Math.floor(a / intBetween(rng, 2, 5)))} hari kerja.`;
  },
  (_t: string, rng: Rng) => `Sebanyak ${intBetween(rng, 120, 9800).toLocaleString('id-ID')} warga telah menerima manfaat sejak inovasi diterapkan.`,
  (_t: string, rng: Rng) => `Nilai survei kepuasan masyarakat unit ini naik menjadi ${intBetween(rng, 78, 95)},${intBetween(rng, 10, 99)}.`,
  (t: string, rng: Rng) => `Jumlah pengaduan terkait ${t} turun ${intBetween(rng, 10, 60)}% dibanding tahun sebelumnya.`,
] as const;
const RANCANG_BANGUN = [
  (t: string, p: string) =>
    `Latar belakang inovasi ini adalah masih rendahnya mutu ${t} di ${p}, yang tercermin dari keluhan warga dan data capaian kinerja perangkat daerah selama tiga tahun terakhir.`,
  (t: string) =>
    `Permasalahan utama yang dihadapi adalah prosedur ${t} yang panjang, data yang tersebar di beberapa unit kerja dan keterbatasan jumlah petugas di lapangan.`,
  () =>
    'Sebelum inovasi, warga harus datang langsung ke kantor pada jam kerja, membawa berkas yang sama berulang kali dan menunggu tanpa kepastian waktu penyelesaian.',
  (t: string) =>
    `Inovasi ini mengubah cara kerja ${t} dengan menyederhanakan alur, membagi peran yang jelas antara petugas dan kader, serta menetapkan standar waktu layanan.`,
  () =>
    'Tahap pertama adalah pemetaan masalah bersama pemangku kepentingan, dilanjutkan dengan penyusunan prosedur baru dan pelatihan petugas di setiap kecamatan.',
  () =>
    'Tahap kedua adalah uji coba terbatas di beberapa kelurahan terpilih, dengan evaluasi mingguan untuk memperbaiki prosedur sebelum diterapkan lebih luas.',
  () =>
    'Tahap ketiga adalah penerapan di seluruh wilayah, disertai sosialisasi melalui media sosial, papan informasi, pertemuan warga dan kunjungan rumah.',
  (t: string) =>
    `Sumber daya yang digunakan meliputi petugas ${t}, kader masyarakat, sarana kantor yang sudah ada dan anggaran perangkat daerah pada tahun berjalan.`,
  () =>
    'Pemantauan dilakukan setiap bulan dengan indikator jumlah warga yang dilayani, waktu penyelesaian dan tingkat kepuasan, yang dilaporkan kepada kepala daerah.',
  () =>
    'Keunggulan inovasi ini adalah biaya yang rendah, mudah ditiru oleh daerah lain dan tidak bergantung pada satu orang, karena prosedurnya tertulis dan diajarkan.',
  (t: string) =>
    `Keberlanjutan inovasi dijamin melalui keputusan kepala perangkat daerah, alokasi anggaran rutin dan masuknya ${t} ke dalam rencana strategis.`,
  () =>
    'Kendala yang ditemui selama uji coba adalah jaringan internet yang belum merata dan kebiasaan lama petugas, yang diatasi dengan pendampingan dan formulir cadangan.',
  () =>
    'Inovasi ini melibatkan kolaborasi dengan puskesmas, sekolah, kecamatan, kelurahan, tokoh masyarakat, perguruan tinggi dan dunia usaha setempat.',
  (t: string) => `Replikasi telah dilakukan oleh beberapa unit kerja lain yang menangani ${t}, dengan penyesuaian pada jadwal dan jumlah petugas.`,
  () =>
    'Data capaian dihimpun dari laporan bulanan unit pelaksana dan diverifikasi oleh bidang perencanaan sebelum dipublikasikan kepada masyarakat.',
  () =>
    'Ke depan, inovasi akan dikembangkan dengan menambah kanal pengaduan, memperluas cakupan wilayah dan mengintegrasikan data dengan sistem perangkat daerah lain.',
] as const;
const DEVELOPMENT_NOTES = [
  'Diperluas ke seluruh kecamatan dan dilengkapi pemantauan daring.',
  'Ditambah kanal pengaduan dan laporan capaian bulanan yang terbuka untuk publik.',
  'Dijadikan prosedur tetap melalui keputusan kepala perangkat daerah dan mendapat anggaran rutin.',
  'Direplikasi oleh dua perangkat daerah lain dengan penyesuaian.',
  'Data terintegrasi dengan sistem provinsi dan pusat.',
] as const;
const RETURN_NOTES = [
  { hasil: 'Lengkapi data capaian sebelum dan sesudah inovasi.' },
  { rancangBangun: 'Uraikan tahapan pelaksanaan dan sumber daya yang digunakan.' },
  { tujuan: 'Tujuan belum terukur; sebutkan sasaran dan target.', hasil: 'Sertakan sumber data capaian.' },
] as const;
const REJECTIONS = [
  'Sudah dilaporkan sebagai inovasi tahun lalu tanpa perkembangan.',
  'Merupakan kegiatan rutin, bukan pembaruan cara kerja.',
  'Tidak ada bukti penerapan pada periode ini.',
] as const;

/** The urusan a unit usually proposes about, by its short name. */
const URUSAN_OF_UNIT: Record<string, readonly string[]> = {
  Setda: ['kesekretariatan', 'perencanaan'],
  'Setda Prov': ['kesekretariatan', 'perencanaan'],
  Setwan: ['kesekretariatan'],
  'Setwan Prov': ['kesekretariatan'],
  Inspektorat: ['pengawasan'],
  Bappeda: ['perencanaan', 'statistik'],
  BPKAD: ['keuangan'],
  BKPSDM: ['kepegawaian', 'diklat'],
  BKD: ['kepegawaian'],
  BPSDM: ['diklat', 'kepegawaian'],
  Bapenda: ['keuangan'],
  BPBD: ['trantibum'],
  Kesbangpol: ['trantibum'],
  BRIDA: ['litbang'],
  Disdik: ['pendidikan'],
  Dinkes: ['kesehatan'],
  DPUPR: ['pupr'],
  Dinsos: ['sosial'],
  Disdukcapil: ['adminduk'],
  Diskominfo: ['kominfo', 'statistik', 'persandian'],
  Diskominfotik: ['kominfo', 'statistik'],
  DPMPTSP: ['penanaman_modal'],
  DLH: ['lingkungan_hidup'],
  DLHK: ['lingkungan_hidup', 'kehutanan'],
  Dishub: ['perhubungan'],
  'Satpol PP': ['trantibum'],
  Disperkim: ['perumahan'],
  Disnaker: ['tenaga_kerja'],
  Disnakertrans: ['tenaga_kerja', 'transmigrasi'],
  DP3A: ['p3a'],
  DPPKB: ['ppkb'],
  Diskepang: ['pangan'],
  Distan: ['pertanian'],
  Distanhor: ['pertanian'],
  Disbun: ['pertanian'],
  'Diskop UKM': ['kukm'],
  Disparbud: ['pariwisata', 'kebudayaan'],
  Dispar: ['pariwisata'],
  Disbud: ['kebudayaan'],
  Dispora: ['kepemudaan_olahraga'],
  Dispusip: ['perpustakaan', 'kearsipan'],
  Disdagin: ['perdagangan', 'perindustrian'],
  Disperindag: ['perindustrian', 'perdagangan'],
  Diskan: ['kelautan_perikanan'],
  DKP: ['kelautan_perikanan'],
  DPMD: ['pmd'],
  Damkar: ['trantibum'],
  Disnakkeswan: ['pertanian'],
  'Kantor Pasar': ['perdagangan'],
  'Dinas ESDM': ['esdm'],
  'Kantor Penghubung': ['kesekretariatan', 'penanaman_modal'],
};
const BY_KIND: Partial<Record<string, readonly string[]>> = {
  sekolah: ['pendidikan'],
  puskesmas: ['kesehatan'],
  rsud: ['kesehatan'],
  kecamatan: ['adminduk', 'trantibum', 'pmd', 'sosial', 'kesehatan', 'lingkungan_hidup', 'perencanaan'],
  kelurahan: ['adminduk', 'trantibum', 'sosial', 'lingkungan_hidup', 'kesehatan'],
};
const ALL_URUSAN = URUSAN.map((u) => u.id);
const YANDAS_IDS: readonly string[] = YANDAS.map((u) => u.id);

function titleOfUrusan(id: string): string {
  return URUSAN.find((u) => u.id === id)?.name ?? id;
}

function topicsOf(urusan: string): readonly string[] {
  return TOPICS[urusan] ?? [`Layanan ${titleOfUrusan(urusan)}`, `Data ${titleOfUrusan(urusan)}`];
}

/** "Posko Lansia Sehat" → "POLASE" (a syllable a word); four words or more → initials ("LIBK"). */
function acronym(name: string): string {
  const words = name.split(/\s+/).filter((w) => w.length > 0 && !SMALL_WORDS.has(w.toLowerCase()));
  if (words.length >= 4)
    return words
      .map((w) => w[0] ?? '')
      .join('')
      .toUpperCase();
  const syllable = (w: string) => {
    const vowel = w.slice(1).search(/[aiueo]/i);
    return vowel < 0 ? w.slice(0, 2) : w.slice(0, vowel + 2);
  };
  return words.map(syllable).join('').slice(0, 8).toUpperCase();
}

function unitUrusan(unit: UnitRow, byId: Map<string, UnitRow>, rng: Rng): string {
  if (rng() < 0.1) return pick(rng, ALL_URUSAN);
  const own = URUSAN_OF_UNIT[unit.shortName ?? ''] ?? BY_KIND[unit.kind];
  if (own) return pick(rng, own);
  const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
  const inherited = parent ? (URUSAN_OF_UNIT[parent.shortName ?? ''] ?? BY_KIND[parent.kind]) : undefined;
  return inherited ? pick(rng, inherited) : pick(rng, ALL_URUSAN);
}

const OPD_KINDS = new Set(['sekretariat', 'inspektorat', 'badan', 'dinas', 'satuan', 'kantor', 'rsud']);

/** Units that propose, weighted: OPD three times as often as a school or a kelurahan. */
function proposers(regionUnits: readonly UnitRow[]): [UnitRow, number][] {
  return regionUnits.map((u) => [u, OPD_KINDS.has(u.kind) ? 3 : u.kind === 'kecamatan' ? 1.5 : 1]);
}

function statusFor(rng: Rng, year: number): Status {
  if (year === CURRENT_YEAR) {
    return weighted<Status>(rng, [
      ['draft', 30],
      ['diajukan', 25],
      ['dikembalikan', 10],
      ['terverifikasi', 30],
      ['ditolak', 5],
    ]);
  }
  return weighted<Status>(rng, [
    ['terverifikasi', 78],
    ['ditolak', 8],
    ['dikembalikan', 4],
    ['diajukan', 2],
    ['draft', 8],
  ]);
}

/** `n` different items of a list (n ≤ its length). */
function pickDistinct<T>(rng: Rng, list: readonly T[], n: number): T[] {
  const out: T[] = [];
  while (out.length < Math.min(n, list.length)) {
    const item = pick(rng, list);
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

function rancangBangun(rng: Rng, topic: string, place: string, minWords: number): string {
  const sentences: string[] = [];
  let words = 0;
  let i = intBetween(rng, 0, RANCANG_BANGUN.length - 1);
  while (words < minWords) {
    const template = RANCANG_BANGUN[i % RANCANG_BANGUN.length];
    if (template === undefined) break;
    const s = template(topic, place);
    sentences.push(s);
    words += s.split(' ').length;
    i += intBetween(rng, 1, 3);
  }
  return sentences.join(' ');
}

// ---------------------------------------------------------------------------------------------------
// Generation

interface Previous {
  row: InnovationInsert;
  topic: string;
}

/** The five periods of a region and their innovations, oldest first (a carried one after its origin). */
export function innovationsForRegion(
  region: RegionInfo,
  regionUnits: readonly UnitRow[],
  operatorIds: readonly string[],
  rng: Rng,
): { periods: PeriodInsert[]; innovations: InnovationInsert[] } {
  const place = region.name.replace(/^(Kabupaten|Kota|Provinsi)\s+/, '');
  const byId = new Map(regionUnits.map((u) => [u.id, u]));
  const choices = proposers(regionUnits);
  const code = region.code.replace(/\./g, '');
  const outPeriods: PeriodInsert[] = [];
  const out: InnovationInsert[] = [];
  let previousYear: Previous[] = [];

  for (const year of INNOVATION_YEARS) {
    const n = intBetween(rng, 50, 70);
    const period: PeriodInsert = {
      id: uuidFrom(rng),
      regionCode: region.code,
      year,
      opensOn: `${year}-0${intBetween(rng, 2, 4)}-${String(intBetween(rng, 1, 28)).padStart(2, '0')}`,
      closesOn: `${year}-${pick(rng, ['08', '09', '10'])}-${String(intBetween(rng, 1, 28)).padStart(2, '0')}`,
      targetTotal: Math.round(n / 10) * 10 + pick(rng, [0, 10, 20, 40]),
      minPerUnit: 1,
      countsSubUnits: rng() < 0.3,
      createdAt: new Date(Date.UTC(year, 0, intBetween(rng, 5, 30), 3)),
      updatedAt: new Date(Date.UTC(year, 1, intBetween(rng, 1, 25), 3)),
    };
    outPeriods.push(period);
    const names = new Set<string>();
    const thisYear: Previous[] = [];
    // About a quarter of the list carries last year's verified innovations forward.
    const carryable = previousYear.filter((p) => p.row.status === 'terverifikasi');
    const carries = Math.min(carryable.length, Math.round(n * (0.15 + rng() * 0.2)));
    for (let k = carryable.length - 1; k > 0; k--) {
      const j = Math.floor(rng() * (k + 1));
      const a = carryable[k];
      const b = carryable[j];
      if (a === undefined || b === undefined) continue;
      carryable[k] = b;
      carryable[j] = a;
    }

    for (let i = 0; i < n; i++) {
      const status = statusFor(rng, year);
      const carried = i < carries ? carryable[i] : undefined;
      let unit: UnitRow;
      let urusanUtama: string;
      let topic: string;
      let name: string;
      let jenis: 'digital' | 'non_digital';
      if (carried) {
        const from = carried.row;
        unit = byId.get(from.unitId) ?? pick(rng, regionUnits);
        urusanUtama = from.urusanUtama ?? pick(rng, ALL_URUSAN);
        topic = carried.topic;
        name = from.name;
        jenis = from.jenis === 'digital' ? 'digital' : 'non_digital';
      } else {
        unit = weighted(rng, choices);
        urusanUtama = unitUrusan(unit, byId, rng);
        jenis = rng() < 0.55 ? 'digital' : 'non_digital';
        topic = pick(rng, topicsOf(urusanUtama));
        name = '';
        for (let attempt = 0; attempt < 6 && (name === '' || names.has(name)); attempt++) {
          const form = pick(rng, jenis === 'digital' ? DIGITAL_FORMS : NON_DIGITAL_FORMS);
          const suffix = rng() < 0.08 ? ` ${place}` : pick(rng, jenis === 'digital' ? DIGITAL_SUFFIXES : NON_DIGITAL_SUFFIXES);
          const base = `${form} ${topic}${suffix}`;
          name = rng() < 0.45 ? `${base} (${acronym(base)})` : base;
          if (names.has(name)) name = `${name} ${pick(rng, ['Jilid II', 'Tahap II', 'Plus', '2.0'])}`;
        }
      }
      names.add(name);
      const t = topic.toLowerCase();
      const irisanCount = weighted(rng, [
        [0, 55],
        [1, 35],
        [2, 10],
      ]);
      const irisan: string[] = [];
      while (irisan.length < irisanCount) {
        const u = rng() < 0.4 ? pick(rng, YANDAS_IDS) : pick(rng, ALL_URUSAN);
        if (u !== urusanUtama && !irisan.includes(u)) irisan.push(u);
      }
      const tahapan = carried
        ? 'penerapan'
        : weighted(rng, [
            ['inisiatif', 20],
            ['uji_coba', 30],
            ['penerapan', 50],
          ] as const);
      const tematik =
        jenis === 'digital' && rng() < 0.5
          ? 'digitalisasi_layanan'
          : urusanUtama === 'sosial' || (urusanUtama === 'kesehatan' && rng() < 0.4)
            ? 'penanggulangan_kemiskinan'
            : urusanUtama === 'penanaman_modal' || urusanUtama === 'kukm'
              ? 'kemudahan_investasi'
              : rng() < 0.1
                ? 'prioritas_aktual_presiden'
                : 'non_tematik';

      const created = dateIn(rng, year, 2, 8);
      const submitted = status === 'draft' ? null : new Date(created.getTime() + intBetween(rng, 3, 40) * DAY_MS);
      const reviewed = submitted && status !== 'diajukan' ? new Date(submitted.getTime() + intBetween(rng, 2, 25) * DAY_MS) : null;
      const ujiCoba = tahapan === 'inisiatif' ? null : dateIn(rng, carried ? year - 2 : year - 1, 1, 12);
      const penerapan = tahapan === 'penerapan' && ujiCoba ? new Date(ujiCoba.getTime() + intBetween(rng, 60, 300) * DAY_MS) : null;
      const tujuan = pickDistinct(rng, TUJUAN, intBetween(rng, 1, 2)).map((f) => f(t, place));
      const hasil = pickDistinct(rng, HASIL, intBetween(rng, 1, 2)).map((f) => f(t, rng));

      const row: InnovationInsert = {
        id: uuidFrom(rng),
        regionCode: region.code,
        periodId: period.id,
        unitId: unit.id,
        status,
        name,
        tahapan,
        inisiator:
          carried?.row.inisiator ??
          weighted(rng, [
            [INISIATOR[2], 50],
            [INISIATOR[3], 25],
            [INISIATOR[0], 10],
            [INISIATOR[4], 10],
            [INISIATOR[1], 5],
          ]),
        jenis,
        bentuk: ['perencanaan', 'keuangan', 'kepegawaian', 'pengawasan', 'kesekretariatan', 'diklat', 'litbang'].includes(urusanUtama)
          ? 'tata_kelola'
          : weighted(rng, [
              [BENTUK[1], 60],
              [BENTUK[0], 25],
              [BENTUK[2], 15],
            ]),
        urusanUtama,
        urusanIrisan: irisan,
        tematik,
        waktuUjiCoba: ujiCoba ? isoDate(ujiCoba) : null,
        waktuPenerapan: penerapan ? isoDate(penerapan) : null,
        rancangBangun: rancangBangun(rng, t, place, status === 'draft' ? intBetween(rng, 20, 200) : intBetween(rng, 300, 380)),
        tujuan: tujuan.join(' '),
        manfaat: pickDistinct(rng, MANFAAT, 2).join(' '),
        hasil: status === 'draft' && rng() < 0.5 ? '' : hasil.join(' '),
        contactName: personName(rng),
        contactPhone: `08${intBetween(rng, 11, 59)}${String(intBetween(rng, 0, 99_999_999)).padStart(8, '0')}`,
        contactEmail: `inovasi.${code}@bench.sinergi.invalid`,
        previousId: carried ? carried.row.id : null,
        developmentNote: carried ? pick(rng, DEVELOPMENT_NOTES) : null,
        reviewNotes: status === 'dikembalikan' ? { ...pick(rng, RETURN_NOTES) } : {},
        rejectionReason: status === 'ditolak' ? pick(rng, REJECTIONS) : null,
        submittedAt: submitted,
        verifiedAt: status === 'terverifikasi' ? reviewed : null,
        version: intBetween(rng, 1, 3) + (submitted ? 1 : 0) + (reviewed ? 1 : 0),
        createdBy: operatorIds.length > 0 ? pick(rng, operatorIds) : null,
        createdAt: created,
        updatedAt: reviewed ?? submitted ?? new Date(created.getTime() + intBetween(rng, 0, 10) * DAY_MS),
      };
      out.push(row);
      thisYear.push({ row, topic });
    }
    previousYear = thisYear;
  }
  return { periods: outPeriods, innovations: out };
}

function tally<T>(rows: readonly T[], key: (row: T) => string, into: Record<string, number>): void {
  for (const row of rows) into[key(row)] = (into[key(row)] ?? 0) + 1;
}

/** The `indexdef` of the first row of a pg_indexes query (both drivers answer `{ rows }`). */
/** The [name, definition] of each index a `pg_indexes` query returned. */
function indexDefinitions(result: unknown): Array<[string, string]> {
  if (typeof result !== 'object' || result === null || !('rows' in result) || !Array.isArray(result.rows)) return [];
  return result.rows.flatMap(
    (row: unknown): Array<[string, string]> =>
      typeof row === 'object' &&
      row !== null &&
      'indexname' in row &&
      'indexdef' in row &&
      typeof row.indexname === 'string' &&
      typeof row.indexdef === 'string'
        ? [[row.indexname, row.indexdef]]
        : [],
  );
}

/**
 * Seeds periods and innovations for every region after the units and users of `dataset` are in the
 * database. One transaction; batches of INNOVATION_BATCH_ROWS rows, the next one generated while the
 * database writes the previous one; then VACUUM ANALYZE.
 */
export async function seedInnovations(
  db: Db,
  regionList: readonly RegionInfo[],
  dataset: Dataset,
  options: { seed: number; benchRegion: string; log?: (line: string) => void },
): Promise<InnovationSummary> {
  const started = performance.now();
  const rng = createRng(options.seed ^ 0x1a0a_7e26);
  const unitsOf = new Map<string, UnitRow[]>();
  for (const u of dataset.units) {
    const list = unitsOf.get(u.regionCode) ?? [];
    list.push(u);
    unitsOf.set(u.regionCode, list);
  }
  const operatorsOf = new Map<string, string[]>();
  for (const u of dataset.users) {
    if (u.role !== 'operator' || !u.regionCode || !u.id) continue;
    const list = operatorsOf.get(u.regionCode) ?? [];
    list.push(u.id);
    operatorsOf.set(u.regionCode, list);
  }

  const summary: InnovationSummary = {
    periods: 0,
    innovations: 0,
    years: [...INNOVATION_YEARS],
    byYear: {},
    byStatus: {},
    published: 0,
    carriedOver: 0,
    benchPeriod: { id: '', year: CURRENT_YEAR, innovations: 0 },
    seconds: 0,
  };
  const yearOfPeriod = new Map<string, number>();

  // The full-text indexes (all and the catalogue's) are built once after the load (as a bulk load does),
  // not maintained row by row; each is recreated from its own definition, so the end state is the
  // migrated schema's.
  const textIndexes = indexDefinitions(
    await db.execute(sql`select indexname, indexdef from pg_indexes where tablename = 'innovations' and indexdef like '%USING gin%'`),
  );
  await db.transaction(async (tx) => {
    for (const [name] of textIndexes) await tx.execute(sql`drop index ${sql.identifier(name)}`);
    // One insert in flight while the next batch is generated (a failed one surfaces at the next flush).
    let pending: Promise<unknown> = Promise.resolve();
    let batch: InnovationInsert[] = [];
    const flush = async () => {
      const rows = batch;
      batch = [];
      await pending;
      pending = rows.length > 0 ? tx.insert(innovations).values(rows).execute() : Promise.resolve();
      pending.catch(() => {});
    };
    for (const [i, region] of regionList.entries()) {
      const regionUnits = unitsOf.get(region.code) ?? [];
      if (regionUnits.length === 0) continue;
      const out = innovationsForRegion(region, regionUnits, operatorsOf.get(region.code) ?? [], rng);
      // A region's periods go in before its innovations (same connection, so in order).
      await tx.insert(periods).values(out.periods);
      for (const p of out.periods) yearOfPeriod.set(p.id, p.year);
      summary.periods += out.periods.length;
      summary.innovations += out.innovations.length;
      tally(out.innovations, (r) => String(yearOfPeriod.get(r.periodId) ?? '?'), summary.byYear);
      tally(out.innovations, (r) => r.status ?? 'draft', summary.byStatus);
      summary.carriedOver += out.innovations.filter((r) => r.previousId).length;
      if (region.code === options.benchRegion) {
        const current = out.periods.find((p) => p.year === CURRENT_YEAR);
        if (current) {
          summary.benchPeriod = { id: current.id, year: CURRENT_YEAR, innovations: out.innovations.filter((r) => r.periodId === current.id).length };
        }
      }
      for (const row of out.innovations) {
        batch.push(row);
        if (batch.length >= INNOVATION_BATCH_ROWS) await flush();
      }
      if (options.log && (i + 1) % 100 === 0) options.log(`innovations: ${i + 1} of ${regionList.length} regions`);
    }
    await flush();
    await pending;
    for (const [, definition] of textIndexes) await tx.execute(sql.raw(definition));
  });
  // VACUUM too: autovacuum would otherwise wake up on 165,000 new rows in the middle of the load test.
  await db.execute(sql`vacuum analyze periods, innovations`);
  summary.published = summary.byStatus.terverifikasi ?? 0;
  summary.seconds = Math.round((performance.now() - started) / 100) / 10;
  return summary;
}
