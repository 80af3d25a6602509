/**
 * The demo RPJMD of Kota Pangkalpinang 2018–2023, the period the demo smart-city masterplan follows:
 * three misi with their tujuan, sasaran and ten programme codes (Permendagri 90 style numbering), and
 * links from the demo smart-city programmes and innovations to those codes, so the RPJMD page shows
 * what each programme carries. Illustrative wording, not the adopted document. Seeded once.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { RpjmdLevel } from '#shared/api/rpjmd.ts';
import type { Tx } from '#server/db/client.ts';
import { innovations, rpjmdEntries, rpjmdPeriods, smartcityProgrammes } from '#server/db/schema.ts';

const REGION = '19.71';

/** [level, code, name, parent code]: parents before children, in the document's order. */
export const DEMO_RPJMD: [RpjmdLevel, string, string, string | null][] = [
  ['misi', 'M1', 'Mewujudkan tata kelola pemerintahan yang bersih, melayani dan berbasis teknologi informasi', null],
  ['tujuan', 'T1.1', 'Meningkatkan kualitas pelayanan publik dan akuntabilitas kinerja pemerintah daerah', 'M1'],
  ['sasaran', 'S1.1.1', 'Meningkatnya kualitas pelayanan publik yang terintegrasi', 'T1.1'],
  ['program', '2.18.02', 'Program Pelayanan Penanaman Modal', 'S1.1.1'],
  ['sasaran', 'S1.1.2', 'Meningkatnya kematangan Sistem Pemerintahan Berbasis Elektronik', 'T1.1'],
  ['program', '2.16.02', 'Program Informasi dan Komunikasi Publik', 'S1.1.2'],
  ['program', '2.16.03', 'Program Aplikasi Informatika', 'S1.1.2'],
  ['sasaran', 'S1.1.3', 'Meningkatnya kemandirian keuangan daerah', 'T1.1'],
  ['program', '5.02.03', 'Program Pengelolaan Pendapatan Daerah', 'S1.1.3'],
  ['program', '5.01.02', 'Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah', 'S1.1.3'],
  ['misi', 'M2', 'Mewujudkan ekonomi kerakyatan yang tangguh berbasis perdagangan, jasa dan pariwisata', null],
  ['tujuan', 'T2.1', 'Meningkatkan pertumbuhan ekonomi dan kesempatan kerja', 'M2'],
  ['sasaran', 'S2.1.1', 'Terkendalinya harga kebutuhan pokok dan tumbuhnya usaha mikro', 'T2.1'],
  ['program', '3.30.07', 'Program Stabilisasi Harga Barang Kebutuhan Pokok dan Barang Penting', 'S2.1.1'],
  ['sasaran', 'S2.1.2', 'Menurunnya tingkat pengangguran terbuka', 'T2.1'],
  ['program', '2.07.04', 'Program Penempatan Tenaga Kerja', 'S2.1.2'],
  ['misi', 'M3', 'Mewujudkan sumber daya manusia yang sehat dan cerdas dalam lingkungan kota yang layak huni', null],
  ['tujuan', 'T3.1', 'Meningkatkan derajat kesehatan dan kualitas pendidikan masyarakat', 'M3'],
  ['sasaran', 'S3.1.1', 'Meningkatnya akses layanan kesehatan dasar', 'T3.1'],
  ['program', '1.02.02', 'Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat', 'S3.1.1'],
  ['tujuan', 'T3.2', 'Mewujudkan lingkungan kota yang bersih, tertib dan berkelanjutan', 'M3'],
  ['sasaran', 'S3.2.1', 'Meningkatnya sampah yang terkelola dan ketertiban lalu lintas', 'T3.2'],
  ['program', '2.11.11', 'Program Pengelolaan Persampahan', 'S3.2.1'],
  ['program', '2.15.02', 'Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan (LLAJ)', 'S3.2.1'],
];

/** Demo smart-city programmes without a code yet, and the RPJMD programme each serves. */
const PROGRAMME_LINKS: Record<string, string> = {
  'Pajak Daerah dari Genggaman': '5.02.03',
  'Musrenbang Kelurahan Daring': '5.01.02',
  'Informasi Harga Pangan Harian': '3.30.07',
  'Bursa Kerja Daring Pangkalpinang': '2.07.04',
  'Antrean Puskesmas dan Poliklinik Daring': '1.02.02',
  'Bank Sampah Digital Kelurahan': '2.11.11',
  'Area Traffic Control System Simpang Utama': '2.15.02',
};

/** Demo innovations and the RPJMD programme each serves. */
const INNOVATION_LINKS: Record<string, string> = {
  'Izin Usaha Selesai di Meja (IUSM)': '2.18.02',
  'Naskah Dinas Elektronik': '2.16.03',
  'Pangkalpinang Satu Data': '2.16.02',
  'Musrenbang Kelurahan Daring': '5.01.02',
  'Bursa Kerja Daring Pangkalpinang': '2.07.04',
  'Harga Pasar Hari Ini': '3.30.07',
};

/** Seeds once: skipped when the region already has an RPJMD. Returns the number of entries. */
export async function seedDemoRpjmd(tx: Tx): Promise<number> {
  const [already] = await tx.select({ id: rpjmdPeriods.id }).from(rpjmdPeriods).where(eq(rpjmdPeriods.regionCode, REGION)).limit(1);
  if (already) return 0;
  const at = new Date('2019-06-28T02:00:00Z');
  const [period] = await tx
    .insert(rpjmdPeriods)
    .values({ regionCode: REGION, title: 'RPJMD Kota Pangkalpinang 2018–2023', startYear: 2018, endYear: 2023, createdAt: at, updatedAt: at })
    .returning({ id: rpjmdPeriods.id });
  if (!period) throw new Error('demo RPJMD not created');
  const idOf = new Map<string, string>();
  for (const [i, [level, code, name, parent]] of DEMO_RPJMD.entries()) {
    const parentId = parent ? idOf.get(parent) : null;
    if (parentId === undefined) throw new Error(`demo RPJMD parent ${parent} is missing`);
    const [row] = await tx
      .insert(rpjmdEntries)
      .values({ regionCode: REGION, rpjmdId: period.id, level, code, name, parentId, position: i + 1, createdAt: at, updatedAt: at })
      .returning({ id: rpjmdEntries.id });
    if (!row) throw new Error('demo RPJMD entry not created');
    idOf.set(code, row.id);
  }
  for (const [name, code] of Object.entries(PROGRAMME_LINKS)) {
    await tx
      .update(smartcityProgrammes)
      .set({ rpjmdProgramCode: code })
      .where(and(eq(smartcityProgrammes.regionCode, REGION), eq(smartcityProgrammes.name, name), isNull(smartcityProgrammes.rpjmdProgramCode)));
  }
  for (const code of new Set(Object.values(INNOVATION_LINKS))) {
    const names = Object.entries(INNOVATION_LINKS)
      .filter(([, c]) => c === code)
      .map(([n]) => n);
    await tx
      .update(innovations)
      .set({ rpjmdProgramCode: code })
      .where(and(eq(innovations.regionCode, REGION), inArray(innovations.name, names)));
  }
  return DEMO_RPJMD.length;
}
