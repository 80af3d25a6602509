/**
 * The assessment report a region hands to its leaders. The generators are checked on assessments
 * scored by the real engine (SPBE 2020 and Indeks Pemdi 2026): the PDF is read back as text (built
 * uncompressed), the XLSX with exceljs. The routes are checked end to end through the HTTP API.
 */
import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFigures, type ItemValues, valuesOf } from '#domain/assessments/figures.ts';
import { analyseGaps } from '#domain/assessments/gaps.ts';
import { listIndicators } from '#domain/assessments/indicators.ts';
import type { ShippedFrameworkId } from '#domain/scoring/framework-registry.ts';
import { loadShipped } from '#domain/scoring/load-shipped.ts';
import type { AssessmentDetail, AssessmentItem, GapAnalysis } from '#shared/api/assessments.ts';
import { XLSX_MIME } from '#server/lib/xlsx.ts';
import { type Client, clientFor, startTestApp, type TestApp } from '../../../../test/support/harness.ts';
import {
  type AssessmentReportData,
  buildAssessmentPdf,
  buildAssessmentXlsx,
  decimalComma,
  pdfSafeText,
  reportFileName,
  shorten,
  strengthsOf,
  summaryNodesOf,
} from './assessment-report.ts';

// ---- fixtures ------------------------------------------------------------------------------------

interface FixtureOptions {
  stage?: AssessmentDetail['stage'];
  /** Claimed value of the i-th indicator (null = not filled). */
  claimed: (i: number) => string | null;
  /** The assessor's decision on the i-th indicator: accept, a corrected value, or nothing yet. */
  verify?: (i: number, claimed: string | null) => 'accept' | { correct: string } | null;
  previous?: GapAnalysis['previous'];
  basis?: GapAnalysis['basis'];
}

/** An assessment as the service would present it, scored by the real engine on the shipped framework. */
function fixture(frameworkId: ShippedFrameworkId, options: FixtureOptions): AssessmentReportData {
  const framework = loadShipped(frameworkId);
  const indicators = listIndicators(framework);
  const items: AssessmentItem[] = indicators.map((indicator, i) => {
    const claimedValue = options.claimed(i);
    const decision = options.verify?.(i, claimedValue) ?? null;
    const verification = decision === null ? 'pending' : decision === 'accept' ? 'accepted' : 'corrected';
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      indicatorId: indicator.id,
      path: indicator.path,
      pathIds: indicator.pathIds,
      name: indicator.name,
      weight: indicator.weight,
      scale: { type: indicator.scale.type, min: indicator.scale.min, max: indicator.scale.max, levels: indicator.scale.levels },
      evidenceHints: indicator.evidenceHints,
      unitId: null,
      unitName: i % 2 === 0 ? 'Dinas Komunikasi, Informatika, Statistik dan Persandian' : null,
      deadline: null,
      claimedValue,
      explanation: claimedValue === null ? '' : `Penjelasan indikator ${indicator.id}`,
      claimedAt: claimedValue === null ? null : '2025-03-01T02:00:00.000Z',
      verification,
      verifiedValue: typeof decision === 'object' && decision !== null ? decision.correct : null,
      verifierNote: typeof decision === 'object' && decision !== null ? 'Bukti dukung belum memadai' : null,
      verifiedAt: decision === null ? null : '2025-04-01T02:00:00.000Z',
      evidence:
        i === 0
          ? [
              {
                id: 'e1',
                kind: 'file',
                title: 'Perwal',
                fileName: 'perwal.pdf',
                mimeType: 'application/pdf',
                sizeBytes: 10,
                sha256: null,
                url: null,
                createdAt: '2025-03-01T00:00:00.000Z',
              },
              {
                id: 'e2',
                kind: 'link',
                title: 'Portal',
                fileName: null,
                mimeType: null,
                sizeBytes: null,
                sha256: null,
                url: 'https://example.org',
                createdAt: '2025-03-01T00:00:00.000Z',
              },
            ]
          : [],
      canFill: false,
      canVerify: false,
      version: 1,
    };
  });
  const figures = computeFigures(framework, items satisfies ItemValues[]);
  const present = (f: (typeof figures)['claimed']) => ({
    index: f.index,
    predicate: f.predicate,
    complete: f.complete,
    missing: f.missing,
    nodes: f.nodes,
  });
  const stage = options.stage ?? 'verifikasi';
  const basis = options.basis ?? (stage === 'mandiri' ? 'claimed' : 'verified');
  const analysis = analyseGaps(framework, valuesOf(items, basis));
  const detail: AssessmentDetail = {
    id: '11111111-1111-4111-8111-111111111111',
    regionCode: '19.71',
    frameworkId: framework.id,
    frameworkVersionId: '22222222-2222-4222-8222-222222222222',
    frameworkName: framework.name,
    frameworkVersion: framework.version,
    year: 2025,
    stage,
    deadline: null,
    itemCount: items.length,
    filledCount: items.filter((i) => i.claimedValue !== null).length,
    verifiedCount: items.filter((i) => i.verification !== 'pending').length,
    version: 4,
    claimed: present(figures.claimed),
    verified: present(figures.verified),
    items,
    progressByUnit: [],
    can: { manage: false, advance: false, finalize: false },
  };
  return {
    regionName: 'Kota Pangkal Pinang',
    detail,
    gaps: { basis, index: analysis.index, items: analysis.items, previous: options.previous ?? null },
    framework,
    printedAt: new Date('2025-05-12T03:00:00Z'),
  };
}

/** SPBE: levels cycle 1..5, every seventh indicator corrected one level down. */
const spbe = (overrides: Partial<FixtureOptions> = {}) =>
  fixture('spbe-2020', {
    claimed: (i) => String((i % 5) + 1),
    verify: (i, c) => (i % 7 === 3 && c !== null && c !== '1' ? { correct: String(Number(c) - 1) } : 'accept'),
    previous: {
      assessmentId: '33333333-3333-4333-8333-333333333333',
      year: 2024,
      index: '2.51',
      predicate: 'Cukup',
      basis: 'verified',
      indicators: [
        { indicatorId: '1', previous: '1', current: '1' },
        { indicatorId: '2', previous: '1', current: '2' },
        { indicatorId: '5', previous: '5', current: '4' },
      ],
    },
    ...overrides,
  });

// ---- reading the files back ----------------------------------------------------------------------

/** The content of a PDF with its Flate streams inflated (pdfkit compresses them unless told not to). */
function pdfSource(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  return raw.replace(/\/FlateDecode[\s\S]*?stream\n([\s\S]*?)\nendstream/g, (whole, body: string) => {
    try {
      return `${whole.slice(0, whole.indexOf('stream\n'))}stream\n${inflateSync(Buffer.from(body, 'latin1')).toString('latin1')}\nendstream`;
    } catch {
      return whole;
    }
  });
}

/**
 * The text of a pdfkit file: its standard fonts write each line as hex strings (kerned pieces inside
 * one TJ array), in Windows-1252.
 */
function pdfText(pdf: Buffer): string {
  const source = pdfSource(pdf);
  const lines: string[] = [];
  for (const match of source.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?\d+(?:\.\d+)?)*)\]\s*TJ/g)) {
    const body = match[1] ?? '';
    let line = '';
    for (const hex of body.matchAll(/<([0-9a-fA-F]*)>/g)) line += Buffer.from(hex[1] ?? '', 'hex').toString('latin1');
    lines.push(line);
  }
  return lines.join('\n');
}

const pageCount = (pdf: Buffer) => Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0);

async function readWorkbook(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook;
}

/** Rows of a sheet as arrays of cell values (index 0 = column A). */
function rowsOf(sheet: ExcelJS.Worksheet | undefined): ExcelJS.CellValue[][] {
  if (!sheet) throw new Error('sheet missing');
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: ExcelJS.CellValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) values.push(row.getCell(c).value);
    rows.push(values);
  });
  return rows;
}

// ---- generators ----------------------------------------------------------------------------------

describe('report rules', () => {
  it('prints decimals with a comma without touching the digits', () => {
    expect(decimalComma('3.45')).toBe('3,45');
    expect(decimalComma('2.8575')).toBe('2,8575');
    expect(decimalComma('4')).toBe('4');
    expect(decimalComma(null)).toBe('–');
  });

  it('names the file after framework, region and year', () => {
    expect(reportFileName(spbe().detail, 'pdf')).toBe('penilaian-spbe-2020-19.71-2025.pdf');
  });

  it('counts as strengths the indicators at 80% of the scale maximum or above, on the report basis', () => {
    const data = spbe();
    const strengths = strengthsOf(data.detail, 'verified');
    expect(strengths.length).toBeGreaterThan(0);
    expect(strengths.every((s) => Number(s.value) >= 4)).toBe(true);
    expect(strengths[0]?.value).toBe('5');
    expect(strengths.find((s) => s.value === '4')?.levelName).toBe('Terpadu dan Terukur');
    // Indicator 4 claims 4 but was corrected to 3: a strength when claimed, not when verified.
    expect(strengthsOf(data.detail, 'claimed').some((s) => s.item.indicatorId === '4')).toBe(true);
    expect(strengths.some((s) => s.item.indicatorId === '4')).toBe(false);
    // Pemdi decimals 1–5: 4.00 counts, 3.99 does not.
    const pemdi = fixture('pemdi-2026', { claimed: (i) => (i === 0 ? '4.00' : '3.99') });
    expect(strengthsOf(pemdi.detail, 'claimed').map((s) => s.item.indicatorId)).toEqual(['1']);
  });

  it('lists domains and aspects of SPBE, aspects of Pemdi', () => {
    expect(summaryNodesOf(loadShipped('spbe-2020')).map((n) => `${n.kind}:${n.id}`)).toEqual([
      'domain:D1',
      'aspek:A1',
      'domain:D2',
      'aspek:A2',
      'aspek:A3',
      'aspek:A4',
      'domain:D3',
      'aspek:A5',
      'aspek:A6',
      'domain:D4',
      'aspek:A7',
      'aspek:A8',
    ]);
    expect(summaryNodesOf(loadShipped('pemdi-2026')).map((n) => n.id)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7']);
  });

  it('keeps text drawable by the built-in font and shortens long criteria at a word', () => {
    expect(pdfSafeText('nilai ≥ 4 → naik “baik” – 100%')).toBe('nilai >= 4 -> naik “baik” – 100%');
    expect(pdfSafeText('kota 城市 😀')).toBe('kota ?? ?');
    const short = shorten('Kriteria tingkat 3 telah terpenuhi dan kebijakan internal telah ditetapkan', 40);
    expect(short.length).toBeLessThanOrEqual(40);
    expect(short).toBe('Kriteria tingkat 3 telah terpenuhi dan…');
  });
});

describe('PDF report', () => {
  it('is an A4 PDF with the headline indices, predicates, domains, indicators, strengths, gaps and last year', async () => {
    const data = spbe();
    const pdf = await buildAssessmentPdf(data, { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(8);
    const text = pdfText(pdf);
    const { claimed, verified } = data.detail;
    expect(claimed.index).toMatch(/^\d\.\d\d$/);
    expect(verified.index).not.toBe(claimed.index);
    expect(text).toContain('Evaluasi SPBE');
    expect(text).toContain('Kota Pangkal Pinang · Tahun 2025');
    expect(text).toContain('Tahap: Verifikasi');
    expect(text).toContain('Dicetak: 12 Mei 2025');
    expect(text).toContain('Indeks hasil penilaian mandiri (klaim)');
    expect(text).toContain('Indeks hasil verifikasi');
    expect(text).toContain(decimalComma(claimed.index));
    expect(text).toContain(decimalComma(verified.index));
    expect(text).toContain(String(verified.predicate));
    expect(text).toContain('Indeks Domain dan Aspek');
    expect(text).toContain('Layanan Publik Berbasis Elektronik');
    expect(text).toContain(decimalComma(verified.nodes.D4?.index));
    expect(text).toContain('Kebijakan Internal Arsitektur SPBE');
    expect(text).toContain('Dikoreksi');
    expect(text).toContain('Kekuatan');
    expect(text).toContain('Kesenjangan');
    const top = data.gaps.items[0];
    expect(top).toBeDefined();
    expect(text).toContain(`+${decimalComma(top?.gain)}`);
    expect(text).toContain('Perbandingan dengan Tahun 2024');
    // Last year is quoted as its verified (final) index, and the report says so.
    expect(text).toContain('Indeks tahun 2024 (nilai terverifikasi, final): 2,51 (Cukup)');
    // Page numbers on every page, counting all pages.
    for (let p = 1; p <= pages; p++) expect(text).toContain(`Halaman ${p} dari ${pages}`);
    // No decimal point survives in a number the reader sees.
    expect(text).not.toMatch(/\b\d\.\d\d\b/);
  });

  it('repeats the indicator table header on every page it continues on', async () => {
    const text = pdfText(await buildAssessmentPdf(spbe(), { compress: false }));
    const headers = text.split('\n').filter((l) => l === 'Unit penanggung jawab').length;
    expect(headers).toBeGreaterThanOrEqual(2);
  });

  it('shows only the top ten gaps, ranked by gain', async () => {
    const data = spbe();
    expect(data.gaps.items.length).toBeGreaterThan(10);
    const text = pdfText(await buildAssessmentPdf(data, { compress: false }));
    const section = text.slice(text.indexOf('Kesenjangan'), text.indexOf('Perbandingan dengan'));
    expect((section.match(/^\+\d/gm) ?? []).length).toBe(10);
  });

  it('marks a provisional index during penilaian mandiri and bases the analysis on the claims', async () => {
    const data = fixture('pemdi-2026', { stage: 'mandiri', claimed: (i) => (i < 15 ? '3.25' : null) });
    expect(data.gaps.basis).toBe('claimed');
    const pdf = await buildAssessmentPdf(data, { compress: false });
    const text = pdfText(pdf);
    expect(text).toContain('Indeks Pemerintah Digital');
    expect(text).toContain('Tahap: Penilaian mandiri');
    expect(text).toContain('Sementara: 5 indikator belum bernilai');
    expect(text).toContain('Belum ada indikator yang bernilai');
    expect(text).toContain('Selama indeks masih sementara');
    expect(text).toContain('Indeks Aspek');
    expect(text).toContain('nilai klaim (penilaian mandiri)');
    expect(text).not.toContain('Perbandingan dengan');
    expect(text).toContain('3,25');
  });

  it('is compressed by default, with the same text', async () => {
    const data = spbe();
    const pdf = await buildAssessmentPdf(data);
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
    expect(pdf.length).toBeLessThan((await buildAssessmentPdf(data, { compress: false })).length);
    expect(pdfText(pdf)).toContain(decimalComma(data.detail.verified.index));
  });
});

describe('XLSX report', () => {
  it('has the sheets Ringkasan, Indikator and Kesenjangan with the published values', async () => {
    const data = spbe();
    const workbook = await readWorkbook(await buildAssessmentXlsx(data));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Ringkasan', 'Indikator', 'Kesenjangan']);

    const summary = rowsOf(workbook.getWorksheet('Ringkasan'));
    const indexRow = summary.find((r) => r[0] === 'Indeks');
    expect(indexRow?.[3]).toBe(Number(data.detail.claimed.index));
    expect(indexRow?.[4]).toBe(data.detail.claimed.predicate);
    expect(indexRow?.[5]).toBe(Number(data.detail.verified.index));
    expect(indexRow?.[6]).toBe(data.detail.verified.predicate);
    const d4 = summary.find((r) => r[0] === 'D4');
    expect(d4?.[1]).toBe('Domain');
    expect(d4?.[5]).toBe(Number(data.detail.verified.nodes.D4?.index));
    expect(summary.filter((r) => r[1] === 'Aspek')).toHaveLength(8);
    expect(summary.find((r) => r[0] === 'Indeks 2024 (terverifikasi, final)')?.[1]).toBe(2.51);
    // The cell shows the published digits: two places.
    expect(workbook.getWorksheet('Ringkasan')?.getCell(`D${summary.indexOf(indexRow ?? []) + 1}`).numFmt).toBe('0.00');

    const indicators = rowsOf(workbook.getWorksheet('Indikator'));
    expect(indicators[0]).toEqual([
      'No.',
      'Domain / aspek',
      'Indikator',
      'Bobot',
      'Unit penanggung jawab',
      'Tenggat',
      'Nilai klaim',
      'Tingkat klaim',
      'Penjelasan',
      'Jumlah bukti dukung',
      'Status verifikasi',
      'Nilai terverifikasi',
      'Tingkat terverifikasi',
      'Catatan verifikator',
    ]);
    expect(indicators).toHaveLength(48);
    const first = indicators[1];
    expect(first?.[0]).toBe('1');
    expect(first?.[1]).toBe('Kebijakan Internal SPBE › Kebijakan Internal Tata Kelola SPBE');
    expect(first?.[3]).toBe(1.3);
    expect(first?.[8]).toBe('Penjelasan indikator 1');
    expect(first?.[9]).toBe(2);
    const fourth = indicators[4];
    expect(fourth?.[6]).toBe(4);
    expect(fourth?.[7]).toBe('Terpadu dan Terukur');
    expect(fourth?.[10]).toBe('Dikoreksi');
    expect(fourth?.[11]).toBe(3);
    expect(fourth?.[13]).toBe('Bukti dukung belum memadai');

    const gaps = rowsOf(workbook.getWorksheet('Kesenjangan'));
    expect(gaps).toHaveLength(data.gaps.items.length + 1);
    const top = data.gaps.items[0];
    expect(gaps[1]?.[0]).toBe(1);
    expect(gaps[1]?.[1]).toBe(top?.indicatorId);
    expect(gaps[1]?.[6]).toBe(top?.nextCriteria);
    expect(gaps[1]?.[7]).toBe(Number(top?.gain));
  });
});

// ---- routes --------------------------------------------------------------------------------------

describe('report routes', () => {
  const HOME = '19.71';
  let t: TestApp;
  let admin: Client;
  let assessmentId: string;
  /** The assessment after indicator 1 was claimed at 3 and corrected to 2, indicator 2 claimed at 4 and accepted. */
  let verified: AssessmentDetail;

  const json = <T>(res: LightMyRequestResponse): T => res.json() as T;
  const base = () => `/api/v1/regions/${HOME}/assessments/${assessmentId}`;
  const itemOf = (detail: AssessmentDetail, indicatorId: string) => {
    const item = detail.items.find((i) => i.indicatorId === indicatorId);
    if (!item) throw new Error(`indicator ${indicatorId} missing`);
    return item;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await clientFor(t, 'admin_daerah', HOME)).client;
    const versions = json<{ items: { id: string; frameworkId: string }[] }>(await admin.get(`/api/v1/regions/${HOME}/framework-versions`)).items;
    const version = versions.find((v) => v.frameworkId === 'spbe-2020');
    if (!version) throw new Error('SPBE 2020 is not shipped');
    const created = await admin.post(`/api/v1/regions/${HOME}/assessments`, { frameworkVersionId: version.id, year: 2025 });
    expect(created.statusCode, created.body).toBe(201);
    const detail = json<AssessmentDetail>(created);
    assessmentId = detail.id;
    for (const [indicatorId, value] of [
      ['1', '3'],
      ['2', '4'],
    ] as const) {
      const item = itemOf(detail, indicatorId);
      const res = await admin.put(`${base()}/items/${item.id}`, {
        value,
        explanation: `Bukti indikator ${indicatorId} lengkap`,
        version: item.version,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const current = json<AssessmentDetail>(await admin.get(base()));
    const staged = await admin.post(`${base()}/stage`, { stage: 'verifikasi', version: current.version });
    expect(staged.statusCode, staged.body).toBe(200);
    const first = itemOf(current, '1');
    const corrected = await admin.post(`${base()}/items/${first.id}/verify`, {
      decision: 'correct',
      value: '2',
      note: 'Perwal belum memuat domain arsitektur',
      version: first.version,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const second = itemOf(current, '2');
    const accepted = await admin.post(`${base()}/items/${second.id}/verify`, { decision: 'accept', version: second.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    verified = json<AssessmentDetail>(await admin.get(base()));
  });
  afterAll(() => t.close());

  it('downloads the PDF with the indices as computed, the correction, and the verified basis during verification', async () => {
    const res = await admin.get(`${base()}/report/pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="penilaian-spbe-2020-19.71-2025.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(res.rawPayload)).toBeGreaterThanOrEqual(3);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Tahap: Verifikasi');
    expect(verified.claimed.index).not.toBeNull();
    expect(verified.verified.index).not.toBe(verified.claimed.index);
    expect(text).toContain(decimalComma(verified.claimed.index));
    expect(text).toContain(decimalComma(verified.verified.index));
    expect(text).toContain('Dikoreksi');
    expect(text).toContain('dari nilai terverifikasi');
    const claimedBasis = pdfText((await admin.get(`${base()}/report/pdf?basis=claimed`)).rawPayload);
    expect(claimedBasis).toContain('dari nilai klaim (penilaian mandiri)');
  });

  it('downloads the XLSX with the claimed and the corrected value of the indicator', async () => {
    const res = await admin.get(`${base()}/report/xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toBe('attachment; filename="penilaian-spbe-2020-19.71-2025.xlsx"');
    const workbook = await readWorkbook(res.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Ringkasan', 'Indikator', 'Kesenjangan']);
    const [, first, second] = rowsOf(workbook.getWorksheet('Indikator'));
    expect(first?.slice(0, 1)).toEqual(['1']);
    expect(first?.[6]).toBe(3);
    expect(first?.[8]).toBe('Bukti indikator 1 lengkap');
    expect(first?.[10]).toBe('Dikoreksi');
    expect(first?.[11]).toBe(2);
    expect(first?.[13]).toBe('Perwal belum memuat domain arsitektur');
    expect(second?.[10]).toBe('Diterima');
    expect(second?.[11]).toBe(4);
    const summary = rowsOf(workbook.getWorksheet('Ringkasan'));
    expect(summary.find((r) => r[0] === 'Indeks')?.[5]).toBe(Number(verified.verified.index));
    expect(String(summary.find((r) => r[0] === 'Daerah')?.[1])).toMatch(/pangkal\s*pinang/i);
    expect(summary.find((r) => r[0] === 'Tahun')?.[1]).toBe(2025);
    expect(rowsOf(workbook.getWorksheet('Kesenjangan')).length).toBeGreaterThan(40);
  });

  it('is not found for an assessment of another region, and refused to a foreign admin', async () => {
    const foreign = (await clientFor(t, 'admin_daerah', '31.71')).client;
    const res = await foreign.get(`/api/v1/regions/31.71/assessments/${assessmentId}/report/pdf`);
    expect(res.statusCode).toBe(404);
    expect((await foreign.get(`${base()}/report/xlsx`)).statusCode).toBe(403);
  });

  it('lets a leader (pimpinan) download it, and rejects an unknown basis', async () => {
    const pimpinan = (await clientFor(t, 'pimpinan', HOME)).client;
    expect((await pimpinan.get(`${base()}/report/xlsx`)).statusCode).toBe(200);
    expect((await admin.get(`${base()}/report/pdf?basis=both`)).statusCode).toBe(400);
  });
});
