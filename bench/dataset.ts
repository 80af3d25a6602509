/**
 * A national-scale synthetic dataset for the benchmark: every region the migrations load (38 provinces
 * and 514 kabupaten/kota) gets about 40 units and 10 users, plus a few national admins.
 *
 * Units look like the real thing: the usual OPD of a province or a kabupaten/kota, real kecamatan and
 * kelurahan names (from idn-area-data), UPT/UPTD, schools and puskesmas under their OPD; every parent
 * follows the rules of `src/domain/units/unit-kinds.ts` (checked here while generating). The dataset is
 * deterministic: the same seed gives the same rows, ids included.
 *
 * All users share ONE argon2id hash of BENCH_PASSWORD: argon2 is slow by design and 5,500 hashes would
 * take minutes.
 */
import { count, sql } from 'drizzle-orm';
import { getDistricts, getVillages } from 'idn-area-data';
import type { Role } from '#domain/access/roles.ts';
import { checkUnitParent, type UnitKind } from '#domain/units/unit-kinds.ts';
import type { Db } from '#server/db/client.ts';
import { regions, units, users } from '#server/db/schema.ts';
import { hashPassword } from '#server/platform/passwords.ts';
import type { InnovationSummary } from './innovations-dataset.ts';

export const BENCH_PASSWORD = 'sinergi-bench-2026';
/** The region the load benchmark reads (Kota Pangkalpinang) and the admin it logs in as. */
export const BENCH_REGION = '19.71';
export const BENCH_USERNAME = 'admin.1971';

export const DEFAULT_SEED = 20_260_101;
const BATCH_ROWS = 500;

type UnitInsert = typeof units.$inferInsert & { id: string; kind: UnitKind };
type UserInsert = typeof users.$inferInsert;

export interface RegionInfo {
  code: string;
  name: string;
  kind: string;
}

export interface PlaceNames {
  /** Kecamatan names by kabupaten/kota code. */
  districtsOf: Map<string, { code: string; name: string }[]>;
  /** Kelurahan (village codes 1xxx; 2xxx are desa) by kecamatan code. */
  kelurahanOf: Map<string, string[]>;
}

export interface Dataset {
  units: UnitInsert[];
  users: Omit<UserInsert, 'passwordHash'>[];
}

export interface SeedSummary {
  regions: number;
  units: number;
  users: number;
  unitsByKind: Record<string, number>;
  usersByRole: Record<string, number>;
  benchRegionUnits: number;
  /** Who the load benchmark logs in as, and the region it reads. */
  benchLogin: { username: string; password: string; regionCode: string };
  seconds: number;
  /** Periods and innovations (bench/innovations-dataset.ts), when they were seeded too. */
  innovations?: InnovationSummary;
}

// ---------------------------------------------------------------------------------------------------
// Deterministic randomness

export type Rng = () => number;

/** mulberry32: small, fast, good enough for synthetic data. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** The first `n` items of a shuffled copy. */
function sample<T>(rng: Rng, list: readonly T[], n: number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = copy[i];
    const b = copy[j];
    if (a === undefined || b === undefined) continue;
    copy[i] = b;
    copy[j] = a;
  }
  return copy.slice(0, n);
}

/** A version-4-shaped UUID from the generator, so ids are reproducible too. */
export function uuidFrom(rng: Rng): string {
  const bytes = Array.from({ length: 16 }, () => Math.floor(rng() * 256));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------------
// Names

const FIRST_NAMES = [
  'Agus',
  'Ahmad',
  'Andi',
  'Bambang',
  'Budi',
  'Dedi',
  'Dewi',
  'Eko',
  'Endang',
  'Fitri',
  'Hendra',
  'Hadi',
  'Indah',
  'Irwan',
  'Joko',
  'Kartika',
  'Lestari',
  'Made',
  'Muhammad',
  'Nur',
  'Nyoman',
  'Putu',
  'Rahmat',
  'Ratna',
  'Rina',
  'Rudi',
  'Sari',
  'Siti',
  'Slamet',
  'Sri',
  'Suryani',
  'Taufik',
  'Teguh',
  'Wahyu',
  'Wayan',
  'Yanti',
  'Yohanes',
  'Yusuf',
  'Zainal',
  'Maria',
];
const LAST_NAMES = [
  'Hidayat',
  'Santoso',
  'Wijaya',
  'Saputra',
  'Kurniawan',
  'Setiawan',
  'Pratama',
  'Nasution',
  'Siregar',
  'Harahap',
  'Lubis',
  'Simanjuntak',
  'Sinaga',
  'Tanjung',
  'Rahman',
  'Hakim',
  'Syahputra',
  'Wibowo',
  'Susanto',
  'Gunawan',
  'Utami',
  'Lestari',
  'Purnomo',
  'Hasibuan',
  'Manurung',
  'Pangaribuan',
  'Sitompul',
  'Mahendra',
  'Suryadi',
  'Permana',
  'Ramadhan',
  'Effendi',
  'Rangkuti',
  'Tambunan',
  'Daulay',
  'Mandagi',
  'Lumban Tobing',
  'Wenda',
  'Latuconsina',
  'Pattimura',
];
/** Academic and professional titles that go together (prefix, suffix). */
const TITLES: [string, string][] = [
  ['', ''],
  ['', ''],
  ['', ', S.T.'],
  ['', ', S.E., M.M.'],
  ['', ', S.Sos., M.Si.'],
  ['', ', S.H., M.H.'],
  ['', ', S.Pd., M.Pd.'],
  ['', ', S.Kom.'],
  ['Drs. ', ''],
  ['Drs. ', ', M.Si.'],
  ['Ir. ', ''],
  ['Ir. ', ', M.T.'],
  ['dr. ', ''],
  ['dr. ', ', M.Kes.'],
];

export function personName(rng: Rng): string {
  const [prefix, suffix] = pick(rng, TITLES);
  return `${prefix}${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}${suffix}`;
}

/** "Kabupaten Aceh Selatan" → "Aceh Selatan"; provinces are named bare. */
function placeOf(region: RegionInfo): string {
  return region.name.replace(/^(Kabupaten|Kota|Provinsi)\s+/, '');
}

/** "Aceh Selatan" → "ACS": the abbreviation schools use in their short names. */
function abbreviate(place: string): string {
  const words = place.split(/\s+/).filter(Boolean);
  if (words.length === 1) return (words[0] ?? 'X').slice(0, 3).toUpperCase();
  return words
    .map((w) => w.slice(0, 2))
    .join('')
    .slice(0, 4)
    .toUpperCase();
}

interface UnitSpec {
  kind: UnitKind;
  name: string;
  shortName: string;
}

const opd = (kind: UnitKind, name: string, shortName: string): UnitSpec => ({ kind, name, shortName });

const KABKOTA_CORE: UnitSpec[] = [
  opd('sekretariat', 'Sekretariat Daerah', 'Setda'),
  opd('sekretariat', 'Sekretariat DPRD', 'Setwan'),
  opd('inspektorat', 'Inspektorat Daerah', 'Inspektorat'),
  opd('badan', 'Badan Perencanaan Pembangunan Daerah', 'Bappeda'),
  opd('badan', 'Badan Pengelolaan Keuangan dan Aset Daerah', 'BPKAD'),
  opd('badan', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'BKPSDM'),
  opd('badan', 'Badan Pendapatan Daerah', 'Bapenda'),
  opd('badan', 'Badan Penanggulangan Bencana Daerah', 'BPBD'),
  opd('badan', 'Badan Kesatuan Bangsa dan Politik', 'Kesbangpol'),
  opd('dinas', 'Dinas Pendidikan', 'Disdik'),
  opd('dinas', 'Dinas Kesehatan', 'Dinkes'),
  opd('dinas', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'DPUPR'),
  opd('dinas', 'Dinas Sosial', 'Dinsos'),
  opd('dinas', 'Dinas Kependudukan dan Pencatatan Sipil', 'Disdukcapil'),
  opd('dinas', 'Dinas Komunikasi dan Informatika', 'Diskominfo'),
  opd('dinas', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'DPMPTSP'),
  opd('dinas', 'Dinas Lingkungan Hidup', 'DLH'),
  opd('dinas', 'Dinas Perhubungan', 'Dishub'),
  opd('satuan', 'Satuan Polisi Pamong Praja', 'Satpol PP'),
];

const KABKOTA_OPTIONAL: UnitSpec[] = [
  opd('badan', 'Badan Riset dan Inovasi Daerah', 'BRIDA'),
  opd('dinas', 'Dinas Perumahan Rakyat dan Kawasan Permukiman', 'Disperkim'),
  opd('dinas', 'Dinas Tenaga Kerja', 'Disnaker'),
  opd('dinas', 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', 'DP3A'),
  opd('dinas', 'Dinas Pengendalian Penduduk dan Keluarga Berencana', 'DPPKB'),
  opd('dinas', 'Dinas Ketahanan Pangan', 'Diskepang'),
  opd('dinas', 'Dinas Pertanian', 'Distan'),
  opd('dinas', 'Dinas Koperasi, Usaha Kecil dan Menengah', 'Diskop UKM'),
  opd('dinas', 'Dinas Pariwisata dan Kebudayaan', 'Disparbud'),
  opd('dinas', 'Dinas Pemuda dan Olahraga', 'Dispora'),
  opd('dinas', 'Dinas Perpustakaan dan Kearsipan', 'Dispusip'),
  opd('dinas', 'Dinas Perdagangan dan Perindustrian', 'Disdagin'),
  opd('dinas', 'Dinas Perikanan', 'Diskan'),
  opd('dinas', 'Dinas Pemberdayaan Masyarakat dan Desa', 'DPMD'),
  opd('dinas', 'Dinas Pemadam Kebakaran dan Penyelamatan', 'Damkar'),
  opd('dinas', 'Dinas Peternakan dan Kesehatan Hewan', 'Disnakkeswan'),
  opd('kantor', 'Kantor Pengelolaan Pasar', 'Kantor Pasar'),
];

const PROVINCE_CORE: UnitSpec[] = [
  opd('sekretariat', 'Sekretariat Daerah Provinsi', 'Setda Prov'),
  opd('sekretariat', 'Sekretariat DPRD Provinsi', 'Setwan Prov'),
  opd('inspektorat', 'Inspektorat Provinsi', 'Inspektorat'),
  opd('badan', 'Badan Perencanaan Pembangunan Daerah', 'Bappeda'),
  opd('badan', 'Badan Pengelolaan Keuangan dan Aset Daerah', 'BPKAD'),
  opd('badan', 'Badan Kepegawaian Daerah', 'BKD'),
  opd('badan', 'Badan Pendapatan Daerah', 'Bapenda'),
  opd('badan', 'Badan Penanggulangan Bencana Daerah', 'BPBD'),
  opd('badan', 'Badan Kesatuan Bangsa dan Politik', 'Kesbangpol'),
  opd('badan', 'Badan Pengembangan Sumber Daya Manusia', 'BPSDM'),
  opd('dinas', 'Dinas Pendidikan', 'Disdik'),
  opd('dinas', 'Dinas Kesehatan', 'Dinkes'),
  opd('dinas', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'DPUPR'),
  opd('dinas', 'Dinas Sosial', 'Dinsos'),
  opd('dinas', 'Dinas Komunikasi, Informatika dan Statistik', 'Diskominfotik'),
  opd('dinas', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'DPMPTSP'),
  opd('dinas', 'Dinas Lingkungan Hidup dan Kehutanan', 'DLHK'),
  opd('dinas', 'Dinas Perhubungan', 'Dishub'),
  opd('dinas', 'Dinas Tenaga Kerja dan Transmigrasi', 'Disnakertrans'),
  opd('dinas', 'Dinas Energi dan Sumber Daya Mineral', 'Dinas ESDM'),
  opd('dinas', 'Dinas Kelautan dan Perikanan', 'DKP'),
  opd('satuan', 'Satuan Polisi Pamong Praja', 'Satpol PP'),
  opd('kantor', 'Kantor Penghubung Provinsi di Jakarta', 'Kantor Penghubung'),
];

const PROVINCE_OPTIONAL: UnitSpec[] = [
  opd('badan', 'Badan Riset dan Inovasi Daerah', 'BRIDA'),
  opd('dinas', 'Dinas Perumahan Rakyat dan Kawasan Permukiman', 'Disperkim'),
  opd('dinas', 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', 'DP3A'),
  opd('dinas', 'Dinas Ketahanan Pangan', 'Diskepang'),
  opd('dinas', 'Dinas Tanaman Pangan dan Hortikultura', 'Distanhor'),
  opd('dinas', 'Dinas Perkebunan', 'Disbun'),
  opd('dinas', 'Dinas Koperasi dan UKM', 'Diskop UKM'),
  opd('dinas', 'Dinas Pariwisata', 'Dispar'),
  opd('dinas', 'Dinas Kebudayaan', 'Disbud'),
  opd('dinas', 'Dinas Pemuda dan Olahraga', 'Dispora'),
  opd('dinas', 'Dinas Perpustakaan dan Kearsipan', 'Dispusip'),
  opd('dinas', 'Dinas Perindustrian dan Perdagangan', 'Disperindag'),
  opd('dinas', 'Dinas Pemberdayaan Masyarakat dan Desa', 'DPMD'),
  opd('dinas', 'Dinas Kependudukan dan Pencatatan Sipil', 'Disdukcapil'),
];

/** UPT/UPTD of a kabupaten/kota: [name, short name, short name of the OPD it sits under]. */
const KABKOTA_UPT: [string, string, string][] = [
  ['UPTD Pengelolaan Sampah', 'UPTD Sampah', 'DLH'],
  ['UPTD Laboratorium Lingkungan', 'UPTD Lab Lingkungan', 'DLH'],
  ['UPTD Pengujian Kendaraan Bermotor', 'UPTD PKB', 'Dishub'],
  ['UPTD Instalasi Farmasi', 'UPTD Farmasi', 'Dinkes'],
  ['UPTD Laboratorium Kesehatan Daerah', 'UPTD Labkesda', 'Dinkes'],
  ['UPTD Pengelolaan Air Limbah Domestik', 'UPTD PALD', 'DPUPR'],
  ['UPTD Peralatan dan Perbengkelan', 'UPTD Alkal', 'DPUPR'],
  ['UPTD Pelayanan Pajak Daerah', 'UPTD Pajak', 'Bapenda'],
  ['UPTD Rumah Singgah', 'UPTD Rumah Singgah', 'Dinsos'],
];

const PROVINCE_UPT: [string, string, string][] = [
  ['UPTD Pengelolaan Pendapatan Daerah Wilayah I', 'UPTD PPD I', 'Bapenda'],
  ['UPTD Pengelolaan Pendapatan Daerah Wilayah II', 'UPTD PPD II', 'Bapenda'],
  ['UPTD Pengelolaan Pendapatan Daerah Wilayah III', 'UPTD PPD III', 'Bapenda'],
  ['UPTD Kesatuan Pengelolaan Hutan Wilayah I', 'UPTD KPH I', 'DLHK'],
  ['UPTD Kesatuan Pengelolaan Hutan Wilayah II', 'UPTD KPH II', 'DLHK'],
  ['UPTD Balai Latihan Kerja', 'UPTD BLK', 'Disnakertrans'],
  ['UPTD Laboratorium Kesehatan Daerah', 'UPTD Labkesda', 'Dinkes'],
  ['UPTD Pelabuhan Perikanan', 'UPTD PP', 'DKP'],
  ['UPTD Balai Pengujian dan Peralatan', 'UPTD BPP', 'DPUPR'],
  ['UPTD Panti Sosial Tresna Werdha', 'UPTD PSTW', 'Dinsos'],
];

// ---------------------------------------------------------------------------------------------------
// Generation

export async function loadPlaceNames(): Promise<PlaceNames> {
  const [districts, villages] = await Promise.all([getDistricts({ transform: true }), getVillages({ transform: true })]);
  const districtsOf = new Map<string, { code: string; name: string }[]>();
  for (const d of districts) {
    const list = districtsOf.get(d.regencyCode) ?? [];
    list.push({ code: d.code, name: d.name });
    districtsOf.set(d.regencyCode, list);
  }
  const kelurahanOf = new Map<string, string[]>();
  for (const v of villages) {
    if (!v.code.split('.')[3]?.startsWith('1')) continue;
    const list = kelurahanOf.get(v.districtCode) ?? [];
    list.push(v.name);
    kelurahanOf.set(v.districtCode, list);
  }
  return { districtsOf, kelurahanOf };
}

/** The units of one region, parents before children. */
export function unitsForRegion(region: RegionInfo, places: PlaceNames, rng: Rng): UnitInsert[] {
  const out: UnitInsert[] = [];
  const names = new Set<string>();
  const shortNames = new Set<string>();
  const byShort = new Map<string, UnitInsert>();
  const isProvince = region.kind === 'provinsi';
  const target = intBetween(rng, 36, 44);

  const add = (spec: UnitSpec, parent: UnitInsert | null): UnitInsert | null => {
    const nameKey = spec.name.toLowerCase();
    const shortKey = spec.shortName.toLowerCase();
    if (names.has(nameKey) || shortNames.has(shortKey)) return null;
    const violation = checkUnitParent(spec.kind, parent ? parent.kind : null);
    if (violation) throw new Error(`${region.code} ${spec.name}: ${violation}`);
    const row: UnitInsert = {
      id: uuidFrom(rng),
      regionCode: region.code,
      parentId: parent ? parent.id : null,
      kind: spec.kind,
      name: spec.name,
      shortName: spec.shortName,
      headName: rng() < 0.9 ? personName(rng) : null,
    };
    names.add(nameKey);
    shortNames.add(shortKey);
    byShort.set(spec.shortName, row);
    out.push(row);
    return row;
  };

  // OPD: the usual ones, some of the others, a hospital.
  const core = isProvince ? PROVINCE_CORE : KABKOTA_CORE;
  const optional = isProvince ? PROVINCE_OPTIONAL : KABKOTA_OPTIONAL;
  for (const spec of core) add(spec, null);
  for (const spec of sample(rng, optional, intBetween(rng, 4, 8))) add(spec, null);
  const place = placeOf(region);
  add(opd('rsud', isProvince ? `RSUD Provinsi ${place}` : `RSUD ${place}`, 'RSUD'), null);

  // Kecamatan with some of their kelurahan (real names), for kabupaten/kota.
  const districts = sample(rng, places.districtsOf.get(region.code) ?? [], intBetween(rng, 3, 6));
  const kelurahanBudget = intBetween(rng, 0, 4);
  let kelurahanAdded = 0;
  for (const d of districts) {
    const kec = add(opd('kecamatan', `Kecamatan ${d.name}`, `Kec. ${d.name}`), null);
    if (!kec) continue;
    for (const k of sample(rng, places.kelurahanOf.get(d.code) ?? [], 2)) {
      if (kelurahanAdded >= kelurahanBudget) break;
      if (add(opd('kelurahan', `Kelurahan ${k}`, `Kel. ${k}`), kec)) kelurahanAdded++;
    }
  }

  // UPT/UPTD under their OPD.
  for (const [name, shortName, parentShort] of sample(rng, isProvince ? PROVINCE_UPT : KABKOTA_UPT, intBetween(rng, 1, 3))) {
    const parent = byShort.get(parentShort);
    if (parent) add(opd('upt', name, shortName), parent);
  }

  // Puskesmas under the health office (kabupaten/kota), named after kecamatan.
  const dinkes = byShort.get('Dinkes') ?? null;
  if (!isProvince) {
    for (const d of districts.slice(0, 2)) add(opd('puskesmas', `Puskesmas ${d.name}`, `PKM ${d.name}`), dinkes);
  }

  // Schools under the education office until the region reaches its size: SD/SMP for kabupaten/kota,
  // SMA/SMK for provinces. A few stand alone (allowed by the rules).
  const disdik = byShort.get('Disdik') ?? null;
  const levels = isProvince ? (['SMA', 'SMK'] as const) : (['SD', 'SMP'] as const);
  const abbr = abbreviate(place);
  let n = 0;
  while (out.length < target && n < 200) {
    const level = levels[n % 2] ?? 'SD';
    const number = Math.floor(n / 2) + 1 + intBetween(rng, 0, 2) * 10;
    n++;
    add(opd('sekolah', `${level} Negeri ${number} ${place}`, `${level}N ${number} ${abbr}`), rng() < 0.85 ? disdik : null);
  }
  return out;
}

const REGIONAL_USERS: [Role, number, string][] = [
  ['admin_daerah', 1, 'admin'],
  ['operator', 3, 'operator'],
  ['verifikator', 2, 'verifikator'],
  ['juri', 2, 'juri'],
  ['pimpinan', 2, 'pimpinan'],
];

/** Ten users per region (an admin, operators bound to a unit, and the other roles) and 3 national admins. */
export function usersForRegion(region: RegionInfo, regionUnits: readonly UnitInsert[], rng: Rng): Omit<UserInsert, 'passwordHash'>[] {
  const code = region.code.replace(/\./g, '');
  const out: Omit<UserInsert, 'passwordHash'>[] = [];
  const opdUnits = regionUnits.filter((u) => u.parentId === null);
  for (const [role, howMany, prefix] of REGIONAL_USERS) {
    for (let i = 1; i <= howMany; i++) {
      const username = howMany === 1 ? `${prefix}.${code}` : `${prefix}.${code}.${i}`;
      out.push({
        id: uuidFrom(rng),
        username,
        email: rng() < 0.8 ? `${username}@bench.sinergi.invalid` : null,
        displayName: personName(rng),
        role,
        regionCode: region.code,
        unitId: role === 'operator' ? pick(rng, opdUnits.length > 0 ? opdUnits : regionUnits).id : null,
        isActive: rng() < 0.97 || role === 'admin_daerah',
      });
    }
  }
  return out;
}

export function buildDataset(regionList: readonly RegionInfo[], places: PlaceNames, seed = DEFAULT_SEED): Dataset {
  const rng = createRng(seed);
  const dataset: Dataset = { units: [], users: [] };
  for (let i = 1; i <= 3; i++) {
    dataset.users.push({
      id: uuidFrom(rng),
      username: `nasional.${i}`,
      email: `nasional.${i}@bench.sinergi.invalid`,
      displayName: personName(rng),
      role: 'admin_nasional',
      regionCode: null,
      unitId: null,
    });
  }
  for (const region of regionList) {
    const regionUnits = unitsForRegion(region, places, rng);
    dataset.units.push(...regionUnits);
    dataset.users.push(...usersForRegion(region, regionUnits, rng));
  }
  return dataset;
}

function tally<T>(rows: readonly T[], key: (row: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows) out[key(row)] = (out[key(row)] ?? 0) + 1;
  return out;
}

/**
 * Fills a migrated, empty database (regions loaded, no units or users) with the dataset: multi-row
 * inserts of BATCH_ROWS rows in one transaction, then VACUUM ANALYZE so the planner knows the new sizes.
 * Returns the summary, and the rows and regions for what is seeded on top (innovations).
 */
export async function seedDataset(
  db: Db,
  options: { seed?: number } = {},
): Promise<{ summary: SeedSummary; dataset: Dataset; regionList: RegionInfo[] }> {
  const started = performance.now();
  const [unitCount] = await db.select({ n: count() }).from(units);
  const [userCount] = await db.select({ n: count() }).from(users);
  if ((unitCount?.n ?? 0) > 0 || (userCount?.n ?? 0) > 0) {
    throw new Error('The benchmark dataset goes into an empty database (no units, no users): use a fresh one.');
  }
  const regionList = await db.select({ code: regions.code, name: regions.name, kind: regions.kind }).from(regions).orderBy(regions.code);
  const [places, passwordHash] = await Promise.all([loadPlaceNames(), hashPassword(BENCH_PASSWORD)]);
  const dataset = buildDataset(regionList, places, options.seed ?? DEFAULT_SEED);
  const userRows: UserInsert[] = dataset.users.map((u) => ({ ...u, passwordHash }));

  await db.transaction(async (tx) => {
    // Parents come before their children in the list, so a batch never points at a later one.
    for (let i = 0; i < dataset.units.length; i += BATCH_ROWS) {
      await tx.insert(units).values(dataset.units.slice(i, i + BATCH_ROWS));
    }
    for (let i = 0; i < userRows.length; i += BATCH_ROWS) {
      await tx.insert(users).values(userRows.slice(i, i + BATCH_ROWS));
    }
  });
  // VACUUM too: the visibility map is set and autovacuum does not wake up on the new rows mid-benchmark.
  await db.execute(sql`vacuum analyze`);

  const summary: SeedSummary = {
    regions: regionList.length,
    units: dataset.units.length,
    users: userRows.length,
    unitsByKind: tally(dataset.units, (u) => u.kind),
    usersByRole: tally(dataset.users, (u) => u.role),
    benchRegionUnits: dataset.units.filter((u) => u.regionCode === BENCH_REGION).length,
    benchLogin: { username: BENCH_USERNAME, password: BENCH_PASSWORD, regionCode: BENCH_REGION },
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  return { summary, dataset, regionList };
}
