/**
 * Regions: the official list of provinces and kabupaten/kota with the Ministry of Home Affairs' codes
 * (public), and one region's summary with the caller's abilities in it.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../src/domain/access/roles.ts';
import type { Region, RegionDetail } from '../../src/shared/api/regions.ts';
import type { ErrorBody } from '../../src/shared/errors.ts';
import { anonymous, clientFor, makeUnit, makeUser, startTestApp, type TestApp } from '../support/harness.ts';

let t: TestApp;

interface RegionList {
  items: Region[];
  total: number;
}

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function regions(query = ''): Promise<RegionList> {
  const res = await anonymous(t.app).get(`/api/v1/regions${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<RegionList>(res);
}

describe('the list of regions', () => {
  it('holds the 38 provinces and 514 kabupaten/kota with their official codes, without login', async () => {
    const all = await regions();
    expect(all.total).toBe(552);
    expect(all.items).toHaveLength(552);
    const provinces = all.items.filter((r) => r.kind === 'provinsi');
    const regencies = all.items.filter((r) => r.kind !== 'provinsi');
    expect(provinces).toHaveLength(38);
    expect(regencies).toHaveLength(514);
    expect(regencies.filter((r) => r.kind === 'kota')).toHaveLength(98);

    const provinceCodes = new Set(provinces.map((p) => p.code));
    for (const p of provinces) {
      expect(p.code).toMatch(/^\d{2}$/);
      expect(p.provinceCode).toBeNull();
    }
    for (const r of regencies) {
      expect(r.code, r.name).toMatch(/^\d{2}\.\d{2}$/);
      expect(r.provinceCode, r.code).toBe(r.code.slice(0, 2));
      expect(provinceCodes.has(r.code.slice(0, 2)), r.code).toBe(true);
      expect(r.name.startsWith('Kota ') ? 'kota' : 'kabupaten', r.name).toBe(r.kind);
    }
    expect(new Set(all.items.map((r) => r.code)).size).toBe(552);
  });

  it('knows 19.71 as Kota Pangkal Pinang in the province 19 (Kepulauan Bangka Belitung)', async () => {
    const all = await regions();
    expect(all.items.find((r) => r.code === '19.71')).toEqual({ code: '19.71', name: 'Kota Pangkal Pinang', kind: 'kota', provinceCode: '19' });
    expect(all.items.find((r) => r.code === '19')).toEqual({ code: '19', name: 'Kepulauan Bangka Belitung', kind: 'provinsi', provinceCode: null });
  });

  it('lists one province with its kabupaten/kota, the province first', async () => {
    const list = await regions('province=19');
    expect(list.items.map((r) => r.code)).toEqual(['19', '19.01', '19.02', '19.03', '19.04', '19.05', '19.06', '19.71']);
    expect(list.total).toBe(8);
  });

  it('finds regions by a part of the name, ignoring case, or by code', async () => {
    expect((await regions('q=BANDUNG')).items.map((r) => r.name)).toEqual(['Kabupaten Bandung', 'Kabupaten Bandung Barat', 'Kota Bandung']);
    expect((await regions('q=pangkal')).items.map((r) => r.code)).toEqual(['19.71']);
    expect((await regions('q=19.7')).items.map((r) => r.code)).toEqual(['19.71']);
    expect((await regions('q=tidak-ada-daerah-ini')).total).toBe(0);
  });

  it('combines the filters', async () => {
    expect((await regions('province=32&kind=kota&q=bandung')).items.map((r) => r.code)).toEqual(['32.73']);
  });

  it('refuses a province code that is not two digits', async () => {
    const res = await anonymous(t.app).get('/api/v1/regions?province=19.71');
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).error.issues).toEqual([{ field: 'querystring.province', reason: 'Kode provinsi 2 digit' }]);
  });
});

describe('one region', () => {
  it('gives its province, how many units and accounts it has, and the abilities of a regional admin', async () => {
    const code = '19.05';
    const { client } = await clientFor(t, 'admin_daerah', code);
    const opd = await makeUnit(t.db, code, { kind: 'dinas' });
    await makeUnit(t.db, code, { kind: 'upt', parentId: opd.id });
    await makeUser(t.db, { role: 'operator', regionCode: code, unitId: opd.id });
    await makeUnit(t.db, '19.71', { kind: 'dinas' }); // a neighbour's unit does not count

    const res = await client.get(`/api/v1/regions/${code}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = json<RegionDetail>(res);
    expect(detail).toMatchObject({
      code,
      name: 'Kabupaten Bangka Barat',
      kind: 'kabupaten',
      provinceCode: '19',
      province: { code: '19', name: 'Kepulauan Bangka Belitung', kind: 'provinsi', provinceCode: null },
      unitCount: 2,
      userCount: 2,
    });
    expect(detail.abilities).toEqual([...PERMISSIONS]);
  });

  it('gives a pimpinan only the abilities to read', async () => {
    const { client } = await clientFor(t, 'pimpinan', '19.71');
    const detail = json<RegionDetail>(await client.get('/api/v1/regions/19.71'));
    expect(detail.abilities).toEqual(expect.arrayContaining(['region.read', 'units.read']));
    for (const p of ['units.write', 'users.read', 'users.write', 'audit.read'] as const) expect(detail.abilities).not.toContain(p);
  });

  it('gives a province without a parent province', async () => {
    const { client } = await clientFor(t, 'admin_nasional');
    const detail = json<RegionDetail>(await client.get('/api/v1/regions/19'));
    expect(detail).toMatchObject({ code: '19', kind: 'provinsi', province: null, unitCount: 0, userCount: 0 });
    expect(detail.abilities).toEqual([...PERMISSIONS]);
  });

  it('is closed to another region and to an anonymous caller, and unknown codes are 404', async () => {
    const { client: foreign } = await clientFor(t, 'admin_daerah', '62.71');
    const res = await foreign.get('/api/v1/regions/19.71');
    expect(res.statusCode).toBe(403);
    expect(json<ErrorBody>(res).error.code).toBe('REGION_FORBIDDEN');
    expect((await anonymous(t.app).get('/api/v1/regions/19.71')).statusCode).toBe(401);
    const { client: nasional } = await clientFor(t, 'admin_nasional');
    expect((await nasional.get('/api/v1/regions/99.99')).statusCode).toBe(404);
  });
});
