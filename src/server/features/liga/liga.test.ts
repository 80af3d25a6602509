/**
 * The OPD league table through the HTTP API on a real database, with four units whose facts are set by
 * hand and the composite worked out on paper (below): the default weights, re-normalisation over the
 * components a unit has, the tie rule, the rank change since the year before, the weights' validation,
 * concurrency and audit, and the XLSX equal to the JSON cell by cell.
 *
 * 2025, default weights (Inovasi 35, IKM 20, Penilaian 15, Pengaduan 15, Program 15):
 *   Dinas Alfa:  Inovasi 2 verified ÷ minimum 2 = 100.00; IKM all NRR 3.5 → 3.5 × 25 = 87.50;
 *                Penilaian 3 of 4 done = 75.00; Pengaduan 1 on time of 2 due = 50.00;
 *                Program outputs (8 ÷ 10 = 0.8, 6 ÷ 4 capped at 1) → mean 0.9 = 90.00.
 *                Komposit = (35×100 + 20×87.5 + 15×75 + 15×50 + 15×90) ÷ 100 = 8475 ÷ 100 = 84.75
 *   Dinas Beta:  Inovasi 1 ÷ 2 = 50.00; IKM all NRR 3 → 75.00; Penilaian 0 of 2 = 0.00; no complaint, no programme.
 *                Komposit = (35×50 + 20×75 + 15×0) ÷ (35+20+15) = 3250 ÷ 70 = 46.428… → 46.43
 *   Dinas Gama:  Inovasi 0 ÷ 2 = 0.00 (a draft does not count); no survey; Penilaian 1 of 1 = 100.00;
 *                Pengaduan 0 on time of 1 due = 0.00 (the rejected one is left out).
 *                Komposit = (35×0 + 15×100 + 15×0) ÷ (35+15+15) = 1500 ÷ 65 = 23.076… → 23.08
 *   Dinas Delta: Inovasi 0.00 only → 0.00.
 *   Ranks 2025: Alfa 1, Beta 2, Gama 3, Delta 4.
 * 2024 (minimum 1, innovations only): Beta 1 verified = 100.00 → rank 1; Alfa, Delta, Gama 0.00 → rank 2 each.
 *   Change: Alfa 2 → 1 = +1; Beta 1 → 2 = −1; Gama 2 → 3 = −1; Delta 2 → 4 = −2.
 */
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentItems,
  assessments,
  auditLog,
  complaintCategories,
  complaints,
  frameworkVersions,
  innovations,
  periods,
  services,
  skmPeriods,
  skmTallies,
} from '#server/db/schema.ts';
import type { MasterplanDetail, ProgrammeDetail } from '#shared/api/kota-cerdas.ts';
import type { LeagueTable } from '#shared/api/liga.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import { LEAGUE_XLSX_COLUMNS, LEAGUE_XLSX_HEADER_ROW } from './liga-xlsx.ts';

const HOME = '19.71';
const OTHER = '62.71';

let t: TestApp;
let admin: Client;
let pimpinan: Client;
let operator: Client;
let foreignAdmin: Client;
const unitIds: Record<'alfa' | 'beta' | 'gama' | 'delta', string> = { alfa: '', beta: '', gama: '', delta: '' };

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const league = (query = 'year=2025', region = HOME) => `/api/v1/regions/${region}/league?${query}`;

async function table(query = 'year=2025'): Promise<LeagueTable> {
  const res = await pimpinan.get(league(query));
  expect(res.statusCode, res.body).toBe(200);
  return json<LeagueTable>(res);
}

const rowOf = (tbl: LeagueTable, unitId: string) => {
  const row = tbl.rows.find((r) => r.unitId === unitId);
  if (!row) throw new Error('unit missing from the table');
  return row;
};

/** Tallies of `responses` answers, every unsur answered with `value`. */
function tally(periodId: string, serviceId: string, responses: number, value: number) {
  const cols: Record<string, number> = {};
  for (let i = 1; i <= 9; i++) {
    cols[`s${i}`] = responses * value;
    cols[`c${i}`] = responses;
  }
  return { periodId, serviceId, shard: 0, responses, ...cols };
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.db;
  unitIds.alfa = (await makeUnit(db, HOME, { name: 'Dinas Alfa' })).id;
  unitIds.beta = (await makeUnit(db, HOME, { name: 'Dinas Beta' })).id;
  unitIds.gama = (await makeUnit(db, HOME, { name: 'Dinas Gama' })).id;
  unitIds.delta = (await makeUnit(db, HOME, { name: 'Dinas Delta' })).id;
  // A school under Alfa: its verified innovation is credited to Alfa (sub-units do not owe the minimum).
  const school = await makeUnit(db, HOME, { kind: 'sekolah', name: 'SD Negeri 1 Uji', parentId: unitIds.alfa });
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  pimpinan = (await clientFor(t, 'pimpinan', HOME)).client;
  operator = (await clientFor(t, 'operator', HOME, unitIds.beta)).client;
  foreignAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;

  const [p2025, p2024] = await db
    .insert(periods)
    .values([
      { regionCode: HOME, year: 2025, opensOn: '2025-01-01', closesOn: '2025-12-31', targetTotal: 10, minPerUnit: 2 },
      { regionCode: HOME, year: 2024, opensOn: '2024-01-01', closesOn: '2024-12-31', targetTotal: 10, minPerUnit: 1 },
    ])
    .returning({ id: periods.id });
  const inn = (periodId: string | undefined, unitId: string, status: string, name: string) => ({
    regionCode: HOME,
    periodId: periodId ?? '',
    unitId,
    status,
    name,
  });
  await db
    .insert(innovations)
    .values([
      inn(p2025?.id, unitIds.alfa, 'terverifikasi', 'Alfa Satu'),
      inn(p2025?.id, school.id, 'terverifikasi', 'Alfa Sekolah'),
      inn(p2025?.id, unitIds.alfa, 'diajukan', 'Alfa Tiga'),
      inn(p2025?.id, unitIds.beta, 'terverifikasi', 'Beta Satu'),
      inn(p2025?.id, unitIds.gama, 'draft', 'Gama Draf'),
      inn(p2024?.id, unitIds.beta, 'terverifikasi', 'Beta Lama'),
    ]);

  // Survey: Alfa all unsur NRR 3.5, Beta all 3; Gama no service answered.
  const [sAlfa, sBeta] = await db
    .insert(services)
    .values([
      { regionCode: HOME, unitId: unitIds.alfa, name: 'Layanan Alfa' },
      { regionCode: HOME, unitId: unitIds.beta, name: 'Layanan Beta' },
    ])
    .returning({ id: services.id });
  const [skm] = await db
    .insert(skmPeriods)
    .values({ regionCode: HOME, year: 2025, startsOn: '2025-01-01', endsOn: '2025-12-31' })
    .returning({ id: skmPeriods.id });
  await db.insert(skmTallies).values([tally(skm?.id ?? '', sAlfa?.id ?? '', 10, 3.5), tally(skm?.id ?? '', sBeta?.id ?? '', 4, 3)]);

  // Assessment items: Alfa 3 of 4 done, Beta 0 of 2, Gama 1 of 1.
  const [spbe] = await db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.frameworkId, 'spbe-2020'));
  const [assessment] = await db
    .insert(assessments)
    .values({ regionCode: HOME, frameworkVersionId: spbe?.id ?? '', frameworkId: 'spbe-2020', year: 2025 })
    .returning({ id: assessments.id });
  const item = (n: number, unitId: string, claimed: string | null, verification = 'pending') => ({
    assessmentId: assessment?.id ?? '',
    regionCode: HOME,
    indicatorId: `I${n}`,
    unitId,
    claimedValue: claimed,
    verification,
  });
  await db
    .insert(assessmentItems)
    .values([
      item(1, unitIds.alfa, '3'),
      item(2, unitIds.alfa, '2'),
      item(3, unitIds.alfa, '4', 'accepted'),
      item(4, unitIds.alfa, null),
      item(5, unitIds.beta, null),
      item(6, unitIds.beta, null),
      item(7, unitIds.gama, '1'),
    ]);

  // Complaints of 2025: Alfa one on time, one late; Gama one overdue and open, one rejected.
  const [cat] = await db
    .insert(complaintCategories)
    .values({ regionCode: HOME, code: 'uji', name: 'Uji', unitId: unitIds.alfa })
    .returning({ id: complaintCategories.id });
  const complaint = (code: string, unitId: string, status: string, closedAt: string | null) => ({
    regionCode: HOME,
    trackingCode: code,
    categoryId: cat?.id ?? '',
    unitId,
    description: 'Jalan berlubang',
    status,
    createdAt: new Date('2025-03-01T02:00:00Z'),
    dueAt: new Date('2025-03-06T02:00:00Z'),
    closedAt: closedAt ? new Date(closedAt) : null,
  });
  await db
    .insert(complaints)
    .values([
      complaint('LG-1', unitIds.alfa, 'selesai', '2025-03-05T02:00:00Z'),
      complaint('LG-2', unitIds.alfa, 'selesai', '2025-03-10T02:00:00Z'),
      complaint('LG-3', unitIds.gama, 'diverifikasi', null),
      complaint('LG-4', unitIds.gama, 'ditolak', '2025-03-02T02:00:00Z'),
    ]);

  // A programme led by Alfa: outputs targeting 10 and 4 in 2025, realised 8 and 6 by the fourth quarter.
  const planRes = await admin.post(`/api/v1/regions/${HOME}/smart-city/masterplans`, { title: 'Masterplan Uji', startYear: 2024, endYear: 2028 });
  expect(planRes.statusCode, planRes.body).toBe(201);
  const plan = json<MasterplanDetail>(planRes);
  const progRes = await admin.post(`/api/v1/regions/${HOME}/smart-city/programmes`, {
    masterplanId: plan.id,
    elementId: plan.dimensions[0]?.elements[0]?.id,
    name: 'Program Uji Alfa',
    kind: 'quick_win',
    leadUnitId: unitIds.alfa,
    supportUnitIds: [],
    startYear: 2025,
    startQuarter: 1,
    endYear: 2025,
    endQuarter: 4,
    funding: [],
    outputs: [
      { name: 'Keluaran A', kpiName: 'KPI A', unitOfMeasure: 'unit', targets: [{ year: 2025, target: '10' }] },
      { name: 'Keluaran B', kpiName: 'KPI B', unitOfMeasure: 'unit', targets: [{ year: 2025, target: '4' }] },
    ],
    innovationIds: [],
  });
  expect(progRes.statusCode, progRes.body).toBe(201);
  const programme = json<ProgrammeDetail>(progRes);
  const report = await admin.put(`/api/v1/regions/${HOME}/smart-city/programmes/${programme.id}/progress/2025/4`, {
    status: 'berjalan',
    figures: [
      { outputId: programme.outputs[0]?.id, realised: '8' },
      { outputId: programme.outputs[1]?.id, realised: '6' },
    ],
  });
  expect(report.statusCode, report.body).toBe(200);
});
afterAll(() => t.close());

describe('league table', () => {
  it('scores each component on 0–100 and the composite as worked out by hand', async () => {
    const tbl = await table();
    expect(tbl.weights.source).toBe('default');
    expect(tbl.rows.map((r) => [r.unitName, r.rank, r.composite])).toEqual([
      ['Dinas Alfa', 1, '84.75'],
      ['Dinas Beta', 2, '46.43'],
      ['Dinas Gama', 3, '23.08'],
      ['Dinas Delta', 4, '0.00'],
    ]);
    expect(rowOf(tbl, unitIds.alfa).scores).toEqual({
      innovations: '100.00',
      ikm: '87.50',
      assessments: '75.00',
      complaints: '50.00',
      programmes: '90.00',
    });
    expect(rowOf(tbl, unitIds.alfa).facts.innovations).toEqual({ proposed: 3, verified: 2, minimum: 2 });
    expect(rowOf(tbl, unitIds.alfa).facts.complaints).toEqual({ due: 2, onTime: 1 });
  });

  it('leaves out what a unit has no data for and re-weights over the rest', async () => {
    const tbl = await table();
    expect(rowOf(tbl, unitIds.beta).scores).toEqual({ innovations: '50.00', ikm: '75.00', assessments: '0.00', complaints: null, programmes: null });
    expect(rowOf(tbl, unitIds.gama).scores).toEqual({ innovations: '0.00', ikm: null, assessments: '100.00', complaints: '0.00', programmes: null });
    expect(rowOf(tbl, unitIds.gama).facts.complaints).toEqual({ due: 1, onTime: 0 });
  });

  it('gives the rank change since the year before, by the same computation', async () => {
    const before = await table('year=2024');
    expect(before.rows.map((r) => [r.unitName, r.rank])).toEqual([
      ['Dinas Beta', 1],
      ['Dinas Alfa', 2],
      ['Dinas Delta', 2],
      ['Dinas Gama', 2],
    ]);
    const tbl = await table();
    expect(tbl.rows.map((r) => [r.unitName, r.previousRank, r.rankChange])).toEqual([
      ['Dinas Alfa', 2, 1],
      ['Dinas Beta', 1, -1],
      ['Dinas Gama', 2, -1],
      ['Dinas Delta', 2, -2],
    ]);
  });

  it('sorts by a component, empty values last in either direction', async () => {
    const desc = await table('year=2025&sort=complaints&dir=desc');
    expect(desc.rows.map((r) => r.unitName)).toEqual(['Dinas Alfa', 'Dinas Gama', 'Dinas Beta', 'Dinas Delta']);
    const asc = await table('year=2025&sort=complaints&dir=asc');
    expect(asc.rows.map((r) => r.unitName)).toEqual(['Dinas Gama', 'Dinas Alfa', 'Dinas Beta', 'Dinas Delta']);
    const byName = await table('year=2025&sort=name');
    expect(byName.rows.map((r) => r.unitName)).toEqual(['Dinas Alfa', 'Dinas Beta', 'Dinas Delta', 'Dinas Gama']);
    const bad = await pimpinan.get(league('year=2025&sort=warna'));
    expect(bad.statusCode).toBe(400);
  });

  it('is open to the dashboard readers (an operator too) and closed to another region', async () => {
    expect((await operator.get(league())).statusCode).toBe(200);
    expect(json<LeagueTable>(await operator.get(league())).canEditWeights).toBe(false);
    expect((await anonymous(t.app).get(league())).statusCode).toBe(401);
    const foreign = await foreignAdmin.get(league());
    expect(foreign.statusCode).toBe(403);
    expect(errorOf(foreign).code).toBe('REGION_FORBIDDEN');
  });
});

describe('weights', () => {
  const weights = (
    w: [number, number, number, number, number],
    enabled: [boolean, boolean, boolean, boolean, boolean] = [true, true, true, true, true],
  ) => ({
    innovations: { weight: w[0], enabled: enabled[0] },
    ikm: { weight: w[1], enabled: enabled[1] },
    assessments: { weight: w[2], enabled: enabled[2] },
    complaints: { weight: w[3], enabled: enabled[3] },
    programmes: { weight: w[4], enabled: enabled[4] },
  });
  const url = `/api/v1/regions/${HOME}/league/weights`;

  it('refuses weights that do not add up to 100, negative ones, and none switched on, in Indonesian', async () => {
    const short = await admin.put(url, { year: 2025, weights: weights([35, 20, 15, 15, 5]) });
    expect(short.statusCode).toBe(400);
    expect(errorOf(short).issues).toEqual([{ field: 'body.weights', reason: 'Jumlah bobot komponen aktif harus 100; sekarang 90' }]);
    const negative = await admin.put(url, { year: 2025, weights: weights([35, -5, 15, 15, 40]) });
    expect(negative.statusCode).toBe(400);
    expect(errorOf(negative).issues).toContainEqual({ field: 'body.weights.ikm.weight', reason: 'Bobot tidak boleh negatif' });
    const none = await admin.put(url, { year: 2025, weights: weights([35, 20, 15, 15, 15], [false, false, false, false, false]) });
    expect(errorOf(none).issues).toEqual([{ field: 'body.weights', reason: 'Aktifkan paling sedikit satu komponen' }]);
    expect((await pimpinan.put(url, { year: 2025, weights: weights([100, 0, 0, 0, 0]) })).statusCode).toBe(403);
  });

  it('ranks equal composites alike (1, 2, 3, 3), by name within the tie', async () => {
    // Innovations alone: Alfa 100, Beta 50, Gama 0, Delta 0. A switched-off weight does not count towards 100.
    const res = await admin.put(url, { year: 2025, weights: weights([100, 20, 0, 0, 0], [true, false, true, true, true]) });
    expect(res.statusCode, res.body).toBe(200);
    const tbl = await table();
    expect(tbl.weights).toMatchObject({ source: 'year', yearVersion: 1 });
    expect(tbl.rows.map((r) => [r.unitName, r.rank, r.composite])).toEqual([
      ['Dinas Alfa', 1, '100.00'],
      ['Dinas Beta', 2, '50.00'],
      ['Dinas Delta', 3, '0.00'],
      ['Dinas Gama', 3, '0.00'],
    ]);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'league_weights.updated'), eq(auditLog.regionCode, HOME)));
    expect(entry?.entityType).toBe('league_weights');
  });

  it('refuses an edit made from stale weights (409) and takes the current version', async () => {
    const stale = await admin.put(url, { year: 2025, weights: weights([35, 20, 15, 15, 15]) });
    expect(stale.statusCode).toBe(409);
    const ok = await admin.put(url, { year: 2025, weights: weights([35, 20, 15, 15, 15]), version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await table()).rows[0]?.composite).toBe('84.75');
  });

  it('uses the region standing weights for a year without its own', async () => {
    const res = await admin.put(url, { year: null, weights: weights([0, 0, 0, 0, 100]) });
    expect(res.statusCode, res.body).toBe(200);
    const tbl = await table('year=2024');
    expect(tbl.weights.source).toBe('region');
    // 2024 has no programme data: no unit has a composite, so none is ranked.
    expect(tbl.rows.every((r) => r.rank === null && r.composite === null)).toBe(true);
  });
});

describe('XLSX', () => {
  it('says the weights above the header and holds the JSON figures as number cells', async () => {
    const tbl = await table();
    const res = await pimpinan.get(`/api/v1/regions/${HOME}/league.xlsx?year=2025`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(String(sheet.getCell('A2').value)).toBe('Bobot: Inovasi 35 · IKM 20 · Penilaian 15 · Pengaduan 15 · Program 15');
    expect(sheet.getRow(LEAGUE_XLSX_HEADER_ROW).values).toEqual([undefined, ...LEAGUE_XLSX_COLUMNS]);
    tbl.rows.forEach((r, i) => {
      const row = sheet.getRow(LEAGUE_XLSX_HEADER_ROW + 1 + i);
      expect(row.getCell(3).value).toBe(r.unitName);
      expect(row.getCell(1).value).toBe(r.rank);
      expect(row.getCell(2).value).toBe(r.rankChange);
      expect(row.getCell(4).value).toBe(Number(r.composite));
      expect(typeof row.getCell(4).value).toBe('number');
      expect(row.getCell(5).value).toBe(r.scores.innovations === null ? null : Number(r.scores.innovations));
      expect(row.getCell(9).value).toBe(r.scores.ikm === null ? null : Number(r.scores.ikm));
      expect(row.getCell(16).value).toBe(r.scores.programmes === null ? null : Number(r.scores.programmes));
    });
  });
});
