/**
 * Demo: Kota Pangkalpinang's satisfaction surveys. The 2025 period is finished: every service with its
 * population, a few thousand answers that read like a real city's (civil registration praised, the
 * hospital's waiting time and the puskesmas's waiting room criticised, social services slow to answer
 * complaints), a report's worth of suggestions, and a follow-up plan (some done, one overdue). The 2026
 * period is running with fewer answers, the hospital's queue already better after its follow-up.
 *
 * Answers are drawn from a fixed-seed generator, so the demo is the same on every install; the tallies
 * are built from the very rows inserted, by the same batch path paper forms use.
 */
import { and, asc, eq } from 'drizzle-orm';
import { minimumSample } from '#domain/services/sample-size.ts';
import { AGE_GROUPS, EDUCATIONS, OCCUPATIONS, UNSUR_KEYS, type UnsurKey } from '#domain/services/skm.ts';
import type { Tx } from '#server/db/client.ts';
import { services, skmFollowUps, skmPeriodServices, skmPeriods, units } from '#server/db/schema.ts';
import { insertResponses, type NewResponse } from '#server/features/layanan/skm-responses.service.ts';

const REGION = '19.71';

/** mulberry32: small, fast and the same everywhere. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

type Means = Partial<Record<UnsurKey, number>>;

interface Profile {
  /** Mean answer per unsur (1–4); unlisted unsur take `base`. */
  base: number;
  means: Means;
  /** Service users in a year. */
  population: number;
  /** Share of the minimum sample collected in 2025 (below 1: the sample falls short). */
  reach: number;
  suggestions: string[];
  /** More elderly and disabled respondents (social services). */
  vulnerableShare?: number;
}

const COMMON_SUGGESTIONS = [
  'Pertahankan pelayanan yang sudah baik.',
  'Petugas ramah dan membantu, terima kasih.',
  'Mohon informasi persyaratan dipasang lebih jelas di ruang tunggu.',
  'Tambah kursi di ruang tunggu.',
];

/** How each kind of service fares, by its unit's short name and its own name. */
function profileOf(unit: string, name: string): Profile {
  const n = name.toLowerCase();
  if (unit === 'Disdukcapil') {
    return {
      base: 3.7,
      means: { U3: 3.5, U4: 3.9, U9: 3.45 },
      population: n.includes('ktp') ? 9600 : n.includes('akta') ? 4200 : n.includes('keluarga') ? 6800 : 1900,
      reach: 1.1,
      suggestions: [
        'Cetak mandiri di kertas HVS sangat memudahkan.',
        'Antrean daring sangat membantu, pertahankan.',
        'Jaringan SIAK kadang lambat pada siang hari.',
      ],
    };
  }
  if (unit === 'RSUD DH') {
    return {
      base: 3.05,
      means: { U2: 2.8, U3: 2.2, U4: 3.3, U9: 2.75, U8: 2.8 },
      population: n.includes('gawat') ? 5200 : 21000,
      reach: 0.95,
      suggestions: [
        'Antrean pendaftaran poliklinik terlalu lama, mohon ditambah loket.',
        'Dokter datang terlambat, pasien menunggu berjam-jam.',
        'Ruang tunggu panas dan sempit.',
        'Antrean pendaftaran poliklinik terlalu lama, mohon ditambah loket.',
        'Perlu sistem antrean daring seperti di Disdukcapil.',
      ],
    };
  }
  if (unit === 'DPMPTSP') {
    return {
      base: 3.15,
      means: { U2: 2.75, U3: 2.7, U1: 2.95 },
      population: n.includes('bangunan') ? 640 : n.includes('reklame') ? 140 : 2300,
      reach: 0.9,
      suggestions: [
        'Alur PBG di SIMBG membingungkan, perlu pendampingan.',
        'Persyaratan teknis PBG terlalu banyak.',
        'Petugas pendamping OSS sangat membantu.',
      ],
    };
  }
  if (unit === 'Dinsos') {
    return {
      base: 3.0,
      means: { U3: 2.7, U8: 2.45, U4: 3.8 },
      population: 1500,
      reach: 0.8,
      suggestions: ['Tidak ada kabar setelah usulan diajukan.', 'Mohon ada nomor pengaduan yang dijawab.', 'Petugas sabar melayani lansia.'],
      vulnerableShare: 0.35,
    };
  }
  if (n.includes('pemeriksaan') || n.includes('imunisasi') || unit.toLowerCase().includes('puskesmas') || unit === 'Dinkes') {
    return {
      base: 3.2,
      means: { U9: 2.6, U3: 2.95, U4: 3.7 },
      population: n.includes('imunisasi') ? 180 : 7400,
      reach: 1.0,
      suggestions: ['Ruang tunggu puskesmas sempit dan kurang kursi.', 'Bidan sangat ramah.', 'Toilet perlu diperbaiki.'],
    };
  }
  if (unit === 'Bapenda') {
    return {
      base: 3.3,
      means: { U4: 3.1, U3: 3.4 },
      population: n.includes('mutasi') ? 210 : 31000,
      reach: 1.05,
      suggestions: ['Bayar PBB lewat aplikasi bank sangat mudah.', 'Mohon SPPT dibagikan lebih awal.'],
    };
  }
  if (unit === 'Dishub') {
    return {
      base: 3.1,
      means: { U9: 2.85, U4: 3.0 },
      population: 3100,
      reach: 0.85,
      suggestions: ['Tempat tunggu uji KIR panas, perlu peneduh.', 'Pengujian cepat.'],
    };
  }
  return {
    base: 3.25,
    means: {},
    population: 120 + (hash(name) % 300),
    reach: 1.05,
    suggestions: ['Pelayanan cepat dan jelas.', 'Mohon jam layanan diperpanjang.'],
  };
}

function weighted<T>(next: () => number, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((s, w) => s + w, 0);
  let r = next() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i] ?? 0;
    if (r <= 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

/** An answer around `mean`: mostly the nearest values, now and then one further off. */
function answerAround(next: () => number, mean: number): number {
  const noise = (next() + next() + next() - 1.5) * 0.9;
  return Math.min(4, Math.max(1, Math.round(mean + noise)));
}

const ageWeights = [4, 24, 28, 22, 14, 8];
const educationWeights = [2, 6, 10, 38, 12, 26, 6];
const occupationWeights = [14, 24, 22, 10, 6, 18, 6];
const CHANNELS = ['tautan', 'kiosk', 'kertas'] as const;

function dayIn(next: () => number, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000);
  return new Date(start + Math.floor(next() * (days + 1)) * 86_400_000).toISOString().slice(0, 10);
}

function makeAnswers(
  next: () => number,
  target: { periodId: string; serviceId: string },
  profile: Profile,
  count: number,
  window: { from: string; to: string },
  improved: Means,
): NewResponse[] {
  const rows: NewResponse[] = [];
  for (let i = 0; i < count; i++) {
    const answers = Object.fromEntries(UNSUR_KEYS.map((k) => [k, answerAround(next, improved[k] ?? profile.means[k] ?? profile.base)])) as Record<
      UnsurKey,
      number
    >;
    const day = dayIn(next, window.from, window.to);
    const vulnerableShare = profile.vulnerableShare ?? 0.08;
    const isVulnerable = next() < vulnerableShare;
    const ageGroup = weighted(next, AGE_GROUPS, ageWeights);
    const suggestionRoll = next();
    const pool = suggestionRoll < 0.6 ? profile.suggestions : COMMON_SUGGESTIONS;
    rows.push({
      regionCode: REGION,
      ...target,
      answers,
      gender: next() < 0.52 ? 'perempuan' : 'laki_laki',
      ageGroup,
      education: weighted(next, EDUCATIONS, educationWeights),
      occupation: weighted(next, OCCUPATIONS, occupationWeights),
      vulnerable: isVulnerable
        ? ageGroup === '60+'
          ? 'lansia'
          : weighted(next, ['disabilitas', 'lansia', 'ibu_hamil_menyusui', 'lainnya'], [4, 3, 2, 1])
        : 'tidak',
      serviceDate: day,
      suggestion: next() < 0.14 ? (pool[Math.floor(next() * pool.length)] ?? null) : null,
      channel: weighted(next, CHANNELS, [60, 25, 15]),
      createdAt: new Date(`${day}T${String(1 + Math.floor(next() * 8)).padStart(2, '0')}:${String(Math.floor(next() * 60)).padStart(2, '0')}:00Z`),
    });
  }
  return rows;
}

export async function seedDemoSkm(tx: Tx): Promise<number> {
  const existing = await tx.select({ id: skmPeriods.id }).from(skmPeriods).where(eq(skmPeriods.regionCode, REGION)).limit(1);
  if (existing.length > 0) return 0;
  const catalogue = await tx
    .select({ id: services.id, name: services.name, unit: units.shortName })
    .from(services)
    .innerJoin(units, eq(units.id, services.unitId))
    .where(and(eq(services.regionCode, REGION), eq(services.isActive, true)))
    .orderBy(asc(services.name));
  if (catalogue.length === 0) return 0;

  const [p2025, p2026] = await tx
    .insert(skmPeriods)
    .values([
      { regionCode: REGION, year: 2025, startsOn: '2025-01-01', endsOn: '2025-12-31', status: 'ditutup', allServices: true, deviceIntervalHours: 24 },
      { regionCode: REGION, year: 2026, startsOn: '2026-01-01', endsOn: '2026-12-31', status: 'dibuka', allServices: true, deviceIntervalHours: 24 },
    ])
    .returning({ id: skmPeriods.id });
  if (!p2025 || !p2026) return 0;

  const rows: NewResponse[] = [];
  const populations: Array<typeof skmPeriodServices.$inferInsert> = [];
  for (const s of catalogue) {
    const profile = profileOf(s.unit ?? '', s.name);
    const next = generator(hash(`skm-2025/${s.name}`));
    const minimum = minimumSample(profile.population) ?? 100;
    // Sample sizes vary around the minimum; the busiest services fall short of theirs (the demo stays quick to load).
    const count2025 = Math.min(180, Math.max(20, Math.round(minimum * profile.reach * (0.95 + next() * 0.25))));
    rows.push(...makeAnswers(next, { periodId: p2025.id, serviceId: s.id }, profile, count2025, { from: '2025-01-06', to: '2025-12-19' }, {}));
    populations.push({ periodId: p2025.id, serviceId: s.id, population: profile.population });
    // 2026 so far: fewer answers; the hospital's new counters and online queue show in its waiting time.
    const improved: Means = s.unit === 'RSUD DH' ? { U3: 2.85, U2: 3.0 } : s.unit === 'DPMPTSP' ? { U2: 3.0 } : {};
    const count2026 = Math.max(8, Math.round(count2025 * (0.15 + next() * 0.12)));
    rows.push(...makeAnswers(next, { periodId: p2026.id, serviceId: s.id }, profile, count2026, { from: '2026-01-05', to: '2026-12-03' }, improved));
    populations.push({ periodId: p2026.id, serviceId: s.id, population: Math.round(profile.population * 1.04) });
  }
  await insertResponses(tx, rows);
  await tx.insert(skmPeriodServices).values(populations);

  const serviceId = (unit: string, nameHas: string) =>
    catalogue.find((s) => s.unit === unit && s.name.toLowerCase().includes(nameHas))?.id ?? catalogue.find((s) => s.unit === unit)?.id ?? null;
  await tx.insert(skmFollowUps).values([
    {
      regionCode: REGION,
      periodId: p2025.id,
      serviceId: serviceId('RSUD DH', 'poliklinik'),
      unsur: 'U3',
      action: 'Menambah dua loket pendaftaran pada jam sibuk dan membuka antrean daring poliklinik',
      owner: 'Direktur RSUD Depati Hamzah',
      dueOn: '2026-06-30',
      status: 'selesai',
      progress: 100,
      result: 'Dua loket tambahan beroperasi sejak April 2026; antrean daring melalui WhatsApp dan laman RSUD.',
      completedAt: new Date('2026-05-18T03:00:00Z'),
    },
    {
      regionCode: REGION,
      periodId: p2025.id,
      serviceId: serviceId('DPMPTSP', 'bangunan'),
      unsur: 'U2',
      action: 'Menyediakan pendampingan pengisian SIMBG dan menyederhanakan daftar periksa dokumen PBG',
      owner: 'Kepala Bidang Pelayanan Perizinan DPMPTSP',
      dueOn: '2026-04-30',
      status: 'selesai',
      progress: 100,
      result: 'Meja pendampingan SIMBG dibuka setiap Selasa dan Kamis; daftar periksa satu halaman diterbitkan.',
      completedAt: new Date('2026-04-22T03:00:00Z'),
    },
    {
      regionCode: REGION,
      periodId: p2025.id,
      serviceId: serviceId('Dinsos', 'pbi'),
      unsur: 'U8',
      action: 'Membuka kanal pengaduan WhatsApp yang dijawab pada hari kerja dan memberi kabar status usulan',
      owner: 'Sekretaris Dinas Sosial',
      dueOn: '2026-09-30',
      status: 'berjalan',
      progress: 40,
      result: 'Nomor WhatsApp sudah ada; jadwal petugas penjawab belum ditetapkan.',
    },
    {
      regionCode: REGION,
      periodId: p2025.id,
      serviceId: catalogue.find((s) => s.name.toLowerCase().includes('pemeriksaan umum'))?.id ?? null,
      unsur: 'U9',
      action: 'Memperluas ruang tunggu dan menambah kursi serta memperbaiki toilet puskesmas',
      owner: 'Kepala Dinas Kesehatan',
      dueOn: '2026-12-31',
      status: 'berjalan',
      progress: 60,
      result: 'Kursi tambahan terpasang; renovasi toilet dalam pengerjaan.',
    },
    {
      regionCode: REGION,
      periodId: p2025.id,
      serviceId: null,
      unsur: null,
      action: 'Mengumumkan hasil SKM 2025 dan rencana tindak lanjutnya di portal layanan dan ruang pelayanan setiap unit',
      owner: 'Kepala Bagian Organisasi Setda',
      dueOn: '2026-02-28',
      status: 'selesai',
      progress: 100,
      result: 'Diumumkan di portal layanan dan dipasang di ruang pelayanan.',
      completedAt: new Date('2026-02-20T03:00:00Z'),
    },
  ]);
  return rows.length;
}
