/**
 * Kota cerdas through the HTTP API on a real database: a masterplan from the national default, its
 * structure renamed and extended, programmes with funding and KPI targets (sums checked by hand), the
 * lead unit's quarterly report with evidence (and an operator of another unit or region refused),
 * validation that leaves nothing half-written, the link to innovations from both sides, the public
 * summary and its 404, and the PDF/XLSX.
 */
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MasterplanDetail, ProgrammeDetail, PublicSmartCity } from '#shared/api/kota-cerdas.ts';
import type { ErrorBody } from '#shared/errors.ts';
import {
  innovations,
  periods,
  rpjmdEntries,
  rpjmdPeriods,
  smartcityProgrammes,
  smartcityProgressFigures,
  smartcityProgressReports,
} from '#server/db/schema.ts';
import { pdfText } from '../../../../test/support/pdf-text.ts';
import { makePdf } from '../../../../test/support/files.ts';
import { anonymous, type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

const HOME = '19.71';
const OTHER = '62.71';

let t: TestApp;
let admin: Client;
let leadOperator: Client;
let otherOperator: Client;
let foreignOperator: Client;
let pimpinan: Client;
let leadUnitId: string;
let supportUnitId: string;
let innovationId: string;
let plan: MasterplanDetail;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const base = (region = HOME) => `/api/v1/regions/${region}/smart-city`;

beforeAll(async () => {
  t = await startTestApp();
  leadUnitId = (await makeUnit(t.db, HOME, { name: 'Dinas Komunikasi dan Informatika Uji' })).id;
  supportUnitId = (await makeUnit(t.db, HOME, { name: 'Bapperida Uji' })).id;
  const otherUnitId = (await makeUnit(t.db, HOME, { name: 'Dinas Perhubungan Uji' })).id;
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  leadOperator = (await clientFor(t, 'operator', HOME, leadUnitId)).client;
  otherOperator = (await clientFor(t, 'operator', HOME, otherUnitId)).client;
  foreignOperator = (await clientFor(t, 'operator', OTHER)).client;
  pimpinan = (await clientFor(t, 'pimpinan', HOME)).client;
  const [period] = await t.db
    .insert(periods)
    .values({ regionCode: HOME, year: 2024, opensOn: '2024-01-01', closesOn: '2024-11-30', targetTotal: 10 })
    .returning({ id: periods.id });
  const [innovation] = await t.db
    .insert(innovations)
    .values({ regionCode: HOME, periodId: period?.id ?? '', unitId: leadUnitId, name: 'Aplikasi Pangkalpinang Smart', status: 'terverifikasi' })
    .returning({ id: innovations.id });
  innovationId = innovation?.id ?? '';
  // The programme names an RPJMD programme code, which must be in the region's RPJMD.
  const [rpjmd] = await t.db
    .insert(rpjmdPeriods)
    .values({ regionCode: HOME, title: 'RPJMD 2018–2023', startYear: 2018, endYear: 2023 })
    .returning({ id: rpjmdPeriods.id });
  await t.db
    .insert(rpjmdEntries)
    .values({ regionCode: HOME, rpjmdId: rpjmd?.id ?? '', level: 'program', code: '2.16.02', name: 'Program Aplikasi Informatika' });
});
afterAll(() => t.close());

const programmeBody = (overrides: Record<string, unknown> = {}) => ({
  masterplanId: plan.id,
  elementId: plan.dimensions[0]?.elements[0]?.id,
  name: 'Satu Data Pangkalpinang',
  description: 'Portal data terpadu seluruh perangkat daerah.',
  kind: 'quick_win',
  stage: 'tahap I',
  leadUnitId,
  supportUnitIds: [supportUnitId],
  rpjmdProgramCode: '2.16.02',
  startYear: 2023,
  startQuarter: 1,
  endYear: 2024,
  endQuarter: 4,
  funding: [
    { year: 2023, source: 'apbd', amount: '150000000.10' },
    { year: 2023, source: 'csr', amount: '25000000.20' },
    { year: 2024, source: 'apbd', amount: '175000000.30' },
    { year: 2024, source: 'apbn', amount: '0.45' },
  ],
  outputs: [
    {
      name: 'Dataset terbuka',
      kpiName: 'Jumlah dataset terpublikasi',
      unitOfMeasure: 'dataset',
      targets: [
        { year: 2023, target: '40' },
        { year: 2024, target: '80' },
      ],
    },
    { name: 'Walidata terlatih', kpiName: 'Walidata OPD terlatih', unitOfMeasure: 'orang', targets: [{ year: 2023, target: '3' }] },
  ],
  innovationIds: [innovationId],
  ...overrides,
});

describe('masterplan', () => {
  it('is created from the national guide: six dimensions of three elements', async () => {
    const res = await admin.post(`${base()}/masterplans`, {
      title: 'Masterplan Smart City Kota Pangkalpinang',
      startYear: 2022,
      endYear: 2026,
      rpjmdPeriod: 'RPJMD 2018–2023',
      perkadaNumber: '45 Tahun 2022',
      perkadaDate: '2022-11-14',
      vision: 'Pangkalpinang kota cerdas yang melayani.',
    });
    expect(res.statusCode, res.body).toBe(201);
    plan = json<MasterplanDetail>(res);
    expect(plan.dimensions.map((d) => d.code)).toEqual(['governance', 'branding', 'economy', 'living', 'society', 'environment']);
    expect(plan.dimensions.every((d) => d.elements.length === 3)).toBe(true);
    expect(plan.isActive).toBe(true);
    expect(plan.abilities).toEqual({ canManage: true, canReport: true });
  });

  it('refuses an end year before the start with a field message', async () => {
    const res = await admin.post(`${base()}/masterplans`, { title: 'Salah', startYear: 2026, endYear: 2022 });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toContainEqual({ field: 'body.endYear', reason: 'Tahun akhir tidak boleh sebelum tahun awal' });
  });

  it('renames and extends its structure; a second active masterplan retires the first', async () => {
    const dimensions = plan.dimensions.map((d, i) => ({
      id: d.id,
      code: d.code,
      name: i === 0 ? 'Tata Kelola Cerdas' : d.name,
      baselineText: i === 0 ? 'Indeks SPBE 2021: 2,61' : '',
      baselineFigure: i === 0 ? '2.61' : null,
      elements: [...d.elements.map((e) => ({ id: e.id, code: e.code, name: e.name })), ...(i === 0 ? [{ code: 'data', name: 'Satu Data' }] : [])],
    }));
    const res = await admin.put(`${base()}/masterplans/${plan.id}/dimensions`, { dimensions });
    expect(res.statusCode, res.body).toBe(200);
    plan = json<MasterplanDetail>(res);
    expect(plan.dimensions[0]).toMatchObject({ name: 'Tata Kelola Cerdas', baselineFigure: '2.61' });
    expect(plan.dimensions[0]?.elements.map((e) => e.code)).toEqual(['layanan_publik', 'birokrasi', 'kebijakan', 'data']);

    const draft = await admin.post(`${base()}/masterplans`, { title: 'Rancangan 2027–2031', startYear: 2027, endYear: 2031, isActive: false });
    expect(draft.statusCode).toBe(201);
    const list = json<{ items: { id: string; isActive: boolean }[] }>(await admin.get(`${base()}/masterplans`));
    expect(list.items.filter((m) => m.isActive).map((m) => m.id)).toEqual([plan.id]);
  });

  it('keeps the Perkada document as an attachment', async () => {
    const up = await admin.request('POST', `${base()}/masterplans/${plan.id}/documents`, makePdf('Perwako 45/2022'), {
      'content-type': 'application/pdf',
      'x-file-name': 'perwako-45-2022.pdf',
    });
    expect(up.statusCode, up.body).toBe(201);
    const doc = json<{ id: string }>(up);
    const down = await pimpinan.get(`${base()}/masterplans/${plan.id}/documents/${doc.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const detail = json<MasterplanDetail>(await pimpinan.get(`${base()}/masterplans/${plan.id}`));
    expect(detail.documents.map((d) => d.fileName)).toEqual(['perwako-45-2022.pdf']);
    expect(detail.abilities).toEqual({ canManage: false, canReport: false });
  });
});

let programme: ProgrammeDetail;

describe('programmes', () => {
  it('are created with funding, outputs and innovations, and the sums are exact', async () => {
    const res = await admin.post(`${base()}/programmes`, programmeBody());
    expect(res.statusCode, res.body).toBe(201);
    programme = json<ProgrammeDetail>(res);
    expect(programme.supportUnits.map((u) => u.id)).toEqual([supportUnitId]);
    expect(programme.innovations.map((i) => i.name)).toEqual(['Aplikasi Pangkalpinang Smart']);
    // 2023: 150000000.10 + 25000000.20 = 175000000.30; 2024: 175000000.30 + 0.45 = 175000000.75
    expect(programme.funding.rows).toEqual([
      { year: 2023, apbd: '150000000.10', apbn: '0.00', csr: '25000000.20', kpbu: '0.00', hibah: '0.00', total: '175000000.30' },
      { year: 2024, apbd: '175000000.30', apbn: '0.45', csr: '0.00', kpbu: '0.00', hibah: '0.00', total: '175000000.75' },
    ]);
    expect(programme.funding.totals.total).toBe('350000001.05');
    expect(programme.funding.totals.apbd).toBe('325000000.40');
    expect(programme.status).toBe('belum_dilaporkan');
    expect(programme.progress).toBe('0.00');
    expect(programme.canReport).toBe(true);
  });

  it('show on the innovation’s side too', async () => {
    const res = await pimpinan.get(`${base()}/innovations/${innovationId}/programmes`);
    expect(res.statusCode).toBe(200);
    expect(json<{ items: { name: string; masterplanTitle: string }[] }>(res).items).toEqual([
      expect.objectContaining({ name: 'Satu Data Pangkalpinang', masterplanTitle: 'Masterplan Smart City Kota Pangkalpinang' }),
    ]);
  });

  it('refuse funding outside the span, a bad amount and an element of another plan, storing nothing', async () => {
    const [before] = await t.db.select({ n: count() }).from(smartcityProgrammes);
    const res = await admin.post(
      `${base()}/programmes`,
      programmeBody({ name: 'Program Salah', funding: [{ year: 2021, source: 'apbd', amount: '12.345' }] }),
    );
    expect(res.statusCode).toBe(400);
    const fields = errorOf(res).issues?.map((i) => i.field);
    expect(fields).toContain('body.funding.0.year');
    expect(fields).toContain('body.funding.0.amount');
    const foreign = await admin.post(`${base()}/programmes`, programmeBody({ name: 'Program Lain', elementId: programme.leadUnitId }));
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).issues?.[0]).toEqual({ field: 'body.elementId', reason: 'Elemen tidak ditemukan di masterplan ini' });
    const [after] = await t.db.select({ n: count() }).from(smartcityProgrammes);
    expect(after?.n).toBe(before?.n);
  });

  it('refuses an element in use being dropped from the structure', async () => {
    const dimensions = plan.dimensions.map((d, i) => ({
      id: d.id,
      code: d.code,
      name: d.name,
      elements: d.elements.filter((_, j) => !(i === 0 && j === 0)).map((e) => ({ id: e.id, code: e.code, name: e.name })),
    }));
    const res = await admin.put(`${base()}/masterplans/${plan.id}/dimensions`, { dimensions });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('IN_USE');
  });

  it('are listed with filters; an operator may read but not manage them', async () => {
    await admin.post(
      `${base()}/programmes`,
      programmeBody({
        name: 'Bus Sekolah Cerdas',
        kind: 'jangka_menengah',
        stage: null,
        leadUnitId: supportUnitId,
        supportUnitIds: [],
        innovationIds: [],
        startYear: 2024,
        funding: [],
        outputs: [],
      }),
    );
    const all = json<{ items: { name: string }[]; total: number }>(await otherOperator.get(`${base()}/programmes?masterplanId=${plan.id}`));
    expect(all.items.map((p) => p.name)).toEqual(['Satu Data Pangkalpinang', 'Bus Sekolah Cerdas']);
    const byName = json<{ items: { name: string }[] }>(await otherOperator.get(`${base()}/programmes?sort=name&order=asc`));
    expect(byName.items.map((p) => p.name)).toEqual(['Bus Sekolah Cerdas', 'Satu Data Pangkalpinang']);
    const byStartDesc = json<{ items: { name: string }[] }>(await otherOperator.get(`${base()}/programmes?sort=start&order=desc`));
    expect(byStartDesc.items.map((p) => p.name)).toEqual(['Bus Sekolah Cerdas', 'Satu Data Pangkalpinang']);
    const byStart = json<{ items: { name: string }[] }>(await otherOperator.get(`${base()}/programmes?sort=start`));
    expect(byStart.items.map((p) => p.name)).toEqual(['Satu Data Pangkalpinang', 'Bus Sekolah Cerdas']);
    const quick = json<{ items: { name: string }[] }>(await otherOperator.get(`${base()}/programmes?kind=quick_win`));
    expect(quick.items.map((p) => p.name)).toEqual(['Satu Data Pangkalpinang']);
    const byUnit = json<{ items: { name: string }[] }>(await admin.get(`${base()}/programmes?unitId=${supportUnitId}`));
    expect(byUnit.items.map((p) => p.name).sort()).toEqual(['Bus Sekolah Cerdas', 'Satu Data Pangkalpinang']);
    const found = json<{ items: { name: string }[] }>(await admin.get(`${base()}/programmes?q=bus%20sekolah`));
    expect(found.items.map((p) => p.name)).toEqual(['Bus Sekolah Cerdas']);
    const write = await otherOperator.post(`${base()}/programmes`, programmeBody({ name: 'Program Operator' }));
    expect(write.statusCode).toBe(403);
  });
});

describe('quarterly progress', () => {
  const url = (year: number, quarter: number, id = programme.id, region = HOME) => `${base(region)}/programmes/${id}/progress/${year}/${quarter}`;
  const outputId = (i: number) => programme.outputs[i]?.id ?? '';

  it('is refused to an operator of another unit (403) and of another region (403), and 404 for an unknown programme', async () => {
    const body = { status: 'berjalan', budgetRealised: '1', figures: [] };
    const other = await otherOperator.put(url(2023, 1), body);
    expect(other.statusCode).toBe(403);
    expect(errorOf(other).code).toBe('FORBIDDEN');
    const foreign = await foreignOperator.put(url(2023, 1, programme.id, HOME), body);
    expect(foreign.statusCode).toBe(403);
    expect(errorOf(foreign).code).toBe('REGION_FORBIDDEN');
    const unknown = await leadOperator.put(url(2023, 1, '00000000-0000-4000-8000-000000000000'), body);
    expect(unknown.statusCode).toBe(404);
    const foreignRead = await foreignOperator.get(`${base(OTHER)}/programmes/${programme.id}`);
    expect(foreignRead.statusCode).toBe(404);
    const [n] = await t.db.select({ n: count() }).from(smartcityProgressReports);
    expect(n?.n).toBe(0);
  });

  it('checks status, span and figures with field messages, and writes nothing on refusal', async () => {
    const blocked = await leadOperator.put(url(2023, 2), { status: 'terhambat', budgetRealised: '0', figures: [] });
    expect(blocked.statusCode).toBe(400);
    expect(errorOf(blocked).issues).toContainEqual({ field: 'body.obstacle', reason: 'Status terhambat wajib disertai kendala/alasannya' });

    const outside = await leadOperator.put(url(2025, 1), { status: 'berjalan', budgetRealised: '0', figures: [] });
    expect(outside.statusCode).toBe(400);
    expect(errorOf(outside).issues?.[0]?.field).toBe('quarter');
    expect(errorOf(outside).issues?.[0]?.reason).toContain('di luar masa program');

    const notNumber = await leadOperator.put(url(2023, 2), {
      status: 'berjalan',
      budgetRealised: '0',
      figures: [{ outputId: outputId(0), realised: 'dua belas' }],
    });
    expect(notNumber.statusCode).toBe(400);
    expect(errorOf(notNumber).issues).toContainEqual({
      field: 'body.figures.0.realised',
      reason: 'Realisasi KPI harus berupa angka, mis. 12 atau 12.5',
    });

    const wrongOutput = await leadOperator.put(url(2023, 2), {
      status: 'berjalan',
      budgetRealised: '0',
      figures: [
        { outputId: outputId(0), realised: '5' },
        { outputId: supportUnitId, realised: '1' },
      ],
    });
    expect(wrongOutput.statusCode).toBe(400);
    expect(errorOf(wrongOutput).issues?.[0]?.field).toBe('body.figures.1.outputId');
    const [reports] = await t.db.select({ n: count() }).from(smartcityProgressReports);
    const [figures] = await t.db.select({ n: count() }).from(smartcityProgressFigures);
    expect([reports?.n, figures?.n]).toEqual([0, 0]);
  });

  it('is reported by the lead unit with evidence, and progress follows the documented rule exactly', async () => {
    const q2 = await leadOperator.put(url(2023, 2), {
      status: 'berjalan',
      budgetRealised: '60000000.10',
      note: 'Portal diluncurkan',
      figures: [
        { outputId: outputId(0), realised: '12' },
        { outputId: outputId(1), realised: '1' },
      ],
    });
    expect(q2.statusCode, q2.body).toBe(200);
    const q4 = await leadOperator.put(url(2023, 4), {
      status: 'selesai',
      budgetRealised: '90000000.25',
      figures: [
        { outputId: outputId(0), realised: '30' },
        { outputId: outputId(1), realised: '5' },
      ],
    });
    expect(q4.statusCode).toBe(200);
    const y2024 = await leadOperator.put(url(2024, 1), {
      status: 'terhambat',
      obstacle: 'Server pusat data daerah rusak',
      budgetRealised: '10000000',
      figures: [{ outputId: outputId(0), realised: '8' }],
    });
    expect(y2024.statusCode).toBe(200);
    const detail = json<ProgrammeDetail>(y2024);
    // Targets: 2023 dataset 40, walidata 3; 2024 dataset 80. Last quarter of 2023 is TW4: 30/40 = 0.75,
    // 5/3 capped at 1; 2024 TW1: 8/80 = 0.1. (0.75 + 1 + 0.1) / 3 = 0.61666… → 61.67 %.
    expect(detail.progress).toBe('61.67');
    expect(detail.status).toBe('terhambat');
    expect(detail.budgetRealisedTotal).toBe('160000000.35');
    expect(detail.reports.map((r) => `${r.year}/${r.quarter}`)).toEqual(['2024/1', '2023/4', '2023/2']);

    const up = await leadOperator.request('POST', `${url(2024, 1)}/evidence`, makePdf('Berita acara kerusakan server'), {
      'content-type': 'application/pdf',
      'x-file-name': 'berita-acara.pdf',
    });
    expect(up.statusCode, up.body).toBe(201);
    const otherUp = await otherOperator.request('POST', `${url(2024, 1)}/evidence`, makePdf('Bukti lain'), {
      'content-type': 'application/pdf',
      'x-file-name': 'lain.pdf',
    });
    expect(otherUp.statusCode).toBe(403);
    const noReport = await leadOperator.request('POST', `${url(2024, 2)}/evidence`, makePdf('Belum dilaporkan'), {
      'content-type': 'application/pdf',
    });
    expect(noReport.statusCode).toBe(404);
    const reread = json<ProgrammeDetail>(await pimpinan.get(`${base()}/programmes/${programme.id}`));
    expect(reread.reports[0]?.evidence.map((e) => e.fileName)).toEqual(['berita-acara.pdf']);
    expect(reread.canReport).toBe(false);
  });

  it('updates a reported quarter in place, guarded by its version', async () => {
    const current = json<ProgrammeDetail>(await admin.get(`${base()}/programmes/${programme.id}`)).reports.find((r) => r.year === 2024);
    const stale = await leadOperator.put(url(2024, 1), {
      status: 'berjalan',
      budgetRealised: '0',
      figures: [],
      version: (current?.version ?? 0) + 5,
    });
    expect(stale.statusCode).toBe(409);
    const ok = await admin.put(url(2024, 1), {
      status: 'berjalan',
      budgetRealised: '10000000',
      figures: [{ outputId: outputId(0), realised: '20' }],
      version: current?.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // (0.75 + 1 + 20/80) / 3 = 2/3 → 66.67
    expect(json<ProgrammeDetail>(ok).progress).toBe('66.67');
    const ongoing = json<{ items: { name: string; progress: string | null }[] }>(await admin.get(`${base()}/programmes?status=berjalan`));
    expect(ongoing.items).toEqual([expect.objectContaining({ name: 'Satu Data Pangkalpinang', progress: '66.67' })]);
    const held = json<{ items: unknown[] }>(await admin.get(`${base()}/programmes?status=terhambat`));
    expect(held.items).toEqual([]);
    const unreported = json<{ items: { name: string }[] }>(await admin.get(`${base()}/programmes?status=belum_dilaporkan`));
    expect(unreported.items.map((p) => p.name)).toEqual(['Bus Sekolah Cerdas']);
  });

  it('keeps a programme with reports from being deleted; one without goes', async () => {
    const refused = await admin.delete(`${base()}/programmes/${programme.id}`);
    expect(refused.statusCode).toBe(409);
    const other = json<{ items: { id: string; name: string }[] }>(await admin.get(`${base()}/programmes?q=bus`)).items[0];
    const gone = await admin.delete(`${base()}/programmes/${other?.id}`);
    expect(gone.statusCode).toBe(204);
    const [left] = await t.db.select({ n: count() }).from(smartcityProgrammes).where(eq(smartcityProgrammes.name, 'Bus Sekolah Cerdas'));
    expect(left?.n).toBe(0);
  });
});

describe('public summary and documents', () => {
  it('shows the active masterplan without internal notes, and 404 for a region without one', async () => {
    const res = await anonymous(t.app).get(`/api/v1/public/regions/${HOME}/smart-city`);
    expect(res.statusCode, res.body).toBe(200);
    const body = json<PublicSmartCity>(res);
    expect(Object.keys(body).sort()).toEqual(['masterplan', 'programmes']);
    expect(body.masterplan).toMatchObject({ title: 'Masterplan Smart City Kota Pangkalpinang', startYear: 2022, endYear: 2026 });
    expect(body.masterplan.dimensions[0]).toMatchObject({ code: 'governance', name: 'Tata Kelola Cerdas' });
    expect(body.programmes).toEqual([
      {
        id: programme.id,
        name: 'Satu Data Pangkalpinang',
        dimension: 'governance',
        element: 'layanan_publik',
        kind: 'quick_win',
        leadUnit: 'Dinas Komunikasi dan Informatika Uji',
        status: 'berjalan',
        progress: '66.67',
      },
    ]);
    expect(res.body).not.toContain('Server pusat data');
    expect(res.body).not.toContain('Portal diluncurkan');
    const none = await anonymous(t.app).get(`/api/v1/public/regions/${OTHER}/smart-city`);
    expect(none.statusCode).toBe(404);
  });

  it('writes the masterplan as a PDF naming its programmes, and as XLSX with numeric cells', async () => {
    const pdf = await pimpinan.get(`${base()}/masterplans/${plan.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Satu Data Pangkalpinang');
    expect(text).toContain('Tata Kelola Cerdas');
    expect(text).toContain('350.000.001,05');

    const xlsx = await pimpinan.get(`${base()}/masterplans/${plan.id}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const funding = book.getWorksheet('Pendanaan');
    const totalRow = funding?.getRow(4);
    expect(totalRow?.getCell(1).value).toBe('Total');
    expect(totalRow?.getCell(7).value).toBe(350000001.05);
    expect(book.getWorksheet('Program')?.getRow(2).getCell(3).value).toBe('Satu Data Pangkalpinang');
    expect(book.getWorksheet('Program')?.getRow(2).getCell(10).value).toBe(66.67);
  });
});
