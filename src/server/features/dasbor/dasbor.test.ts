/**
 * The region's dashboard on the demo region (Kota Pangkalpinang, 19.71) through the HTTP API: every
 * headline figure equals the figure its source page shows (one test per figure), the weekly trend ends
 * at the figures, the PDF brief is a PDF naming the region, a command centre's token reads both and
 * nothing of another region, and a region's users never read another region's dashboard.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentItems } from '#server/db/schema.ts';
import { DEMO_API_TOKEN, seedDemoApiTokens } from '#server/demo/demo-api-tokens.ts';
import { DEMO_PASSWORD } from '#server/demo/demo-data.ts';
import { seedDemo } from '#server/demo/seed-demo.ts';
import type { AssessmentDetail, AssessmentSummary } from '#shared/api/assessments.ts';
import type { ComplaintStats } from '#shared/api/complaints.ts';
import type { RegionDashboard } from '#shared/api/dasbor.ts';
import type { IidProjectionResponse } from '#shared/api/iid.ts';
import type { Period, PeriodDashboard } from '#shared/api/innovations.ts';
import type { PublicSmartCity } from '#shared/api/kota-cerdas.ts';
import type { SkmPeriod, SkmResults } from '#shared/api/skm.ts';
import { anonymous, type Client, loginAs, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { pdfText } from '../../../../test/support/pdf-text.ts';

const HOME = '19.71';
let t: TestApp;
let pimpinan: Client;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.db, { onlyIfNew: false, storage: t.app.storage });
  await t.db.transaction(async (tx) => {
    await seedDemoApiTokens(tx);
  });
  pimpinan = await loginAs(t.app, 'pimpinan.demo', DEMO_PASSWORD);
  admin = await loginAs(t.app, 'admin.demo', DEMO_PASSWORD);
}, 120_000);
afterAll(() => t.close());

async function dashboard(year: number, client: Client = pimpinan): Promise<RegionDashboard> {
  const res = await client.get(`/api/v1/regions/${HOME}/dashboard?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as RegionDashboard;
}

async function periodOf(year: number): Promise<Period> {
  const list = (await admin.get(`/api/v1/regions/${HOME}/periods`)).json() as { items: Period[] };
  const found = list.items.find((p) => p.year === year);
  if (!found) throw new Error(`the demo has no ${year} period`);
  return found;
}

describe('the dashboard figures equal their source pages', () => {
  it('innovations: target, proposed, units against the minimum and yandas as the target dashboard; verified as the public catalogue', async () => {
    const d = await dashboard(2025);
    const period = await periodOf(2025);
    const target = (await admin.get(`/api/v1/regions/${HOME}/periods/${period.id}/dashboard`)).json() as PeriodDashboard;
    const catalogue = (await anonymous(t.app).get(`/api/v1/public/innovations?region=${HOME}&year=2025`)).json() as { total: number };
    expect(d.innovations).toMatchObject({
      periodId: period.id,
      target: period.targetTotal,
      proposed: target.total,
      verified: catalogue.total,
      unitsMeetingMinimum: target.units.filter((u) => u.meetsMinimum).length,
      units: target.units.length,
      yandasCovered: target.yandasCovered,
    });
    expect(d.innovations.verified).toBe(target.verified);
    expect(d.innovations.verified).toBeGreaterThan(0);
    expect(d.innovations.proposed).toBeGreaterThan(d.innovations.verified);
  });

  it('IID: claimed, verified and the predicate as the IID projection page', async () => {
    const d = await dashboard(2025);
    const period = await periodOf(2025);
    const iid = (await admin.get(`/api/v1/regions/${HOME}/iid/periods/${period.id}`)).json() as IidProjectionResponse;
    expect(d.iid).toEqual({
      periodId: period.id,
      frameworkName: iid.frameworkName,
      claimed: iid.claimed.index,
      verified: iid.verified.index,
      predicate: iid.verified.predicate,
      claimedPredicate: iid.claimed.predicate,
    });
    expect(Number(d.iid?.claimed)).toBeGreaterThan(0);
  });

  it('assessment: the final SPBE 2025 as verified on its page, with its domains; 2026 takes Pemdi over SPBE', async () => {
    const d = await dashboard(2025);
    const list = (await admin.get(`/api/v1/regions/${HOME}/assessments`)).json() as { items?: AssessmentSummary[] } | AssessmentSummary[];
    const items = Array.isArray(list) ? list : (list.items ?? []);
    const spbe = items.find((a) => a.year === 2025 && a.frameworkId === 'spbe-2020');
    const detail = (await admin.get(`/api/v1/regions/${HOME}/assessments/${spbe?.id}`)).json() as AssessmentDetail;
    expect(d.assessment).toMatchObject({
      assessmentId: spbe?.id,
      framework: 'spbe-2020',
      basis: 'verified',
      index: detail.verified.index,
      predicate: detail.verified.predicate,
      claimedIndex: detail.claimed.index,
    });
    expect(d.assessment?.index).not.toBeNull();
    expect(d.assessment?.domains.length).toBeGreaterThan(1);
    for (const domain of d.assessment?.domains ?? []) expect(domain.index).toBe(detail.verified.nodes[domain.id]?.index);

    const d2026 = await dashboard(2026);
    expect(d2026.assessment).toMatchObject({ framework: 'pemdi-2026', basis: 'claimed', stage: 'mandiri' });
  });

  it('IKM: the region index, grade and weakest services as the survey results page', async () => {
    const d = await dashboard(2025);
    const periods = (await admin.get(`/api/v1/regions/${HOME}/skm-periods`)).json() as { items?: SkmPeriod[] } | SkmPeriod[];
    const list = Array.isArray(periods) ? periods : (periods.items ?? []);
    const period = list.find((p) => p.year === 2025);
    const results = (await admin.get(`/api/v1/regions/${HOME}/skm-periods/${period?.id}/results`)).json() as SkmResults;
    expect(d.ikm).toMatchObject({
      periodId: period?.id,
      index: results.region?.index,
      grade: results.region?.grade,
      responses: results.region?.responses,
    });
    expect(d.ikm?.index).not.toBeNull();
    const lowest = results.services
      .flatMap((s) => (s.ikm ? [{ serviceId: s.serviceId, index: s.ikm.index }] : []))
      .sort((a, b) => Number(a.index) - Number(b.index))
      .slice(0, 3);
    expect(d.ikm?.weakestServices.map((s) => s.index)).toEqual(lowest.map((s) => s.index));
    expect(d.ikm?.weakestServices[0]?.serviceId).toBe(lowest[0]?.serviceId);
  });

  it('smart city: the programmes and their statuses as the public smart-city page', async () => {
    const d = await dashboard(2026);
    const pub = (await anonymous(t.app).get(`/api/v1/public/regions/${HOME}/smart-city`)).json() as PublicSmartCity;
    const countOf = (status: string) => pub.programmes.filter((p) => p.status === status).length;
    expect(d.smartCity).toMatchObject({
      programmes: pub.programmes.length,
      onTrack: countOf('berjalan'),
      done: countOf('selesai'),
      blocked: countOf('terhambat'),
      notReported: countOf('belum_dilaporkan'),
    });
    expect(d.smartCity?.programmes).toBe(22);
    // The mean of the page's programme progress, rounded half-up to 2 places.
    const measured = pub.programmes.flatMap((p) => (p.progress === null ? [] : [Math.round(Number(p.progress) * 100)]));
    const mean = measured.reduce((a, b) => a + b, 0) / measured.length / 100;
    expect(Number(d.smartCity?.progress)).toBeCloseTo(mean, 2);
  });

  it("smart city: the year's evaluation is the smart-city assessment's index as its page shows it", async () => {
    expect((await dashboard(2026)).smartCity?.evaluation).toBeNull();
    const versions = (await admin.get(`/api/v1/regions/${HOME}/framework-versions`)).json() as {
      items: { id: string; frameworkId: string; origin: string }[];
    };
    const version = versions.items.find((v) => v.frameworkId === 'smartcity-2021' && v.origin === 'shipped');
    const created = await admin.post(`/api/v1/regions/${HOME}/assessments`, { frameworkVersionId: version?.id, year: 2026 });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: string };
    // Two indicators claimed at 4 of 5, set by hand: the page and the dashboard score the same items.
    const items = await t.db.select({ id: assessmentItems.id }).from(assessmentItems).where(eq(assessmentItems.assessmentId, id)).limit(2);
    for (const item of items) await t.db.update(assessmentItems).set({ claimedValue: '4' }).where(eq(assessmentItems.id, item.id));
    const detail = (await admin.get(`/api/v1/regions/${HOME}/assessments/${id}`)).json() as AssessmentDetail;
    expect(detail.claimed.index).not.toBeNull();
    expect((await dashboard(2026)).smartCity?.evaluation).toEqual({
      assessmentId: id,
      frameworkName: detail.frameworkName,
      stage: 'mandiri',
      basis: 'claimed',
      index: detail.claimed.index,
      predicate: detail.claimed.predicate,
      change: null,
    });
    // The demo's 2025 evaluation: its change is the one its evaluation page shows (2.94 → 3.13).
    const evaluation2025 = (await dashboard(2025)).smartCity?.evaluation;
    const page = (await admin.get(`/api/v1/regions/${HOME}/assessments/${evaluation2025?.assessmentId}/evaluation`)).json() as {
      delta: string | null;
    };
    expect(evaluation2025?.change).toBe(page.delta);
    expect(page.delta).toBe('0.19');
  });

  it('complaints: received, resolved, on time and overdue as the complaint statistics of the year', async () => {
    for (const year of [2025, 2026]) {
      const d = await dashboard(year);
      const stats = (await admin.get(`/api/v1/regions/${HOME}/complaint-stats?from=${year}-01-01&to=${year}-12-31`)).json() as ComplaintStats;
      expect(d.complaints).toEqual({
        received: stats.total,
        resolved: stats.resolved,
        resolvedOnTime: stats.resolvedOnTime,
        overdue: stats.overdue,
        open: stats.open,
        resolutionRate: stats.resolutionRate,
      });
    }
    const all = (await admin.get(`/api/v1/regions/${HOME}/complaint-stats`)).json() as ComplaintStats;
    expect(all.resolvedOnTime).toBeLessThanOrEqual(all.resolved);
    expect(all.total).toBe(62);
  });
});

describe('the trend', () => {
  it('cumulates proposed and verified per week through the window, ending at the figures', async () => {
    const d = await dashboard(2025);
    const weeks = d.trend.innovations;
    expect(weeks.length).toBeGreaterThan(4);
    expect((weeks[0]?.week ?? '9999') <= (d.innovations.opensOn ?? '')).toBe(true);
    expect(weeks.at(-1)).toMatchObject({ proposed: d.innovations.proposed, verified: d.innovations.verified });
    for (let i = 1; i < weeks.length; i++) {
      expect(weeks[i]?.proposed).toBeGreaterThanOrEqual(weeks[i - 1]?.proposed ?? 0);
      expect(weeks[i]?.verified).toBeLessThanOrEqual(weeks[i]?.proposed ?? 0);
    }
  });

  it('gives each index in each year, the year itself equal to its figures', async () => {
    const d = await dashboard(2025);
    expect(d.years).toEqual(expect.arrayContaining([2025, 2026]));
    const row = d.trend.indices.find((r) => r.year === 2025);
    expect(row).toEqual({
      year: 2025,
      iid: d.iid?.verified ?? null,
      assessment: d.assessment?.index ?? null,
      assessmentFramework: d.assessment?.frameworkName ?? null,
      ikm: d.ikm?.index ?? null,
    });
    expect(d.trend.indices.map((r) => r.year)).toEqual([...d.years].sort((a, b) => a - b));
  });
});

describe('the PDF brief', () => {
  it('is a one-page PDF with the region name and the figures', async () => {
    const d = await dashboard(2025);
    const res = await pimpinan.get(`/api/v1/regions/${HOME}/dashboard/brief.pdf?year=2025`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toContain('ringkasan-dasbor-19.71-2025.pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    expect(d.regionName).toMatch(/Pangkal ?pinang/i);
    expect(text).toContain(d.regionName);
    expect(text).toContain('Ringkasan Kinerja 2025');
    expect(text).toContain(`Terverifikasi: ${d.innovations.verified}`);
    expect(text).toContain('Halaman 1 dari 1');
  });
});

describe('access', () => {
  const auth = { authorization: `Bearer ${DEMO_API_TOKEN}` };

  it('a command centre token of scope dashboard.read reads the dashboard and the brief of its region only', async () => {
    const viaToken = await anonymous(t.app).request('GET', `/api/v1/regions/${HOME}/dashboard?year=2025`, undefined, auth);
    expect(viaToken.statusCode, viaToken.body).toBe(200);
    expect(viaToken.json()).toEqual(await dashboard(2025));
    const pdf = await anonymous(t.app).request('GET', `/api/v1/regions/${HOME}/dashboard/brief.pdf?year=2025`, undefined, auth);
    expect(pdf.statusCode).toBe(200);
    expect((await anonymous(t.app).request('GET', `/api/v1/regions/62.71/dashboard`, undefined, auth)).statusCode).toBe(403);
    expect((await anonymous(t.app).get(`/api/v1/regions/${HOME}/dashboard`)).statusCode).toBe(401);
  });

  it("a region's pimpinan never reads another region's dashboard; a year out of range is refused", async () => {
    expect((await pimpinan.get('/api/v1/regions/62.71/dashboard')).statusCode).toBe(403);
    const bad = await pimpinan.get(`/api/v1/regions/${HOME}/dashboard?year=1999`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', issues: [{ field: 'querystring.year', reason: 'Tahun paling awal 2000' }] },
    });
  });

  it('opens on a year with data when none is named, and answers a year without data with empty figures', async () => {
    const d = (await pimpinan.get(`/api/v1/regions/${HOME}/dashboard`)).json() as RegionDashboard;
    expect(d.years).toContain(d.year);
    const empty = await dashboard(2031);
    expect(empty.innovations).toMatchObject({ periodId: null, proposed: 0, verified: 0 });
    expect(empty.iid).toBeNull();
    expect(empty.assessment).toBeNull();
    expect(empty.ikm).toBeNull();
    expect(empty.trend.innovations).toEqual([]);
  });
});
