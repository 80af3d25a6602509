/**
 * Demo of the national roll-up: Kota Palangka Raya (62.71) and Kota Banjarmasin (63.71) report too — an
 * innovation period in 2025 and 2026 with innovations in every state (a year their own demo already holds,
 * with the innovations their articles name, keeps it), and an SPBE evaluation each year
 * (2025 final, 2026 under verification) — so the national page ranks real figures and shows movement;
 * an admin of the Province of Kepulauan Bangka Belitung (19) opens the province view; and the three
 * demo cities publish some of their figures on the public national page. Names are illustrative.
 * Seeded once.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { listIndicators } from '#domain/assessments/indicators.ts';
import type { PublishableFigure } from '#domain/nasional/publication.ts';
import { parseFramework } from '#domain/scoring/framework-registry.ts';
import type { Tx } from '#server/db/client.ts';
import { assessmentItems, assessments, frameworkVersions, innovations, nationalPublications, periods, units, users } from '#server/db/schema.ts';

/** The account of the province's Bapperida (README lists it beside the other demo accounts). */
export const DEMO_PROVINCE_ACCOUNT = {
  username: 'provinsi.demo',
  displayName: 'Admin Bapperida Provinsi Kep. Bangka Belitung (Demo)',
  regionCode: '19',
};

/** What each demo city publishes nationally (the others keep the default: nothing). */
export const DEMO_PUBLICATIONS: Record<string, PublishableFigure[]> = {
  '19.71': ['innovations', 'iid', 'government_index', 'ikm', 'complaints'],
  '62.71': ['innovations', 'government_index', 'complaints'],
  '63.71': ['innovations', 'iid', 'government_index'],
};

const REPORTING = [
  { code: '62.71', innovations: { 2025: 14, 2026: 18 }, level: { 2025: [2, 4], 2026: [2, 4] } },
  { code: '63.71', innovations: { 2025: 22, 2026: 19 }, level: { 2025: [1, 3], 2026: [2, 5] } },
] as const;

const NAMES = [
  'Layanan Perizinan Satu Pintu Daring',
  'Posyandu Digital Terpadu',
  'Sekolah Ramah Anak Berbasis Data',
  'Aduan Warga Lewat Pesan Singkat',
  'Pasar Rakyat Non-Tunai',
  'Kelurahan Siaga Bencana',
  'Dashboard Kinerja Perangkat Daerah',
  'Ambulans Gratis Panggilan Darurat',
  'Adminduk Jemput Bola',
  'Bank Sampah Kelurahan',
  'Perpustakaan Keliling Digital',
  'E-Retribusi Parkir',
];
const STATUSES = ['terverifikasi', 'terverifikasi', 'diajukan', 'terverifikasi', 'dikembalikan', 'draft', 'terverifikasi', 'ditolak'] as const;

/** A deterministic level from a string, so the demo looks varied but never changes. */
function demoLevel(key: string, min: number, max: number): number {
  let h = 0;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) % 9973;
  return min + (h % (max - min + 1));
}

async function spbeFramework(tx: Tx) {
  const [row] = await tx
    .select({ id: frameworkVersions.id, body: frameworkVersions.body })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.frameworkId, 'spbe-2020'));
  if (!row) return undefined;
  const parsed = parseFramework(row.body);
  return parsed.ok ? { id: row.id, framework: parsed.framework } : undefined;
}

type Reporting = (typeof REPORTING)[number];

/** A reporting period of one of the other cities, with innovations in every state (names illustrative). */
async function seedReportingPeriod(tx: Tx, region: Reporting, year: 2025 | 2026, unitRows: { id: string }[]): Promise<void> {
  const [period] = await tx
    .insert(periods)
    .values({
      regionCode: region.code,
      year,
      opensOn: `${year}-04-01`,
      closesOn: `${year}-08-31`,
      targetTotal: 20,
      minPerUnit: 1,
    })
    .returning({ id: periods.id });
  if (!period) return;
  const count = region.innovations[year];
  await tx.insert(innovations).values(
    Array.from({ length: count }, (_, i) => {
      const status = STATUSES[i % STATUSES.length] ?? 'diajukan';
      const at = new Date(Date.UTC(year, 4, 2 + (i % 25), 3));
      return {
        regionCode: region.code,
        periodId: period.id,
        unitId: unitRows[i % unitRows.length]?.id ?? '',
        status,
        name: `${NAMES[i % NAMES.length]} ${i >= NAMES.length ? `Tahap ${Math.floor(i / NAMES.length) + 1}` : ''}`.trim(),
        tahapan: 'penerapan',
        jenis: i % 3 === 0 ? 'non_digital' : 'digital',
        submittedAt: status === 'draft' ? null : at,
        verifiedAt: status === 'terverifikasi' ? new Date(at.getTime() + 14 * 86_400_000) : null,
        createdAt: at,
      };
    }),
  );
}

/** The city's SPBE evaluation of a year: 2025 final, 2026 under verification, levels varied but fixed. */
async function seedSpbeEvaluation(
  tx: Tx,
  spbe: NonNullable<Awaited<ReturnType<typeof spbeFramework>>>,
  region: Reporting,
  year: 2025 | 2026,
): Promise<void> {
  const [assessment] = await tx
    .insert(assessments)
    .values({
      regionCode: region.code,
      frameworkVersionId: spbe.id,
      frameworkId: 'spbe-2020',
      year,
      stage: year === 2025 ? 'final' : 'verifikasi',
      finalizedAt: year === 2025 ? new Date(Date.UTC(2025, 9, 30)) : null,
    })
    .returning({ id: assessments.id });
  if (!assessment) return;
  const [min, max] = region.level[year];
  await tx.insert(assessmentItems).values(
    listIndicators(spbe.framework).map((ind) => {
      const claimed = demoLevel(`${region.code}-${year}-${ind.id}`, min, max);
      return {
        assessmentId: assessment.id,
        regionCode: region.code,
        indicatorId: ind.id,
        claimedValue: String(claimed),
        explanation: 'Contoh data demo: dokumen kebijakan dan laporan pelaksanaan terlampir.',
        claimedAt: new Date(Date.UTC(year, 6, 1)),
        verification: 'accepted',
        verifiedAt: new Date(Date.UTC(year, 8, 15)),
      };
    }),
  );
}

export async function seedDemoNasional(tx: Tx, passwordHash: string): Promise<void> {
  const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.username, DEMO_PROVINCE_ACCOUNT.username));
  if (!account) {
    await tx.insert(users).values({
      username: DEMO_PROVINCE_ACCOUNT.username,
      displayName: DEMO_PROVINCE_ACCOUNT.displayName,
      role: 'admin_daerah',
      regionCode: DEMO_PROVINCE_ACCOUNT.regionCode,
      passwordHash,
    });
  }

  const spbe = await spbeFramework(tx);
  for (const region of REPORTING) {
    const unitRows = await tx.select({ id: units.id }).from(units).where(eq(units.regionCode, region.code)).orderBy(units.name);
    if (unitRows.length === 0) continue;
    const periodYears = new Set(
      (await tx.select({ year: periods.year }).from(periods).where(eq(periods.regionCode, region.code))).map((p) => p.year),
    );
    const assessed = await tx
      .select({ year: assessments.year })
      .from(assessments)
      .where(and(eq(assessments.regionCode, region.code), eq(assessments.frameworkId, 'spbe-2020')));
    const assessmentYears = new Set(assessed.map((a) => a.year));
    for (const year of [2025, 2026] as const) {
      // A year the city's own demo (the innovations its article names) already holds keeps its period;
      // the SPBE evaluation is added beside it all the same.
      if (!periodYears.has(year)) await seedReportingPeriod(tx, region, year, unitRows);
      if (spbe && !assessmentYears.has(year)) await seedSpbeEvaluation(tx, spbe, region, year);
    }
  }

  const chosen = await tx
    .select({ code: nationalPublications.regionCode })
    .from(nationalPublications)
    .where(inArray(nationalPublications.regionCode, Object.keys(DEMO_PUBLICATIONS)));
  const already = new Set(chosen.map((c) => c.code));
  const rows = Object.entries(DEMO_PUBLICATIONS)
    .filter(([code]) => !already.has(code))
    .map(([regionCode, figures]) => ({ regionCode, figures }));
  if (rows.length > 0) await tx.insert(nationalPublications).values(rows);
}
