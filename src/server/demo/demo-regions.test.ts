/**
 * The demo reads like the articles: Kota Pangkalpinang's 2026 target of 100 is met mostly by its state
 * SD and SMP (seed 001), the Bagian Organisasi sits under the Setda, proposals arrive on varied days
 * inside the window with rancang bangun texts that differ, and Banjarmasin and Palangka Raya carry the
 * innovations their articles name, in the units the articles place them, visible to the national admin.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTED_STATUSES } from '#server/platform/figures/innovation-target.ts';
import { countWords } from '#domain/innovations/profile.ts';
import { innovations, periods, units } from '#server/db/schema.ts';
import type { Period, PeriodDashboard } from '#shared/api/innovations.ts';
import { loginAs, startTestApp, type TestApp } from '../../../test/support/harness.ts';
import { DEMO_PASSWORD } from './demo-data.ts';
import { seedDemo } from './seed-demo.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.db, { onlyIfNew: false, storage: t.app.storage });
}, 120_000);
afterAll(() => t.close());

async function periodRows(region: string, year: number) {
  const [period] = await t.db
    .select()
    .from(periods)
    .where(and(eq(periods.regionCode, region), eq(periods.year, year)));
  if (!period) throw new Error(`no ${year} period in ${region}`);
  const rows = await t.db
    .select({
      name: innovations.name,
      status: innovations.status,
      createdAt: innovations.createdAt,
      submittedAt: innovations.submittedAt,
      rancangBangun: innovations.rancangBangun,
      unitName: units.name,
      unitKind: units.kind,
    })
    .from(innovations)
    .innerJoin(units, eq(units.id, innovations.unitId))
    .where(eq(innovations.periodId, period.id));
  return { period, rows };
}

describe('Kota Pangkalpinang', () => {
  it('has many state SD and SMP under the Dinas Pendidikan, and the Bagian Organisasi under the Setda', async () => {
    const all = await t.db.select().from(units).where(eq(units.regionCode, '19.71'));
    const byId = new Map(all.map((u) => [u.id, u]));
    const schools = all.filter((u) => u.kind === 'sekolah');
    expect(schools.filter((s) => s.name.startsWith('SD Negeri')).length).toBeGreaterThanOrEqual(40);
    expect(schools.filter((s) => s.name.startsWith('SMP Negeri')).length).toBeGreaterThanOrEqual(10);
    for (const s of schools) expect(byId.get(s.parentId ?? '')?.shortName, s.name).toBe('Disdikbud');
    const bagian = all.find((u) => u.name === 'Bagian Organisasi Sekretariat Daerah');
    expect(bagian?.kind).toBe('bagian');
    expect(byId.get(bagian?.parentId ?? '')?.name).toBe('Sekretariat Daerah');
  });

  it('meets the 2026 target of 100 mostly with school innovations, as the target dashboard counts them', async () => {
    const { period, rows } = await periodRows('19.71', 2026);
    const counted = rows.filter((r) => (COUNTED_STATUSES as string[]).includes(r.status));
    expect(counted.length).toBeGreaterThanOrEqual(period.targetTotal);
    const fromSchools = counted.filter((r) => r.unitKind === 'sekolah');
    expect(fromSchools.length * 2).toBeGreaterThan(counted.length);
    // School names are distinct: no template repeated with a number.
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    const admin = await loginAs(t.app, 'admin.demo', DEMO_PASSWORD);
    const dashboard = (await admin.get(`/api/v1/regions/19.71/periods/${period.id}/dashboard`)).json() as PeriodDashboard;
    expect(dashboard.total).toBe(counted.length);
    expect(dashboard.total).toBeGreaterThanOrEqual(100);
  });

  it('creates and submits proposals on varied days inside each window', async () => {
    for (const year of [2025, 2026]) {
      const { period, rows } = await periodRows('19.71', year);
      const opens = Date.parse(`${period.opensOn}T00:00:00Z`);
      const closes = Date.parse(`${period.closesOn}T23:59:59Z`);
      const fresh = rows.filter((r) => r.createdAt.getTime() >= opens - 86_400_000 * 30);
      for (const r of fresh) {
        expect(r.createdAt.getTime(), r.name).toBeGreaterThanOrEqual(opens);
        if (r.submittedAt) {
          expect(r.submittedAt.getTime(), r.name).toBeLessThanOrEqual(closes);
          expect(r.submittedAt.getTime(), r.name).toBeGreaterThan(r.createdAt.getTime());
        }
      }
      const days = new Set(fresh.map((r) => r.createdAt.toISOString().slice(0, 10)));
      expect(days.size, `${year}`).toBeGreaterThan(Math.min(20, fresh.length / 2));
    }
  });

  it('gives every innovation its own rancang bangun of at least 300 words', async () => {
    const { rows: r2025 } = await periodRows('19.71', 2025);
    const { rows: r2026 } = await periodRows('19.71', 2026);
    const texts = [...r2025, ...r2026];
    for (const r of texts) expect(countWords(r.rancangBangun), r.name).toBeGreaterThanOrEqual(300);
    // Beyond the innovation's own name: the rest of the text differs too (carried-over copies aside).
    const bodies = new Set(texts.map((r) => r.rancangBangun.split(r.name).join('')));
    expect(bodies.size).toBeGreaterThan(texts.length - 5);
    // No sentence appears in most texts: the parts vary.
    const sentenceCounts = new Map<string, number>();
    for (const r of texts) {
      for (const s of new Set(r.rancangBangun.split(/(?<=\.)\s+/))) sentenceCounts.set(s, (sentenceCounts.get(s) ?? 0) + 1);
    }
    const [, most] = [...sentenceCounts.entries()].filter(([s]) => !s.includes('contoh data demo')).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    expect(most).toBeLessThan(texts.length / 2);
  });
});

describe('Banjarmasin and Palangka Raya', () => {
  it('carry the innovations their articles name, in the units the articles place them', async () => {
    const { rows: bjm } = await periodRows('63.71', 2025);
    const unitOf = (name: string) => bjm.find((r) => r.name.startsWith(name))?.unitName;
    expect(unitOf('Parak Acil Online')).toBe('Dinas Kependudukan dan Pencatatan Sipil');
    expect(unitOf('Simonik')).toBe('Bagian Organisasi Sekretariat Daerah');
    expect(unitOf('SIMPEG')).toBe('Badan Kepegawaian dan Pengembangan Sumber Daya Manusia');
    const { rows: pky } = await periodRows('62.71', 2025);
    expect(pky.find((r) => r.name.includes('Gawat Darurat'))?.unitName).toBe('Dinas Komunikasi, Informatika, Statistik dan Persandian');
    expect(pky.find((r) => r.name.includes('Izin Usaha'))?.status).toBe('terverifikasi');
  });

  it('are three regions with periods for the national admin, and each region admin sees only their own', async () => {
    const nasional = await loginAs(t.app, 'nasional.demo', DEMO_PASSWORD);
    for (const region of ['19.71', '62.71', '63.71']) {
      const res = await nasional.get(`/api/v1/regions/${region}/periods`);
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as { items: Period[] }).items.map((p) => p.year)).toContain(2025);
    }
    const banjarmasin = await loginAs(t.app, 'admin.banjarmasin.demo', DEMO_PASSWORD);
    expect((await banjarmasin.get('/api/v1/regions/63.71/periods')).statusCode).toBe(200);
    expect((await banjarmasin.get('/api/v1/regions/62.71/periods')).statusCode).toBe(403);
  });
});
