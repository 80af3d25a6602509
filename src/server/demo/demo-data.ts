/**
 * Demo regions: Kota Pangkalpinang (19.71) with its 36 OPD (seed 001: "ada 36 OPD"), kecamatan and a
 * few schools and puskesmas; Kota Palangka Raya (62.71) and Kota Banjarmasin (63.71) with their main
 * OPDs. Names follow the usual nomenclature of a kota; heads' names are fictitious.
 */
import type { UnitKind } from '#domain/units/unit-kinds.ts';

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
  { kind: 'sekolah', name: 'SD Negeri 1 Pangkalpinang', shortName: 'SDN 1 PGK', parent: 'Disdikbud' },
  { kind: 'sekolah', name: 'SD Negeri 12 Pangkalpinang', shortName: 'SDN 12 PGK', parent: 'Disdikbud' },
  { kind: 'sekolah', name: 'SMP Negeri 2 Pangkalpinang', shortName: 'SMPN 2 PGK', parent: 'Disdikbud' },
  { kind: 'sekolah', name: 'SMP Negeri 6 Pangkalpinang', shortName: 'SMPN 6 PGK', parent: 'Disdikbud' },
  { kind: 'puskesmas', name: 'Puskesmas Gerunggang', shortName: 'PKM Gerunggang', parent: 'Dinkes' },
  { kind: 'puskesmas', name: 'Puskesmas Taman Bunga', shortName: 'PKM Taman Bunga', parent: 'Dinkes' },
  { kind: 'upt', name: 'UPTD Pengelolaan Sampah', shortName: 'UPTD Sampah', parent: 'DLH' },
];

export const DEMO_REGIONS: { code: string; units: DemoUnit[] }[] = [
  { code: '19.71', units: [...CORE_OPD, ...PANGKALPINANG_MORE] },
  { code: '62.71', units: [...CORE_OPD] },
  {
    code: '63.71',
    units: [
      ...CORE_OPD,
      { kind: 'kecamatan', name: 'Kecamatan Banjarmasin Tengah', shortName: 'Kec. Banjarmasin Tengah' },
      { kind: 'kecamatan', name: 'Kecamatan Banjarmasin Utara', shortName: 'Kec. Banjarmasin Utara' },
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
];
