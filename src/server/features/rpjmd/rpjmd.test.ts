/**
 * The RPJMD cascade through the HTTP API on a real database: a period, its tree built by hand and by
 * XLSX import (a dry run with bad rows reports each row and writes nothing; a real run with bad rows is
 * refused whole), the export that imports again, who may change it, and the links from smart-city
 * programmes and innovations that must name one of the region's programme codes.
 */
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { MasterplanDetail } from '#shared/api/kota-cerdas.ts';
import type { RpjmdNode, rpjmdDetail, rpjmdImportReport, rpjmdPeriodList, rpjmdProgrammeOptions } from '#shared/api/rpjmd.ts';
import type { ErrorBody } from '#shared/errors.ts';
import { auditLog, innovations, periods, rpjmdEntries } from '#server/db/schema.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { type Client, clientFor, makeUnit, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

type Detail = z.infer<typeof rpjmdDetail>;
type Report = z.infer<typeof rpjmdImportReport>;

const HOME = '19.71';
const OTHER = '62.71';

let t: TestApp;
let admin: Client;
let operator: Client;
let pimpinan: Client;
let foreignAdmin: Client;
let unitId: string;
let periodId: string;
let rpjmd: Detail;

const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
const errorOf = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;
const base = (region = HOME) => `/api/v1/regions/${region}/rpjmd`;

async function sheet(rows: (string | null)[][], headers = ['Tingkat', 'Kode', 'Nama', 'Kode induk']): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('RPJMD');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const upload = (client: Client, file: Buffer, dryRun: boolean, id = rpjmd.id, region = HOME) =>
  client.request('POST', `${base(region)}/${id}/import?dryRun=${dryRun}`, file, { 'content-type': XLSX_MIME });

async function entryCount(): Promise<number> {
  const [row] = await t.db.select({ n: count() }).from(rpjmdEntries).where(eq(rpjmdEntries.rpjmdId, rpjmd.id));
  return Number(row?.n ?? 0);
}

/** Every node of the tree, depth first, as "level code". */
function flatten(nodes: RpjmdNode[]): string[] {
  return nodes.flatMap((n) => [`${n.level} ${n.code}`, ...flatten(n.children)]);
}

function findNode(nodes: RpjmdNode[], code: string): RpjmdNode | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const inner = findNode(n.children, code);
    if (inner) return inner;
  }
  return undefined;
}

beforeAll(async () => {
  t = await startTestApp();
  unitId = (await makeUnit(t.db, HOME, { name: 'Bapperida RPJMD Uji' })).id;
  admin = (await clientFor(t, 'admin_daerah', HOME)).client;
  operator = (await clientFor(t, 'operator', HOME, unitId)).client;
  pimpinan = (await clientFor(t, 'pimpinan', HOME)).client;
  foreignAdmin = (await clientFor(t, 'admin_daerah', OTHER)).client;
  const [period] = await t.db
    .insert(periods)
    .values({ regionCode: HOME, year: 2025, opensOn: '2025-01-01', closesOn: '2025-11-30', targetTotal: 10 })
    .returning({ id: periods.id });
  periodId = period?.id ?? '';
});
afterAll(() => t.close());

describe('RPJMD period and cascade', () => {
  it('starts empty: a new period has no entries', async () => {
    expect(json<z.infer<typeof rpjmdPeriodList>>(await admin.get(base())).items).toEqual([]);
    const res = await admin.post(base(), {
      title: 'RPJMD Kota Pangkalpinang 2018–2023',
      startYear: 2018,
      endYear: 2023,
      perdaNumber: '3 Tahun 2019',
    });
    expect(res.statusCode, res.body).toBe(201);
    rpjmd = json<Detail>(res);
    expect(rpjmd).toMatchObject({ startYear: 2018, endYear: 2023, perdaNumber: '3 Tahun 2019', entryCount: 0, tree: [] });
  });

  it('refuses an end year before the start and a second period starting the same year', async () => {
    const backwards = await admin.post(base(), { title: 'Salah', startYear: 2023, endYear: 2018 });
    expect(backwards.statusCode).toBe(400);
    expect(errorOf(backwards).issues).toContainEqual({ field: 'body.endYear', reason: 'Tahun akhir tidak boleh sebelum tahun awal' });
    const twin = await admin.post(base(), { title: 'Kembar', startYear: 2018, endYear: 2022 });
    expect(twin.statusCode).toBe(400);
    expect(errorOf(twin).issues?.[0]?.reason).toBe('Daerah ini sudah punya RPJMD yang mulai pada tahun itu');
  });

  it('builds the tree by hand: a misi, its tujuan; a wrong parent level is refused', async () => {
    const misi = await admin.post(`${base()}/${rpjmd.id}/entries`, { level: 'misi', code: 'M1', name: 'Tata kelola pemerintahan yang baik' });
    expect(misi.statusCode, misi.body).toBe(201);
    const m1 = json<Detail>(misi).tree[0];
    expect(m1?.code).toBe('M1');
    const orphan = await admin.post(`${base()}/${rpjmd.id}/entries`, { level: 'tujuan', code: 'T9', name: 'Tanpa induk' });
    expect(orphan.statusCode).toBe(400);
    expect(errorOf(orphan).issues).toContainEqual({ field: 'body.parentId', reason: 'Tujuan wajib punya induk berupa misi' });
    const skip = await admin.post(`${base()}/${rpjmd.id}/entries`, { level: 'sasaran', code: 'S9', name: 'Lompat tingkat', parentId: m1?.id });
    expect(skip.statusCode).toBe(400);
    expect(errorOf(skip).issues?.[0]?.reason).toBe('Induk sebuah sasaran harus tujuan, bukan misi');
    const tujuan = await admin.post(`${base()}/${rpjmd.id}/entries`, { level: 'tujuan', code: 'T1', name: 'Birokrasi melayani', parentId: m1?.id });
    expect(tujuan.statusCode).toBe(201);
    const dup = await admin.post(`${base()}/${rpjmd.id}/entries`, { level: 'misi', code: 'M1', name: 'Kembar' });
    expect(dup.statusCode).toBe(400);
    expect(errorOf(dup).issues).toContainEqual({ field: 'body.code', reason: 'Kode ini sudah dipakai di RPJMD ini' });
    expect(flatten(json<Detail>(tujuan).tree)).toEqual(['misi M1', 'tujuan T1']);
  });

  it('a dry run with bad rows reports each row in Indonesian and writes nothing', async () => {
    const before = await entryCount();
    const file = await sheet([
      ['sasaran', 'S1', 'Indeks SPBE meningkat', 'T1'],
      ['program', '2.16.02', 'Program aplikasi informatika', 'S1'],
      ['program', 'P-X', 'Induk tidak dikenal', 'S77'],
      ['program', '2.16.02', 'Kode kembar', 'S1'],
      ['program', 'P-Y', 'Salah tingkat induk', 'T1'],
      ['sasaran', 'S2', '', 'T1'],
      ['bab', 'B1', 'Tingkat asing', null],
      ['tujuan', 'M1', 'Misi jadi tujuan', 'M1'],
    ]);
    const res = await upload(admin, file, true);
    expect(res.statusCode, res.body).toBe(200);
    const report = json<Report>(res);
    expect(report).toMatchObject({ dryRun: true, created: 2, updated: 0 });
    expect(report.errors).toEqual([
      { row: 4, field: 'Kode induk', reason: 'Kode induk "S77" tidak ditemukan di berkas maupun di RPJMD ini' },
      { row: 5, field: 'Kode', reason: 'Kode "2.16.02" sudah dipakai di baris 3' },
      { row: 6, field: 'Kode induk', reason: 'Induk sebuah program harus sasaran; "T1" adalah tujuan' },
      { row: 7, field: 'Nama', reason: 'Nama wajib diisi' },
      { row: 8, field: 'Tingkat', reason: 'Tingkat "bab" tidak dikenal; gunakan misi, tujuan, sasaran, program' },
      { row: 9, field: 'Tingkat', reason: 'Kode "M1" sudah ada sebagai misi di RPJMD ini; tingkatnya tidak dapat diubah lewat impor' },
    ]);
    expect(await entryCount()).toBe(before);
  });

  it('a real run with any bad row is refused whole', async () => {
    const before = await entryCount();
    const file = await sheet([
      ['sasaran', 'S1', 'Indeks SPBE meningkat', 'T1'],
      ['program', 'P-X', 'Induk tidak dikenal', 'S77'],
    ]);
    const res = await upload(admin, file, false);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).issues).toContainEqual({
      field: 'baris 3 · Kode induk',
      reason: 'Kode induk "S77" tidak ditemukan di berkas maupun di RPJMD ini',
    });
    expect(await entryCount()).toBe(before);
  });

  it('imports a clean sheet (parents after children too) and shows it as a tree, audited', async () => {
    const file = await sheet([
      ['program', '2.16.02', 'Program Aplikasi Informatika', 'S1'],
      ['program', '2.16.03', 'Program Persandian', 'S1'],
      ['sasaran', 'S1', 'Meningkatnya indeks SPBE', 'T1'],
      ['tujuan', 'T1', 'Birokrasi yang melayani dan digital', 'M1'],
      ['misi', 'M2', 'Ekonomi kerakyatan', null],
    ]);
    const dry = json<Report>(await upload(admin, file, true));
    expect(dry).toEqual({ dryRun: true, created: 4, updated: 1, errors: [] });
    const res = await upload(admin, file, false);
    expect(res.statusCode, res.body).toBe(200);
    expect(json<Report>(res)).toEqual({ dryRun: false, created: 4, updated: 1, errors: [] });
    const tree = json<Detail>(await pimpinan.get(`${base()}/${rpjmd.id}`));
    expect(flatten(tree.tree)).toEqual(['misi M1', 'tujuan T1', 'sasaran S1', 'program 2.16.02', 'program 2.16.03', 'misi M2']);
    expect(findNode(tree.tree, 'T1')?.name).toBe('Birokrasi yang melayani dan digital');
    expect(tree.programmeCount).toBe(2);
    const list = json<z.infer<typeof rpjmdPeriodList>>(await pimpinan.get(base())).items;
    expect(list.map((p) => [p.title, p.entryCount, p.programmeCount])).toEqual([[rpjmd.title, 6, 2]]);
    const audits = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.regionCode, HOME), eq(auditLog.action, 'rpjmd.imported')));
    expect(audits).toHaveLength(1);
  });

  it('exports a sheet that imports again without changes', async () => {
    const res = await admin.get(`${base()}/${rpjmd.id}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0];
    expect(ws?.getRow(5).values).toEqual([undefined, 'program', '2.16.02', 'Program Aplikasi Informatika', 'S1']);
    const again = json<Report>(await upload(admin, res.rawPayload, true));
    expect(again).toEqual({ dryRun: true, created: 0, updated: 6, errors: [] });
    const template = await admin.get(`${base()}/template.xlsx`);
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain(XLSX_MIME);
  });

  it('lists the programme codes for the pickers, with search', async () => {
    const all = json<z.infer<typeof rpjmdProgrammeOptions>>(await operator.get(`${base()}/programmes`));
    expect(all.items.map((i) => i.code)).toEqual(['2.16.02', '2.16.03']);
    const found = json<z.infer<typeof rpjmdProgrammeOptions>>(await operator.get(`${base()}/programmes?q=sandi`));
    expect(found.items).toEqual([{ code: '2.16.03', name: 'Program Persandian', rpjmdTitle: rpjmd.title, startYear: 2018, endYear: 2023 }]);
    const foreign = json<z.infer<typeof rpjmdProgrammeOptions>>(await foreignAdmin.get(`${base(OTHER)}/programmes`));
    expect(foreign.items).toEqual([]);
  });

  it('offers a code kept into the next RPJMD once, with its name in the newest', async () => {
    const next = json<Detail>(await admin.post(base(), { title: 'RPD 2024–2026', startYear: 2024, endYear: 2026 }));
    const file = await sheet([
      ['misi', 'M1', 'Misi RPD', null],
      ['tujuan', 'T1', 'Tujuan RPD', 'M1'],
      ['sasaran', 'S1', 'Sasaran RPD', 'T1'],
      ['program', '2.16.03', 'Program Aplikasi Informatika dan Persandian', 'S1'],
    ]);
    expect(json<Report>(await upload(admin, file, false, next.id)).created).toBe(4);
    const all = json<z.infer<typeof rpjmdProgrammeOptions>>(await operator.get(`${base()}/programmes`));
    expect(all.items.map((i) => [i.code, i.name])).toEqual([
      ['2.16.02', 'Program Aplikasi Informatika'],
      ['2.16.03', 'Program Aplikasi Informatika dan Persandian'],
    ]);
    expect((await admin.delete(`${base()}/${next.id}`)).statusCode).toBe(200);
  });
});

describe('who may change it', () => {
  it('the operator and the pimpinan read but may not write; another region sees nothing', async () => {
    expect((await operator.get(`${base()}/${rpjmd.id}`)).statusCode).toBe(200);
    expect((await operator.post(`${base()}/${rpjmd.id}/entries`, { level: 'misi', code: 'M9', name: 'x' })).statusCode).toBe(403);
    expect((await pimpinan.delete(`${base()}/${rpjmd.id}`)).statusCode).toBe(403);
    expect((await upload(operator, await sheet([['misi', 'M9', 'x', null]]), false)).statusCode).toBe(403);
    expect((await foreignAdmin.get(`${base()}/${rpjmd.id}`)).statusCode).toBe(403);
    expect((await foreignAdmin.get(`${base(OTHER)}/${rpjmd.id}`)).statusCode).toBe(404);
    expect((await upload(foreignAdmin, await sheet([['misi', 'M9', 'x', null]]), false, rpjmd.id, OTHER)).statusCode).toBe(404);
    expect(await entryCount()).toBe(6);
  });
});

describe('links from smart-city programmes and innovations', () => {
  let programmeId: string;
  let innovationId: string;

  it('a smart-city programme must name one of the region programme codes', async () => {
    const plan = json<MasterplanDetail>(
      await admin.post(`/api/v1/regions/${HOME}/smart-city/masterplans`, { title: 'Masterplan Uji', startYear: 2022, endYear: 2026 }),
    );
    const body = {
      masterplanId: plan.id,
      elementId: plan.dimensions[0]?.elements[0]?.id,
      name: 'Satu Data Uji',
      kind: 'quick_win',
      leadUnitId: unitId,
      startYear: 2023,
      startQuarter: 1,
      endYear: 2024,
      endQuarter: 4,
    };
    const unknown = await admin.post(`/api/v1/regions/${HOME}/smart-city/programmes`, { ...body, rpjmdProgramCode: '9.99.99' });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).issues).toEqual([
      {
        field: 'body.rpjmdProgramCode',
        reason: 'Kode program RPJMD "9.99.99" tidak ada dalam RPJMD daerah ini; pilih kode program dari daftar atau tambahkan dulu di menu RPJMD',
      },
    ]);
    // A tujuan's code is not a programme code.
    expect((await admin.post(`/api/v1/regions/${HOME}/smart-city/programmes`, { ...body, rpjmdProgramCode: 'T1' })).statusCode).toBe(400);
    const ok = await admin.post(`/api/v1/regions/${HOME}/smart-city/programmes`, { ...body, rpjmdProgramCode: '2.16.02' });
    expect(ok.statusCode, ok.body).toBe(201);
    programmeId = json<{ id: string }>(ok).id;
    expect(programmeId).toBeTruthy();
  });

  it('an innovation must name one of the region programme codes, on create and on edit', async () => {
    const url = `/api/v1/regions/${HOME}/innovations`;
    const bad = await admin.post(url, { periodId, unitId, name: 'Inovasi RPJMD Uji', rpjmdProgramCode: 'tidak-ada' });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).issues?.[0]?.field).toBe('body.rpjmdProgramCode');
    const created = await admin.post(url, { periodId, unitId, name: 'Inovasi RPJMD Uji', rpjmdProgramCode: '2.16.03' });
    expect(created.statusCode, created.body).toBe(201);
    const innovation = json<{ id: string; version: number; rpjmdProgramCode: string | null }>(created);
    innovationId = innovation.id;
    expect(innovation.rpjmdProgramCode).toBe('2.16.03');
    const edit = await admin.put(`${url}/${innovationId}`, { name: 'Inovasi RPJMD Uji', rpjmdProgramCode: 'M1', version: innovation.version });
    expect(edit.statusCode).toBe(400);
    const [row] = await t.db.select({ code: innovations.rpjmdProgramCode }).from(innovations).where(eq(innovations.id, innovationId));
    expect(row?.code).toBe('2.16.03');
  });

  it('the tree counts the links, and a linked code can be neither renamed nor deleted', async () => {
    const tree = json<Detail>(await admin.get(`${base()}/${rpjmd.id}`));
    expect(findNode(tree.tree, '2.16.02')).toMatchObject({ linkedProgrammes: 1, linkedInnovations: 0 });
    expect(findNode(tree.tree, '2.16.03')).toMatchObject({ linkedProgrammes: 0, linkedInnovations: 1 });
    const linked = findNode(tree.tree, '2.16.02');
    const rename = await admin.put(`${base()}/${rpjmd.id}/entries/${linked?.id}`, { code: '2.16.09', name: 'x', version: linked?.version });
    expect(rename.statusCode).toBe(400);
    const misi = findNode(tree.tree, 'M1');
    const del = await admin.delete(`${base()}/${rpjmd.id}/entries/${misi?.id}`);
    expect(del.statusCode).toBe(409);
    expect(await entryCount()).toBe(6);
    expect((await admin.delete(`${base()}/${rpjmd.id}`)).statusCode).toBe(409);
  });

  it('an unlinked branch is deleted with its descendants, audited', async () => {
    const tree = json<Detail>(await admin.get(`${base()}/${rpjmd.id}`));
    const m2 = findNode(tree.tree, 'M2');
    const renamed = await admin.put(`${base()}/${rpjmd.id}/entries/${m2?.id}`, {
      code: 'M2',
      name: 'Ekonomi kerakyatan yang tangguh',
      version: m2?.version,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(findNode(json<Detail>(renamed).tree, 'M2')?.name).toBe('Ekonomi kerakyatan yang tangguh');
    const res = await admin.delete(`${base()}/${rpjmd.id}/entries/${m2?.id}`);
    expect(res.statusCode).toBe(200);
    expect(flatten(json<Detail>(res).tree)).not.toContain('misi M2');
    const [audit] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, m2?.id ?? ''), eq(auditLog.action, 'rpjmd_entry.deleted')));
    expect(Number(audit?.n)).toBe(1);
  });
});
