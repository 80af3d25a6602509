/**
 * Which IID framework projects a period: the framework registry (framework_versions) is the only
 * source. A period names a version on its form (shipped or uploaded, install-wide or the region's),
 * or gets the one effective in its year; a region's uploaded IID version drives the projection with no
 * code change; a version that is not IID, or belongs to another region, is refused on the form.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readShippedJson } from '#domain/scoring/load-shipped.ts';
import type { IidProjectionResponse } from '#shared/api/iid.ts';
import type { Period } from '#shared/api/innovations.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { frameworkVersions } from '#server/db/schema.ts';
import { type Client, clientFor, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';

let t: TestApp;
let admin: Client;
let otherAdmin: Client;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;

async function versionOf(frameworkId: string): Promise<string> {
  const [row] = await t.db
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, frameworkId), isNull(frameworkVersions.regionCode)))
    .orderBy(desc(frameworkVersions.createdAt), desc(frameworkVersions.version));
  if (!row) throw new Error(`${frameworkId} is not registered`);
  return row.id;
}

/** The shipped IID 2026 rules republished as a region's own 2027 version. */
function iid2027(): Record<string, unknown> {
  const body = readShippedJson('iid-2026') as Record<string, unknown>;
  return {
    ...body,
    id: 'iid-2027',
    version: '2027.1.0',
    name: 'Indeks Inovasi Daerah 2027 (unggahan daerah)',
    effectiveYears: { from: 2027, to: null },
  };
}

async function openPeriod(client: Client, region: string, year: number, iidFrameworkVersionId: string | null) {
  return client.post(`/api/v1/regions/${region}/periods`, {
    year,
    opensOn: `${year}-03-01`,
    closesOn: `${year}-08-31`,
    targetTotal: 50,
    minPerUnit: 1,
    countsSubUnits: false,
    iidFrameworkVersionId,
  });
}

async function projectionOf(periodId: string): Promise<IidProjectionResponse> {
  const res = await admin.get(`/api/v1/regions/${HOME}/iid/periods/${periodId}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<IidProjectionResponse>(res);
}

beforeAll(async () => {
  t = await startTestApp();
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  otherAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
});
afterAll(async () => {
  await t.close();
});

describe('the IID framework of a period', () => {
  it('is the version in force in its year when the form leaves it automatic', async () => {
    const res = await openPeriod(admin, HOME, 2026, null);
    expect(res.statusCode, res.body).toBe(201);
    expect(json<Period>(res).iidFrameworkVersionId).toBeNull();
    const projection = await projectionOf(json<Period>(res).id);
    expect(projection).toMatchObject({ frameworkId: 'iid-2026', frameworkExact: true });
  });

  it('is the version chosen on the form, even for another year, and the choice is kept', async () => {
    const chosen = await versionOf('iid-2023');
    const res = await openPeriod(admin, HOME, 2028, chosen);
    expect(res.statusCode, res.body).toBe(201);
    const period = json<Period>(res);
    expect(period.iidFrameworkVersionId).toBe(chosen);
    expect(await projectionOf(period.id)).toMatchObject({ frameworkId: 'iid-2023', frameworkExact: true });
  });

  it("follows a region's uploaded IID version for its year, with no code change", async () => {
    const upload = await admin.post(`/api/v1/regions/${HOME}/framework-versions`, iid2027());
    expect(upload.statusCode, upload.body).toBe(201);
    const res = await openPeriod(admin, HOME, 2027, null);
    expect(res.statusCode, res.body).toBe(201);
    expect(await projectionOf(json<Period>(res).id)).toMatchObject({ frameworkId: 'iid-2027', frameworkVersion: '2027.1.0', frameworkExact: true });

    // The upload is the region's own: another region's period cannot name it.
    const uploadedId = json<{ id: string }>(upload).id;
    const refused = await openPeriod(otherAdmin, OTHER, 2027, uploadedId);
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).issues?.map((i) => i.field)).toEqual(['body.iidFrameworkVersionId']);
  });

  it('refuses a framework that is not IID, and changes nothing', async () => {
    const spbe = await versionOf('spbe-2020');
    const refused = await openPeriod(admin, HOME, 2030, spbe);
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).issues?.map((i) => i.field)).toEqual(['body.iidFrameworkVersionId']);
    const list = json<{ items: Period[] }>(await admin.get(`/api/v1/regions/${HOME}/periods`));
    expect(list.items.map((p) => p.year)).not.toContain(2030);
  });

  it('changes on an edit, and the projection follows', async () => {
    const created = json<Period>(await openPeriod(admin, HOME, 2031, null));
    expect((await projectionOf(created.id)).frameworkId).toBe('iid-2027');
    const chosen = await versionOf('iid-2026');
    const res = await admin.put(`/api/v1/regions/${HOME}/periods/${created.id}`, {
      year: created.year,
      opensOn: created.opensOn,
      closesOn: created.closesOn,
      targetTotal: created.targetTotal,
      minPerUnit: created.minPerUnit,
      countsSubUnits: created.countsSubUnits,
      iidFrameworkVersionId: chosen,
      version: created.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await projectionOf(created.id)).toMatchObject({ frameworkId: 'iid-2026' });
  });
});
