/**
 * The demo's IID answers are answers a region could submit: indicator 33 (measured on one of six bases
 * in the 2026 framework the demo answers follow) is answered on a basis, with a level that basis offers,
 * as the national form requires; and the demo period is scored with that framework, as the region chose
 * it, not with the 2023 rules assumed for a year without its own guideline.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iidStructure } from '#domain/iid/structure.ts';
import { frameworkVersions, iidAnswers } from '#server/db/schema.ts';
import { DEMO_PASSWORD } from '#server/demo/demo-data.ts';
import { seedDemo } from '#server/demo/seed-demo.ts';
import type { IidProjectionResponse } from '#shared/api/iid.ts';
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
