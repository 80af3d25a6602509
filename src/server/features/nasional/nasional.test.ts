/**
 * The national roll-up on the demo through the HTTP API: every region's row equals its own dashboard
 * (a figure shown in two places is the same figure), ranks share ties within the cluster, the cluster
 * filter, search, paging and exports, the province view only for a province's own users, the region's
 * publication choice (versioned, audited) and the public page showing only what each region publishes.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dec } from '#domain/scoring/decimal.ts';
import { assessmentItems, assessments, auditLog, iidAnswers, innovations, periods } from '#server/db/schema.ts';
import { DEMO_PASSWORD } from '#server/demo/demo-data.ts';
import { DEMO_PROVINCE_ACCOUNT, DEMO_PUBLICATIONS } from '#server/demo/demo-nasional.ts';
import { seedDemo } from '#server/demo/seed-demo.ts';
import type { RegionDashboard } from '#shared/api/dasbor.ts';
import type { NationalPublication, NationalRollup, ProvinceRollup, PublicNational, RollupRow } from '#shared/api/nasional.ts';
import { anonymous, type Client, clientFor, loginAs, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const DEMO_CITIES = ['19.71', '62.71', '63.71'];
let t: TestApp;
let nasional: Client;
let province: Client;
let cityAdmin: Client;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.db, { onlyIfNew: false, storage: t.app.storage });
  nasional = await loginAs(t.app, 'nasional.demo', DEMO_PASSWORD);
  province = await loginAs(t.app, DEMO_PROVINCE_ACCOUNT.username, DEMO_PASSWORD);
  cityAdmin = await loginAs(t.app, 'admin.demo', DEMO_PASSWORD);
}, 120_000);
afterAll(() => t.close());

async function rollup(query: string): Promise<NationalRollup> {
  const res = await nasional.get(`/api/v1/national/rollup?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as NationalRollup;
}

async function rowOf(code: string, year: number): Promise<RollupRow> {
  const table = await rollup(`year=${year}&q=${code}&pageSize=5`);
  const row = table.items.find((r) => r.regionCode === code);
  if (!row) throw new Error(`${code} not in the roll-up`);
  return row;
}

describe('a region row equals its dashboard', () => {
  for (const year of [2025, 2026]) {
    for (const code of DEMO_CITIES) {
      it(`${code} in ${year}: innovations, IID, SPBE/Pemdi, IKM and complaints`, async () => {
        const res = await nasional.get(`/api/v1/regions/${code}/dashboard?year=${year}`);
        expect(res.statusCode, res.body).toBe(200);
        const d = res.json() as RegionDashboard;
        const row = await rowOf(code, year);
        expect(row.innovations).toEqual({ target: d.innovations.target, proposed: d.innovations.proposed, verified: d.innovations.verified });
        expect(row.iid.value).toBe(d.iid?.verified ?? null);
        expect(row.iid.predicate).toBe(d.iid?.predicate ?? null);
        expect(row.government.value).toBe(d.assessment?.index ?? null);
        expect(row.government.predicate).toBe(d.assessment?.predicate ?? null);
        expect(row.government.label).toBe(d.assessment?.frameworkName ?? null);
        expect(row.ikm.value).toBe(d.ikm?.index ?? null);
        expect(row.ikm.predicate).toBe(d.ikm?.grade ?? null);
        expect(row.complaints).toEqual({
          received: d.complaints.received,
          resolved: d.complaints.resolved,
          resolutionRate: d.complaints.resolutionRate,
        });
        expect(row.usesPlatform).toBe(true);
        expect(row.reported).toBe(d.innovations.proposed > 0);
      });
    }
  }

  it("follows a verifier's correction at once: the IID kept for the roll-up is recomputed when an answer changes", async () => {
    const code = '19.71';
    const year = 2025;
    const before = await rowOf(code, year);
    await rowOf(code, year); // computed once, then served from what was kept
    const verifier = await loginAs(t.app, 'verifikator.demo', DEMO_PASSWORD);
    const accepted = await t.db
      .select({ innovationId: iidAnswers.innovationId, indicatorId: iidAnswers.indicatorId, level: iidAnswers.verifiedLevel })
      .from(iidAnswers)
      .innerJoin(periods, eq(periods.id, iidAnswers.periodId))
      .innerJoin(innovations, eq(innovations.id, iidAnswers.innovationId))
      .where(
        and(eq(iidAnswers.regionCode, code), eq(periods.year, year), isNotNull(iidAnswers.claimedLevel), eq(innovations.status, 'terverifikasi')),
      );
    expect(accepted.length).toBeGreaterThan(0);
    // Set answers to the lowest level until the dashboard's verified IID moves (an answer of an innovation
    // the verified basis does not count would not move it).
    let moved: RegionDashboard | null = null;
    for (const a of accepted.filter((x) => x.level !== 1).slice(0, 30)) {
      const res = await verifier.post(`/api/v1/regions/${code}/iid/innovations/${a.innovationId}/answers/${a.indicatorId}/verify`, {
        decision: 'correct',
        level: 1,
        note: 'Bukti hanya mendukung tingkat terendah.',
      });
      if (res.statusCode !== 200) continue; // an innovation not open to verification
      const d = (await nasional.get(`/api/v1/regions/${code}/dashboard?year=${year}`)).json() as RegionDashboard;
      if (d.iid?.verified !== before.iid.value) {
        moved = d;
        break;
      }
    }
    expect(moved, 'no correction moved the verified IID').not.toBeNull();
    const after = await rowOf(code, year);
    expect(after.iid.value).toBe(moved?.iid?.verified);
    expect(after.iid.value).not.toBe(before.iid.value);
  });

  it('the demo gives every reporting city real figures (not all empty)', async () => {
    const rows = await Promise.all(DEMO_CITIES.map((c) => rowOf(c, 2025)));
    for (const r of rows) {
      expect(r.innovations.proposed, r.regionCode).toBeGreaterThan(0);
      expect(r.government.value, r.regionCode).not.toBeNull();
    }
  });
});

describe('ranks, clusters and movement', () => {
  it('ranks within the cluster: one more than the regions strictly ahead, so ties share a rank', async () => {
    const table = await rollup('year=2025&cluster=kota&pageSize=600');
    const ranked = table.items.filter((r) => r.government.value !== null);
    expect(ranked.length).toBeGreaterThanOrEqual(3);
    for (const r of table.items) {
      const value = r.government.value;
      if (value === null) {
        expect(r.government.rank).toBeNull();
        continue;
      }
      const ahead = ranked.filter((o) => new Dec(o.government.value ?? '0').greaterThan(value)).length;
      expect(r.government.rank, r.regionCode).toBe(ahead + 1);
    }
  });

  it('a tie shares its rank and the next rank skips (1, 1, 3)', async () => {
    // Kota Palangka Raya's 2025 SPBE copied to Kota Banjarmasin gives a tie.
    const [a62] = await t.db
      .select()
      .from(assessments)
      .where(and(eq(assessments.regionCode, '62.71'), eq(assessments.year, 2025)));
    const [a63] = await t.db
      .select()
      .from(assessments)
      .where(and(eq(assessments.regionCode, '63.71'), eq(assessments.year, 2025)));
    if (!a62 || !a63) throw new Error('demo assessments missing');
    const items = await t.db.select().from(assessmentItems).where(eq(assessmentItems.assessmentId, a62.id));
    const saved = await t.db.select().from(assessmentItems).where(eq(assessmentItems.assessmentId, a63.id));
    for (const i of items) {
      await t.db
        .update(assessmentItems)
        .set({ claimedValue: i.claimedValue, verification: i.verification, verifiedValue: i.verifiedValue })
        .where(and(eq(assessmentItems.assessmentId, a63.id), eq(assessmentItems.indicatorId, i.indicatorId)));
    }
    try {
      const table = await rollup('year=2025&cluster=kota&pageSize=600');
      const r62 = table.items.find((r) => r.regionCode === '62.71');
      const r63 = table.items.find((r) => r.regionCode === '63.71');
      expect(r63?.government.value).toBe(r62?.government.value);
      expect(r63?.government.rank).toBe(r62?.government.rank);
      const tied = r62?.government.rank ?? 0;
      const next = table.items.filter((r) => r.government.rank !== null && r.government.rank > tied).map((r) => r.government.rank);
      if (next.length > 0) expect(Math.min(...(next as number[]))).toBe(tied + 2);
    } finally {
      for (const i of saved) {
        await t.db
          .update(assessmentItems)
          .set({ claimedValue: i.claimedValue, verification: i.verification, verifiedValue: i.verifiedValue })
          .where(and(eq(assessmentItems.assessmentId, a63.id), eq(assessmentItems.indicatorId, i.indicatorId)));
      }
    }
  });

  it('filters by cluster: provinces only with provinces, and counts per cluster', async () => {
    const table = await rollup('year=2025&cluster=provinsi&pageSize=600');
    expect(table.total).toBe(38);
    expect(table.items.every((r) => r.kind === 'provinsi' && r.cluster === 'provinsi')).toBe(true);
    const all = await rollup('year=2025&pageSize=25');
    expect(all.total).toBe(all.clusters.reduce((n, c) => n + c.summary.regions, 0));
    expect(all.items).toHaveLength(25);
    expect(all.clusters.find((c) => c.id === 'kota')?.summary.usingPlatform).toBeGreaterThanOrEqual(3);
  });

  it('shows the movement since last year as the difference of the two years', async () => {
    const now = await rowOf('62.71', 2026);
    const last = await rowOf('62.71', 2025);
    expect(now.government.previousValue).toBe(last.government.value);
    expect(now.government.change).toBe(new Dec(now.government.value ?? '0').minus(last.government.value ?? '0').toFixed(2));
    expect(now.government.rankChange).toBe((now.government.previousRank ?? 0) - (now.government.rank ?? 0));
  });

  it('searches by name, sorts by a figure and counts the distributions of what it shows', async () => {
    const found = await rollup('year=2025&q=banjarmasin');
    expect(found.items.map((r) => r.regionCode)).toContain('63.71');
    expect(found.items.every((r) => r.regionName.toLowerCase().includes('banjarmasin'))).toBe(true);
    const sorted = await rollup('year=2025&cluster=kota&sort=proposed&pageSize=5');
    const proposed = sorted.items.map((r) => r.innovations.proposed);
    expect(proposed).toEqual([...proposed].sort((a, b) => b - a));
    const kota = await rollup('year=2025&cluster=kota&pageSize=600');
    const withIndex = kota.items.filter((r) => r.government.value !== null).length;
    expect(kota.distributions.government.histogram.reduce((n, b) => n + b.count, 0)).toBe(withIndex);
    expect(kota.distributions.government.predicates.reduce((n, b) => n + b.count, 0)).toBe(withIndex);
  });

  it('refuses an unknown cluster with a message', async () => {
    const res = await nasional.get('/api/v1/national/rollup?cluster=pulau');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Klaster tidak dikenal');
  });

  it('exports the filtered rows as CSV and XLSX, for the national admin only', async () => {
    const table = await rollup('year=2025&cluster=kota&pageSize=600');
    const csv = await nasional.get('/api/v1/national/rollup.csv?year=2025&cluster=kota');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toContain('Kode wilayah,Daerah');
    expect(lines).toHaveLength(table.total + 1);
    expect(csv.body).toContain('63.71,');
    const xlsx = await nasional.get('/api/v1/national/rollup.xlsx?year=2025');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await cityAdmin.get('/api/v1/national/rollup')).statusCode).toBe(403);
    expect((await cityAdmin.get('/api/v1/national/rollup.csv')).statusCode).toBe(403);
  });
});

describe('the province view', () => {
  it("shows the province's own kabupaten/kota ranked among themselves, equal to the national rows", async () => {
    const res = await province.get('/api/v1/regions/19/province-rollup?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as ProvinceRollup;
    expect(view.items.length).toBeGreaterThanOrEqual(7);
    expect(view.items.every((r) => r.provinceCode === '19' && r.kind !== 'provinsi')).toBe(true);
    const pangkalpinang = view.items.find((r) => r.regionCode === '19.71');
    const national = await rowOf('19.71', 2025);
    expect(pangkalpinang?.government.value).toBe(national.government.value);
    // Alone with an SPBE index among its province's regions, it ranks first there.
    expect(pangkalpinang?.government.rank).toBe(1);
  });

  it("lets the province's pimpinan read it too", async () => {
    const { client } = await clientFor(t, 'pimpinan', '19');
    expect((await client.get('/api/v1/regions/19/province-rollup')).statusCode).toBe(200);
  });

  it('refuses a kab/kota admin with 403 (not a province) and another province admin with 403', async () => {
    const city = await cityAdmin.get('/api/v1/regions/19.71/province-rollup');
    expect(city.statusCode).toBe(403);
    expect(city.json().error.code).toBe('PROVINCE_ONLY');
    const other = await province.get('/api/v1/regions/62/province-rollup');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('REGION_FORBIDDEN');
    const { client: operator } = await clientFor(t, 'operator', '19');
    expect((await operator.get('/api/v1/regions/19/province-rollup')).statusCode).toBe(403);
  });
});

describe('publishing and the public national page', () => {
  it('defaults to nothing for a region that has not chosen', async () => {
    const res = await nasional.get('/api/v1/regions/11.71/national-publication');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ figures: [], version: 0 });
  });

  it('shows only what each region publishes, ranked among the regions that publish it', async () => {
    const res = await anonymous(t.app).get('/api/v1/public/national?year=2025');
    expect(res.statusCode).toBe(200);
    const page = res.json() as PublicNational;
    expect(page.items.map((r) => r.regionCode).sort()).toEqual(Object.keys(DEMO_PUBLICATIONS).sort());
    const palangka = page.items.find((r) => r.regionCode === '62.71');
    expect(palangka?.iid).toBeNull();
    expect(palangka?.ikm).toBeNull();
    expect(palangka?.government?.value).toBe((await rowOf('62.71', 2025)).government.value);
    const banjarmasin = page.items.find((r) => r.regionCode === '63.71');
    expect(banjarmasin?.complaints).toBeNull();
    expect(banjarmasin?.iid?.value).toBe((await rowOf('63.71', 2025)).iid.value);
    // IID is published by 19.71 and 63.71 only: their ranks are 1 and 2 (or a shared 1).
    const iidRanks = page.items.flatMap((r) => (r.iid?.rank != null ? [r.iid.rank] : []));
    expect(iidRanks.length).toBe(2);
    expect(Math.max(...iidRanks)).toBeLessThanOrEqual(2);
    expect(JSON.stringify(palangka)).not.toContain('"predicate":"Sangat Inovatif"');
  });

  it('lets the regional admin change the choice with a version, audited, and the public page follows', async () => {
    const current = (await cityAdmin.get('/api/v1/regions/19.71/national-publication')).json() as NationalPublication;
    expect(current.figures).toEqual(DEMO_PUBLICATIONS['19.71']);
    const stale = await cityAdmin.put('/api/v1/regions/19.71/national-publication', { figures: ['iid'], version: current.version + 5 });
    expect(stale.statusCode).toBe(409);
    const bad = await cityAdmin.put('/api/v1/regions/19.71/national-publication', { figures: ['gaji'], version: current.version });
    expect(bad.statusCode).toBe(400);
    const res = await cityAdmin.put('/api/v1/regions/19.71/national-publication', { figures: ['ikm', 'iid'], version: current.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ figures: ['iid', 'ikm'], version: current.version + 1 });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'national_publication.update'), eq(auditLog.regionCode, '19.71')));
    expect(audit).toHaveLength(1);
    const page = (await anonymous(t.app).get('/api/v1/public/national?year=2025')).json() as PublicNational;
    const row = page.items.find((r) => r.regionCode === '19.71');
    expect(row?.government).toBeNull();
    expect(row?.innovations).toBeNull();
    expect(row?.published).toEqual(['iid', 'ikm']);
    // Publishing nothing takes the region off the page.
    await cityAdmin.put('/api/v1/regions/19.71/national-publication', { figures: [], version: current.version + 1 });
    const after = (await anonymous(t.app).get('/api/v1/public/national?year=2025')).json() as PublicNational;
    expect(after.items.map((r) => r.regionCode)).not.toContain('19.71');
  });

  it('keeps the choice to the regional admin', async () => {
    const pimpinan = await loginAs(t.app, 'pimpinan.demo', DEMO_PASSWORD);
    expect((await pimpinan.put('/api/v1/regions/19.71/national-publication', { figures: [], version: 0 })).statusCode).toBe(403);
  });
});
