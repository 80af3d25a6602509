/**
 * Kota Banjarmasin (63.71) and Kota Palangka Raya (62.71), so a national admin sees three real regions:
 * each gets a 2025 period (the year Kota Pangkalpinang's index is scored, so the three compare) and the
 * innovations its article names, in the unit the article places them.
 *
 * - Seed 002 (Banjarmasin, July 2024): "Parak Acil Online" (Pelayanan Administrasi Kependudukan dan
 *   Pencatatan Sipil Secara Online), "Simonik (Sistem Monitoring dan Evaluasi Pelayanan Publik) dari
 *   Bagian Organisasi Sekdako Banjarmasin", "SIMPEG (Sistem Informasi Kepegawaian Daerah)"; 33
 *   innovations verified by 2024. The article does not say which unit runs Parak Acil Online or SIMPEG:
 *   the demo places them where such services sit (Disdukcapil, BKPSDM).
 * - Seed 004 (Palangka Raya): a portal of online services "pengajuan izin usaha, pembuatan
 *   administrasi kependudukan hingga pelaporan kejadian gawat darurat", Diskominfo leading SPBE in
 *   every OPD; a "Baca juga" headline names an award for the TPS 3R. The article gives no brand names,
 *   so the demo names them by what they do.
 *
 * Targets, windows, stages and dates are the demo's own (the articles give none for 2025).
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '#server/db/client.ts';
import { periods, units, users } from '#server/db/schema.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import type { DemoInnovation } from './demo-innovations.ts';
import { seedDemoProposals } from './demo-proposals.ts';

const BANJARMASIN: DemoInnovation[] = [
  {
    unit: 'Disdukcapil',
    name: 'Parak Acil Online',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'adminduk',
    tematik: 'digitalisasi_layanan',
    status: 'terverifikasi',
    problem: 'warga harus datang dan mengantre di kantor dinas untuk setiap dokumen kependudukan dan pencatatan sipil',
    method: 'pelayanan administrasi kependudukan dan pencatatan sipil secara online, dari permohonan sampai dokumen jadi',
  },
  {
    unit: 'Bag. Organisasi',
    name: 'Simonik (Sistem Monitoring dan Evaluasi Pelayanan Publik)',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'tata_kelola',
    inisiator: 'opd',
    urusan: 'fungsi_lain',
    tematik: 'digitalisasi_layanan',
    status: 'terverifikasi',
    problem: 'pemantauan dan evaluasi pelayanan publik di setiap SKPD dilakukan dengan berkas kertas yang lambat direkap',
    method: 'aplikasi pemantauan dan evaluasi pelayanan publik tempat setiap SKPD melapor dan Bagian Organisasi menilai',
  },
  {
    unit: 'BKPSDM',
    name: 'SIMPEG (Sistem Informasi Kepegawaian Daerah)',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'tata_kelola',
    inisiator: 'opd',
    urusan: 'kepegawaian',
    tematik: 'digitalisasi_layanan',
    status: 'terverifikasi',
    problem: 'data dan administrasi pegawai pemerintah kota tersebar di berkas fisik tiap SKPD',
    method: 'sistem informasi kepegawaian daerah yang menyimpan riwayat dan melayani administrasi pegawai secara daring',
  },
];

const PALANGKA_RAYA: DemoInnovation[] = [
  {
    unit: 'DPMPTSP',
    name: 'Pengajuan Izin Usaha Daring',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'penanaman_modal',
    tematik: 'kemudahan_investasi',
    status: 'terverifikasi',
    problem: 'pelaku usaha harus datang berkali-kali untuk mengurus izin usaha',
    method: 'pengajuan izin usaha melalui portal layanan daring pemerintah kota dengan pelacakan status permohonan',
  },
  {
    unit: 'Disdukcapil',
    name: 'Administrasi Kependudukan Daring',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'adminduk',
    tematik: 'digitalisasi_layanan',
    status: 'terverifikasi',
    problem: 'pembuatan dokumen kependudukan memakan waktu dan biaya perjalanan warga',
    method: 'permohonan dokumen kependudukan melalui portal layanan daring dengan dokumen elektronik yang dapat dicetak sendiri',
  },
  {
    unit: 'Diskominfo',
    name: 'Pelaporan Kejadian Gawat Darurat Daring',
    tahapan: 'penerapan',
    jenis: 'digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'kominfo',
    irisan: ['trantibum', 'kesehatan'],
    tematik: 'digitalisasi_layanan',
    status: 'terverifikasi',
    problem: 'laporan kejadian gawat darurat dari warga terlambat sampai ke petugas',
    method: 'pelaporan kejadian gawat darurat melalui portal dan panggilan terpadu yang diteruskan ke petugas terdekat',
  },
  {
    unit: 'UPT TPS 3R',
    name: 'Optimalisasi Kinerja TPS 3R',
    tahapan: 'penerapan',
    jenis: 'non_digital',
    bentuk: 'pelayanan_publik',
    inisiator: 'opd',
    urusan: 'lingkungan_hidup',
    tematik: 'non_tematik',
    status: 'diajukan',
    problem: 'sampah yang masuk ke tempat pembuangan akhir terus bertambah karena belum dipilah di sumbernya',
    method: 'tempat pengolahan sampah reduce, reuse, recycle yang memilah, mengompos dan menjual sampah bernilai dari permukiman sekitar',
  },
  {
    unit: 'Diskominfo',
    name: 'Penerapan SPBE di Seluruh Perangkat Daerah',
    tahapan: 'uji_coba',
    jenis: 'digital',
    bentuk: 'tata_kelola',
    inisiator: 'kepala_daerah',
    urusan: 'kominfo',
    tematik: 'digitalisasi_layanan',
    status: 'dikembalikan',
    problem: 'perangkat daerah belum memahami instrumen penilaian SPBE sehingga bukti dukung tidak lengkap',
    method: 'pendampingan setiap perangkat daerah sampai kelurahan untuk memenuhi kriteria tiap indikator SPBE sesuai arsitektur dan peta rencana',
  },
];

const REGIONS = [
  {
    code: '63.71',
    city: 'Kota Banjarmasin',
    // The 33 verified by 2024 (seed 002) as the number the city keeps.
    period: { year: 2025, opensOn: '2025-03-03', closesOn: '2025-08-29', targetTotal: 33, minPerUnit: 1 },
    items: BANJARMASIN,
    operator: 'operator.banjarmasin.demo',
    verifier: 'admin.banjarmasin.demo',
    contactEmail: 'inovasi@banjarmasinkota.example',
    contactPhone: '0511-000000',
  },
  {
    code: '62.71',
    city: 'Kota Palangka Raya',
    period: { year: 2025, opensOn: '2025-04-14', closesOn: '2025-09-12', targetTotal: 30, minPerUnit: 1 },
    items: PALANGKA_RAYA,
    operator: 'operator.palangkaraya.demo',
    verifier: 'admin.palangkaraya.demo',
    contactEmail: 'inovasi@palangkaraya.example',
    contactPhone: '0536-000000',
  },
];

/** Seeds each region's period and innovations once (skipped when the region already has periods). */
export async function seedDemoKalimantan(tx: Tx, unitIds: Map<string, string>, storage: BlobStorage | undefined): Promise<number> {
  const accounts = await tx.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users);
  let count = 0;
  for (const r of REGIONS) {
    const [existing] = await tx.select({ id: periods.id }).from(periods).where(eq(periods.regionCode, r.code)).limit(1);
    if (existing) continue;
    const [period] = await tx
      .insert(periods)
      .values({ regionCode: r.code, ...r.period })
      .returning({ id: periods.id });
    if (!period) continue;
    const unitNames = new Map(
      (await tx.select({ id: units.id, name: units.name }).from(units).where(eq(units.regionCode, r.code))).map((u) => [u.id, u.name]),
    );
    count += await seedDemoProposals(tx, {
      regionCode: r.code,
      periodId: period.id,
      opensOn: r.period.opensOn,
      closesOn: r.period.closesOn,
      city: r.city,
      items: r.items,
      unitIds,
      unitNames,
      operator: accounts.find((a) => a.username === r.operator),
      verifier: accounts.find((a) => a.username === r.verifier),
      contactEmail: r.contactEmail,
      contactPhone: r.contactPhone,
      storage,
    });
  }
  return count;
}
