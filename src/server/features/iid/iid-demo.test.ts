/**
 * The demo's IID answers are answers a region could submit: indicator 33 (measured on one of six bases
 * in the 2026 framework the demo answers follow) is answered on a basis, with a level that basis offers,
 * as the national form requires; and the demo period is scored with that framework, as the region chose
 * it, not with the 2023 rules assumed for a year without its own guideline. The 2025 period has a national
 * validation result (made through the import's own checks), a little below the verified figures, shown
 * side by side; seeding again adds nothing.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iidStructure } from '#domain/iid/structure.ts';
import { auditLog, frameworkVersions, iidAnswers, iidNationalInnovationResults, iidNationalResults, periods } from '#server/db/schema.ts';
import { DEMO_PASSWORD } from '#server/demo/demo-data.ts';
import { seedDemoIidNasional } from '#server/demo/demo-iid-nasional.ts';
import { seedDemo } from '#server/demo/seed-demo.ts';
import type { IidProjectionResponse } from '#shared/api/iid.ts';
import type { NationalComparison } from '#shared/api/iid-national.ts';
import type { Framework } from '#domain/scoring/framework.schema.ts';
import { loginAs, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.db, { onlyIfNew: false, storage: t.app.storage });
});
afterAll(() => t.close());

describe('demo IID answers', () => {
  it('answer every indicator with measurement bases on one of its bases, at a level that basis offers', async () => {
    const [version] = await t.db
      .select({ body: frameworkVersions.body })
      .from(frameworkVersions)
      .where(and(eq(frameworkVersions.frameworkId, 'iid-2026'), isNotNull(frameworkVersions.body)))
      .limit(1);
    const withBases = iidStructure(version?.body as Framework).sid.filter((i) => i.bases.length > 0);
    expect(withBases.map((i) => i.id)).toContain('33');
    for (const indicator of withBases) {
      const rows = await t.db
        .select()
        .from(iidAnswers)
        .where(and(eq(iidAnswers.regionCode, HOME), eq(iidAnswers.indicatorId, indicator.id)));
      expect(rows.length).toBeGreaterThan(5);
      for (const row of rows) {
        const basis = indicator.bases.find((b) => b.key === row.basisUkur);
        expect(basis, `${row.innovationId}: basis ${row.basisUkur}`).toBeDefined();
        expect(basis?.levels.map((l) => l.level)).toContain(row.claimedLevel);
      }
      // The six bases are all in use across the demo, not one repeated.
      expect(new Set(rows.map((r) => r.basisUkur)).size).toBeGreaterThan(1);
    }
  });

  it('scores the demo period with the framework its answers were made for, without an assumed framework or a missing basis', async () => {
    const admin = await loginAs(t.app, 'admin.demo', DEMO_PASSWORD);
    const answered = await t.db.selectDistinct({ periodId: iidAnswers.periodId }).from(iidAnswers).where(eq(iidAnswers.regionCode, HOME));
    expect(answered.length).toBeGreaterThan(0);
    for (const { periodId } of answered) {
      const res = await admin.get(`/api/v1/regions/${HOME}/iid/periods/${periodId}`);
      expect(res.statusCode, res.body).toBe(200);
      const projection = res.json() as IidProjectionResponse;
      expect([projection.frameworkId, projection.frameworkExact]).toEqual(['iid-2026', true]);
      const codes = projection.warnings.map((w) => w.code);
      expect(codes).not.toContain('FRAMEWORK_ASSUMED');
      expect(codes).not.toContain('BASIS_UKUR_MISSING');
    }
  });
});

describe('demo national IID validation', () => {
  async function period2025(): Promise<string> {
    const [row] = await t.db
      .select({ id: periods.id })
      .from(periods)
      .where(and(eq(periods.regionCode, HOME), eq(periods.year, 2025)));
    if (!row) throw new Error('no 2025 period');
    return row.id;
  }

  it('shows the 2025 period’s claimed, verified and national figures side by side, national a little below verified', async () => {
    const admin = await loginAs(t.app, 'admin.demo', DEMO_PASSWORD);
    const res = await admin.get(`/api/v1/regions/${HOME}/iid/periods/${await period2025()}/national`);
    expect(res.statusCode, res.body).toBe(200);
    const side = res.json() as NationalComparison;
    const { region } = side;
    expect(region.national).toMatchObject({ rank: 96 });
    const nationalIndex = Number(region.national?.index);
    expect(nationalIndex).toBeGreaterThan(0);
    expect(nationalIndex).toBeLessThan(Number(region.verified.index));
    expect(nationalIndex).toBeGreaterThan(Number(region.verified.index) * 0.9);
    expect(region.national?.predicate).not.toBeNull();
    expect(region.gap?.startsWith('-')).toBe(true);
    expect(side.imported).toMatchObject({ fileName: expect.stringMatching(/^Contoh/), version: 1 });

    const reported = side.innovations.filter((i) => i.status === 'terverifikasi');
    expect(reported.length).toBeGreaterThan(5);
    expect(side.imported?.innovationCount).toBe(reported.length);
    // Every reported innovation has a national status; the valid ones a score a little below the verified one.
    expect(reported.every((i) => i.nationalStatus !== null)).toBe(true);
    const valid = reported.filter((i) => i.nationalStatus === 'valid');
    expect(valid.length).toBeGreaterThan(5);
    for (const i of valid) {
      expect(Number(i.verifiedScore), i.name).toBeGreaterThan(0);
      expect(Number(i.nationalScore), i.name).toBeLessThan(Number(i.verifiedScore));
      expect(Number(i.nationalScore), i.name).toBeGreaterThanOrEqual(Number(i.verifiedScore) * 0.85);
      expect(i.gap?.startsWith('-'), i.name).toBe(true);
    }
    const notValid = reported.filter((i) => i.nationalStatus === 'tidak_valid');
    expect(notValid.every((i) => i.nationalScore === null && i.nationalNote !== null)).toBe(true);
    expect(notValid.map((i) => i.nationalNote)).toContainEqual(expect.stringMatching(/bukti penerapan/));
    // Innovations not verified by the region were not reported, so have no national line.
    expect(side.innovations.filter((i) => i.status !== 'terverifikasi').every((i) => i.nationalScore === null && i.nationalStatus === null)).toBe(
      true,
    );
  });

  it('is recorded as an import by the region’s admin, and seeding it again adds nothing', async () => {
    const periodId = await period2025();
    const imports = () =>
      t.db
        .select({ actorUsername: auditLog.actorUsername })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'iid.national_imported'), eq(auditLog.entityId, periodId)));
    expect(await imports()).toEqual([{ actorUsername: 'admin.demo' }]);
    const lines = async () =>
      (await t.db.select().from(iidNationalInnovationResults).where(eq(iidNationalInnovationResults.periodId, periodId))).length;
    const before = await lines();
    await t.db.transaction((tx) => seedDemoIidNasional(tx));
    expect(await imports()).toHaveLength(1);
    expect(await lines()).toBe(before);
    const results = await t.db
      .select({ version: iidNationalResults.version })
      .from(iidNationalResults)
      .where(eq(iidNationalResults.periodId, periodId));
    expect(results).toEqual([{ version: 1 }]);
  });
});
