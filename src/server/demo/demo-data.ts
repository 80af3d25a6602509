/**
 * Demo regions: Kota Pangkalpinang (19.71) with its 36 OPD and kecamatan (seed 001: "ada 36 OPD"), the
 * Bagian Organisasi under the Setda, its state SD and SMP, puskesmas and kelurahan; Kota Palangka Raya
 * (62.71) and Kota Banjarmasin (63.71) with their main OPDs and the units the articles name. Names follow the usual nomenclature of a kota; heads' names are fictitious.
 */
import type { UnitKind } from '#domain/units/unit-kinds.ts';
import { DEMO_SD_NUMBERS, DEMO_SMP_NUMBERS } from './demo-innovations-2026.ts';

export interface DemoUnit {
  kind: UnitKind;
  name: string;
  shortName: string;
  headName?: string;
  /** Short name of the parent. */
  parent?: string;
}

const CORE_OPD: DemoUnit[] = [
  { kind: 'sekretariat', name: 'Sekretariat Daerah', shortName: 'Setda' },
  // A bagian of the Setda, under it (seed 002: Simonik "dari Bagian Organisasi Sekdako Banjarmasin").
  { kind: 'bagian', name: 'Bagian Organisasi Sekretariat Daerah', shortName: 'Bag. Organisasi', parent: 'Setda' },
  { kind: 'sekretariat', name: 'Sekretariat DPRD', shortName: 'Setwan' },
  { kind: 'inspektorat', name: 'Inspektorat Daerah', shortName: 'Inspektorat' },
  { kind: 'badan', name: 'Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah', shortName: 'Bapperida' },
  { kind: 'badan', name: 'Badan Pengelolaan Keuangan dan Aset Daerah', shortName: 'BPKAD' },
  { kind: 'badan', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', shortName: 'BKPSDM' },
  { kind: 'dinas', name: 'Dinas Pendidikan dan Kebudayaan', shortName: 'Disdikbud' },
  { kind: 'dinas', name: 'Dinas Kesehatan', shortName: 'Dinkes' },
  { kind: 'dinas', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', shortName: 'DPUPR' },
  { kind: 'dinas', name: 'Dinas Sosial', shortName: 'Dinsos' },
  { kind: 'dinas', name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Disdukcapil' },
  { kind: 'dinas', name: 'Dinas Komunikasi dan Informatika', shortName: 'Diskominfo' },
  { kind: 'dinas', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', shortName: 'DPMPTSP' },
  { kind: 'dinas', name: 'Dinas Lingkungan Hidup', shortName: 'DLH' },
  { kind: 'dinas', name: 'Dinas Perhubungan', shortName: 'Dishub' },
];

const PANGKALPINANG_MORE: DemoUnit[] = [
  { kind: 'badan', name: 'Badan Pendapatan Daerah', shortName: 'Bapenda' },
  { kind: 'badan', name: 'Badan Penanggulangan Bencana Daerah', shortName: 'BPBD' },
  { kind: 'badan', name: 'Badan Kesatuan Bangsa dan Politik', shortName: 'Kesbangpol' },
  { kind: 'satuan', name: 'Satuan Polisi Pamong Praja', shortName: 'Satpol PP' },
  { kind: 'dinas', name: 'Dinas Perumahan Rakyat dan Kawasan Permukiman', shortName: 'Disperkim' },
  { kind: 'dinas', name: 'Dinas Tenaga Kerja', shortName: 'Disnaker' },
  {
    kind: 'dinas',
    name: 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana',
    shortName: 'DP3APPKB',
  },
  { kind: 'dinas', name: 'Dinas Ketahanan Pangan dan Pertanian', shortName: 'DKPP' },
  { kind: 'dinas', name: 'Dinas Koperasi, Usaha Kecil dan Menengah', shortName: 'Dinkop UKM' },
  { kind: 'dinas', name: 'Dinas Pemuda, Olahraga dan Pariwisata', shortName: 'Disporapar' },
  { kind: 'dinas', name: 'Dinas Perpustakaan dan Kearsipan', shortName: 'DPK' },
  { kind: 'dinas', name: 'Dinas Perdagangan dan Perindustrian', shortName: 'Disdagin' },
  { kind: 'dinas', name: 'Dinas Kelautan dan Perikanan', shortName: 'DKP' },
  { kind: 'rsud', name: 'RSUD Depati Hamzah', shortName: 'RSUD DH' },
  { kind: 'kecamatan', name: 'Kecamatan Bukit Intan', shortName: 'Kec. Bukit Intan' },
  { kind: 'kecamatan', name: 'Kecamatan Gabek', shortName: 'Kec. Gabek' },
  { kind: 'kecamatan', name: 'Kecamatan Gerunggang', shortName: 'Kec. Gerunggang' },
  { kind: 'kecamatan', name: 'Kecamatan Girimaya', shortName: 'Kec. Girimaya' },
  { kind: 'kecamatan', name: 'Kecamatan Pangkalbalam', shortName: 'Kec. Pangkalbalam' },
  { kind: 'kecamatan', name: 'Kecamatan Rangkui', shortName: 'Kec. Rangkui' },
  { kind: 'kecamatan', name: 'Kecamatan Tamansari', shortName: 'Kec. Tamansari' },
  { kind: 'kelurahan', name: 'Kelurahan Bukit Merapin', shortName: 'Kel. Bukit Merapin', parent: 'Kec. Gerunggang' },
  { kind: 'kelurahan', name: 'Kelurahan Opas Indah', shortName: 'Kel. Opas Indah', parent: 'Kec. Tamansari' },
  // Seed 001: "pihak dari sekolah SD dan SMP" each send one innovation; the city's state schools.
  ...DEMO_SD_NUMBERS.map(
    (n): DemoUnit => ({ kind: 'sekolah', name: `SD Negeri ${n} Pangkalpinang`, shortName: `SDN ${n} PGK`, parent: 'Disdikbud' }),
  ),
  ...DEMO_SMP_NUMBERS.map(
    (n): DemoUnit => ({ kind: 'sekolah', name: `SMP Negeri ${n} Pangkalpinang`, shortName: `SMPN ${n} PGK`, parent: 'Disdikbud' }),
  ),
  { kind: 'puskesmas', name: 'Puskesmas Gerunggang', shortName: 'PKM Gerunggang', parent: 'Dinkes' },
  { kind: 'puskesmas', name: 'Puskesmas Taman Bunga', shortName: 'PKM Taman Bunga', parent: 'Dinkes' },
  { kind: 'upt', name: 'UPTD Pengelolaan Sampah', shortName: 'UPTD Sampah', parent: 'DLH' },
];

/** The shared OPD list with a region's own names for some (short names stay, other demo modules use them). */
function named(list: DemoUnit[], names: Record<string, string>): DemoUnit[] {
  return list.map((u) => (names[u.shortName] ? { ...u, name: names[u.shortName] as string } : u));
}

export const DEMO_REGIONS: { code: string; units: DemoUnit[] }[] = [
  { code: '19.71', units: [...CORE_OPD, ...PANGKALPINANG_MORE] },
  {
    code: '62.71',
    units: [
      ...named(CORE_OPD, {
        // Seed 004: "Dinas Komunikasi Informatika Statistik dan Persandian (Diskominfo) Kota Palangka Raya".
        Diskominfo: 'Dinas Komunikasi, Informatika, Statistik dan Persandian',
      }),
      { kind: 'kecamatan', name: 'Kecamatan Pahandut', shortName: 'Kec. Pahandut' },
      { kind: 'kecamatan', name: 'Kecamatan Jekan Raya', shortName: 'Kec. Jekan Raya' },
      { kind: 'kecamatan', name: 'Kecamatan Sabangau', shortName: 'Kec. Sabangau' },
      { kind: 'kecamatan', name: 'Kecamatan Bukit Batu', shortName: 'Kec. Bukit Batu' },
      { kind: 'kecamatan', name: 'Kecamatan Rakumpit', shortName: 'Kec. Rakumpit' },
      { kind: 'upt', name: 'UPT Pengelolaan Sampah dan TPS 3R', shortName: 'UPT TPS 3R', parent: 'DLH' },
    ],
  },
  {
    code: '63.71',
    units: [
      ...named(CORE_OPD, {
        // Seed 002: "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan (Bappeda Litbang) Kota Banjarmasin".
        Bapperida: 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah',
      }),
      { kind: 'kecamatan', name: 'Kecamatan Banjarmasin Tengah', shortName: 'Kec. Banjarmasin Tengah' },
      { kind: 'kecamatan', name: 'Kecamatan Banjarmasin Utara', shortName: 'Kec. Banjarmasin Utara' },
      { kind: 'kecamatan', name: 'Kecamatan Banjarmasin Selatan', shortName: 'Kec. Banjarmasin Selatan' },
      { kind: 'kecamatan', name: 'Kecamatan Banjarmasin Timur', shortName: 'Kec. Banjarmasin Timur' },
      { kind: 'kecamatan', name: 'Kecamatan Banjarmasin Barat', shortName: 'Kec. Banjarmasin Barat' },
    ],
  },
];

export const DEMO_PASSWORD = 'sinergi-demo';

/** Demo accounts (README lists them). The operator works for Diskominfo of Kota Pangkalpinang. */
export const DEMO_ACCOUNTS: {
  username: string;
  displayName: string;
  role: 'admin_nasional' | 'admin_daerah' | 'operator' | 'verifikator' | 'juri' | 'pimpinan';
  regionCode: string | null;
  unit?: string;
}[] = [
  { username: 'nasional.demo', displayName: 'Admin Nasional (Demo)', role: 'admin_nasional', regionCode: null },
  { username: 'admin.demo', displayName: 'Admin Bapperida Pangkalpinang (Demo)', role: 'admin_daerah', regionCode: '19.71', unit: 'Bapperida' },
  { username: 'operator.demo', displayName: 'Operator Diskominfo (Demo)', role: 'operator', regionCode: '19.71', unit: 'Diskominfo' },
  { username: 'verifikator.demo', displayName: 'Verifikator Inovasi (Demo)', role: 'verifikator', regionCode: '19.71', unit: 'Bapperida' },
  { username: 'juri.demo', displayName: 'Juri Kompetisi (Demo)', role: 'juri', regionCode: '19.71' },
  { username: 'pimpinan.demo', displayName: 'Sekretaris Daerah (Demo)', role: 'pimpinan', regionCode: '19.71', unit: 'Setda' },
  // Banjarmasin and Palangka Raya: an admin of the planning agency and an operator where the articles'
  // innovations run, so each region can be shown from its own side as well as the national admin's.
  {
    username: 'admin.banjarmasin.demo',
    displayName: 'Admin Bappeda Litbang Banjarmasin (Demo)',
    role: 'admin_daerah',
    regionCode: '63.71',
    unit: 'Bapperida',
  },
  {
    username: 'operator.banjarmasin.demo',
    displayName: 'Operator Bagian Organisasi Banjarmasin (Demo)',
    role: 'operator',
    regionCode: '63.71',
    unit: 'Bag. Organisasi',
  },
  {
    username: 'admin.palangkaraya.demo',
    displayName: 'Admin Bapperida Palangka Raya (Demo)',
    role: 'admin_daerah',
    regionCode: '62.71',
    unit: 'Bapperida',
  },
  {
    username: 'operator.palangkaraya.demo',
    displayName: 'Operator Diskominfo Palangka Raya (Demo)',
    role: 'operator',
    regionCode: '62.71',
    unit: 'Diskominfo',
  },
];
