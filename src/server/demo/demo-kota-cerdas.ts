/**
 * Demo: Kota Pangkalpinang's smart-city masterplan 2022–2026 (seed 003: the city refined its masterplan
 * and its quick wins "tahap I" in mid-2022), the national guide's six dimensions and their elements,
 * 22 programmes of which 5 are quick wins of tahap I, funding per year from APBD and other sources,
 * and quarterly progress reported through 2025 (a few quarters held up, with the reason). Figures are
 * generated from each programme's pace so the demo looks like a city's real, uneven year.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { DEFAULT_DIMENSIONS } from '#domain/kota-cerdas/dimensions.ts';
import { Dec } from '#domain/scoring/decimal.ts';
import type { Tx } from '#server/db/client.ts';
import {
  innovations,
  smartcityDimensions,
  smartcityElements,
  smartcityFunding,
  smartcityMasterplans,
  smartcityOutputs,
  smartcityOutputTargets,
  smartcityProgrammeInnovations,
  smartcityProgrammes,
  smartcityProgrammeUnits,
  smartcityProgressFigures,
  smartcityProgressReports,
} from '#server/db/schema.ts';

const REGION = '19.71';
const LAST_REPORTED_YEAR = 2025;

interface DemoProgramme {
  dim: string;
  el: string;
  name: string;
  description: string;
  kind: 'quick_win' | 'jangka_pendek' | 'jangka_menengah' | 'jangka_panjang';
  lead: string;
  support?: string[];
  rpjmd?: string;
  start: [number, number];
  end: [number, number];
  /** output name, KPI, unit of measure, target in the first year, added each later year. */
  output: [string, string, string, number, number];
  /** APBD per year in millions of rupiah. */
  apbd: number;
  other?: { source: 'apbn' | 'csr' | 'kpbu' | 'hibah'; millions: number; years: number[] };
  /** Share of each year's target the unit reaches (1 = on target). */
  pace: number;
  /** A quarter held up, with the reason the unit gave. */
  blocked?: { year: number; quarter: number; reason: string };
  innovation?: string;
}

const QW = 'tahap I';

export const DEMO_PROGRAMMES: DemoProgramme[] = [
  // ---- quick wins tahap I (2022–2023) ----
  {
    dim: 'governance',
    el: 'layanan_publik',
    name: 'Mal Pelayanan Publik Digital',
    description: 'Antrean daring, pelacakan berkas dan tanda tangan elektronik untuk seluruh gerai di Mal Pelayanan Publik.',
    kind: 'quick_win',
    lead: 'DPMPTSP',
    support: ['Diskominfo', 'Disdukcapil'],
    rpjmd: '2.18.02',
    start: [2022, 3],
    end: [2023, 4],
    output: ['Gerai MPP terhubung antrean daring', 'Jumlah gerai terhubung', 'gerai', 12, 10],
    apbd: 850,
    pace: 1,
    innovation: 'Izin Usaha Selesai di Meja (IUSM)',
  },
  {
    dim: 'governance',
    el: 'birokrasi',
    name: 'Naskah Dinas Elektronik Seluruh OPD',
    description: 'Surat-menyurat dinas dengan TTE BSrE di 36 OPD, menggantikan disposisi kertas.',
    kind: 'quick_win',
    lead: 'Diskominfo',
    support: ['Setda', 'BKPSDM'],
    rpjmd: '2.16.03',
    start: [2022, 3],
    end: [2023, 4],
    output: ['OPD memakai naskah dinas elektronik', 'Jumlah OPD', 'OPD', 18, 18],
    apbd: 420,
    pace: 0.95,
    innovation: 'Naskah Dinas Elektronik',
  },
  {
    dim: 'economy',
    el: 'transaksi',
    name: 'Pasar Pagi Non Tunai',
    description: 'Retribusi dan parkir Pasar Pagi dibayar dengan QRIS bersama Bank Sumsel Babel.',
    kind: 'quick_win',
    lead: 'Disdagin',
    support: ['Bapenda', 'Dishub'],
    start: [2022, 3],
    end: [2023, 4],
    output: ['Pedagang menerima QRIS', 'Jumlah pedagang', 'pedagang', 150, 150],
    apbd: 180,
    other: { source: 'csr', millions: 120, years: [2022, 2023] },
    pace: 0.88,
    innovation: 'Parkir Non Tunai Pasar Pagi',
  },
  {
    dim: 'environment',
    el: 'sampah',
    name: 'Bank Sampah Digital Kelurahan',
    description: 'Tabungan sampah warga dicatat di aplikasi; hasil penjualan masuk ke rekening nasabah.',
    kind: 'quick_win',
    lead: 'DLH',
    support: ['Kec. Gerunggang', 'Kec. Rangkui'],
    start: [2022, 3],
    end: [2023, 4],
    output: ['Unit bank sampah aktif', 'Jumlah unit bank sampah', 'unit', 20, 15],
    apbd: 260,
    other: { source: 'hibah', millions: 75, years: [2023] },
    pace: 0.9,
    blocked: { year: 2023, quarter: 2, reason: 'Pengepul plastik berhenti membeli selama dua bulan; harga jual turun di bawah biaya angkut.' },
    innovation: 'Bank Sampah Digital Kota',
  },
  {
    dim: 'branding',
    el: 'pariwisata',
    name: 'Jelajah Sejarah Timah Berbasis QR',
    description: 'Papan QR di 25 titik cagar budaya timah dengan cerita, foto lama dan peta jalan kaki.',
    kind: 'quick_win',
    lead: 'Disporapar',
    support: ['Diskominfo'],
    start: [2022, 3],
    end: [2023, 4],
    output: ['Titik cagar budaya ber-QR', 'Jumlah titik', 'titik', 10, 15],
    apbd: 150,
    pace: 1.05,
    innovation: 'Wisata Sejarah Timah Berbasis QR',
  },
  // ---- governance ----
  {
    dim: 'governance',
    el: 'kebijakan',
    name: 'Satu Data Pangkalpinang',
    description: 'Portal data terbuka dan walidata di setiap OPD sesuai Perpres 39/2019.',
    kind: 'jangka_menengah',
    lead: 'Diskominfo',
    support: ['Bapperida'],
    rpjmd: '2.16.02',
    start: [2022, 1],
    end: [2026, 4],
    output: ['Dataset terpublikasi di portal', 'Jumlah dataset', 'dataset', 120, 60],
    apbd: 310,
    pace: 0.92,
    innovation: 'Pangkalpinang Satu Data',
  },
  {
    dim: 'governance',
    el: 'birokrasi',
    name: 'Pusat Data dan Jaringan Intra Pemerintah',
    description: 'Konsolidasi server OPD ke pusat data daerah dan jaringan serat optik antarkantor.',
    kind: 'jangka_menengah',
    lead: 'Diskominfo',
    rpjmd: '2.16.02',
    start: [2023, 1],
    end: [2026, 4],
    output: ['Kantor terhubung jaringan intra', 'Jumlah kantor', 'kantor', 15, 10],
    apbd: 1450,
    other: { source: 'apbn', millions: 900, years: [2024] },
    pace: 0.7,
    blocked: { year: 2025, quarter: 2, reason: 'Lelang penarikan kabel serat optik gagal dua kali; menunggu e-katalog.' },
  },
  {
    dim: 'governance',
    el: 'layanan_publik',
    name: 'Musrenbang Kelurahan Daring',
    description: 'Usulan musrenbang warga dikirim dan dipantau lewat aplikasi, terhubung ke SIPD.',
    kind: 'jangka_pendek',
    lead: 'Bapperida',
    support: ['Kec. Tamansari', 'Kec. Bukit Intan'],
    start: [2023, 1],
    end: [2024, 4],
    output: ['Kelurahan memakai musrenbang daring', 'Jumlah kelurahan', 'kelurahan', 20, 22],
    apbd: 95,
    pace: 1,
    innovation: 'Musrenbang Kelurahan Daring',
  },
  // ---- branding ----
  {
    dim: 'branding',
    el: 'bisnis',
    name: 'Klinik UMKM Naik Kelas',
    description: 'Pendampingan izin, kemasan dan pemasaran daring untuk UMKM binaan.',
    kind: 'jangka_menengah',
    lead: 'Dinkop UKM',
    support: ['DPMPTSP'],
    start: [2023, 1],
    end: [2026, 4],
    output: ['UMKM terdampingi', 'Jumlah UMKM', 'UMKM', 150, 50],
    apbd: 240,
    other: { source: 'csr', millions: 100, years: [2024, 2025] },
    pace: 0.97,
    innovation: 'Klinik UMKM Naik Kelas',
  },
  {
    dim: 'branding',
    el: 'wajah_kota',
    name: 'Penataan Koridor Jalan Jenderal Sudirman',
    description: 'Trotoar ramah disabilitas, penerangan LED pintar dan papan informasi digital di koridor pusat kota.',
    kind: 'jangka_panjang',
    lead: 'DPUPR',
    support: ['Disperkim', 'Dishub'],
    start: [2023, 3],
    end: [2026, 4],
    output: ['Trotoar tertata', 'Panjang trotoar', 'meter', 600, 600],
    apbd: 2600,
    other: { source: 'kpbu', millions: 3500, years: [2025, 2026] },
    pace: 0.75,
    blocked: { year: 2024, quarter: 3, reason: 'Pemindahan jaringan utilitas PLN dan PDAM belum selesai di dua ruas.' },
  },
  // ---- economy ----
  {
    dim: 'economy',
    el: 'kesejahteraan',
    name: 'Bursa Kerja Daring Pangkalpinang',
    description: 'Lowongan perusahaan lokal dan pencari kerja dipertemukan daring, dengan pelatihan singkat.',
    kind: 'jangka_pendek',
    lead: 'Disnaker',
    start: [2023, 1],
    end: [2024, 4],
    output: ['Pencari kerja ditempatkan', 'Jumlah penempatan', 'orang', 300, 100],
    apbd: 130,
    pace: 0.85,
    innovation: 'Bursa Kerja Daring Pangkalpinang',
  },
  {
    dim: 'economy',
    el: 'industri',
    name: 'Informasi Harga Pangan Harian',
    description: 'Harga komoditas pokok di tiga pasar diperbarui setiap pagi dan dipublikasikan di portal.',
    kind: 'jangka_pendek',
    lead: 'Disdagin',
    support: ['DKPP'],
    start: [2024, 1],
    end: [2025, 4],
    output: ['Hari harga dipublikasikan', 'Jumlah hari', 'hari', 240, 10],
    apbd: 60,
    pace: 0.98,
    innovation: 'Harga Pasar Hari Ini',
  },
  {
    dim: 'economy',
    el: 'transaksi',
    name: 'Pajak Daerah dari Genggaman',
    description: 'PBB-P2, BPHTB dan pajak restoran dibayar lewat aplikasi, kanal bank dan minimarket.',
    kind: 'jangka_menengah',
    lead: 'Bapenda',
    start: [2022, 3],
    end: [2025, 4],
    output: ['Transaksi pajak non tunai', 'Persentase transaksi non tunai', 'persen', 45, 10],
    apbd: 380,
    pace: 1,
    innovation: 'Bayar Pajak Daerah dari Genggaman',
  },
  // ---- living ----
  {
    dim: 'living',
    el: 'kesehatan',
    name: 'Antrean Puskesmas dan Poliklinik Daring',
    description: 'Pendaftaran daring di sembilan puskesmas dan poliklinik RSUD Depati Hamzah.',
    kind: 'jangka_pendek',
    lead: 'Dinkes',
    support: ['RSUD DH'],
    start: [2023, 1],
    end: [2024, 4],
    output: ['Fasilitas kesehatan dengan antrean daring', 'Jumlah fasilitas', 'fasilitas', 6, 4],
    apbd: 210,
    pace: 1,
    innovation: 'Antrean Poliklinik Daring',
  },
  {
    dim: 'living',
    el: 'kesehatan',
    name: 'Pemantauan Stunting Terpadu',
    description: 'Data balita dari posyandu dipantau bersama puskesmas, kelurahan dan TP-PKK.',
    kind: 'jangka_menengah',
    lead: 'Dinkes',
    support: ['DP3APPKB', 'Bapperida'],
    start: [2023, 1],
    end: [2026, 4],
    output: ['Balita dipantau bulanan', 'Cakupan balita dipantau', 'persen', 70, 8],
    apbd: 340,
    other: { source: 'apbn', millions: 150, years: [2023, 2024, 2025] },
    pace: 0.93,
    innovation: 'Gerakan Pantau Stunting dari Rumah (GENTING)',
  },
  {
    dim: 'living',
    el: 'mobilitas',
    name: 'Area Traffic Control System Simpang Utama',
    description: 'Lampu lalu lintas adaptif di simpang padat, dipantau dari ruang kendali Dishub.',
    kind: 'jangka_panjang',
    lead: 'Dishub',
    support: ['Diskominfo'],
    start: [2023, 1],
    end: [2026, 4],
    output: ['Simpang ber-ATCS', 'Jumlah simpang', 'simpang', 4, 3],
    apbd: 900,
    other: { source: 'apbn', millions: 1750, years: [2024, 2025] },
    pace: 0.6,
    blocked: { year: 2025, quarter: 4, reason: 'Bantuan perangkat ATCS dari Kementerian Perhubungan mundur ke tahun anggaran berikutnya.' },
  },
  {
    dim: 'living',
    el: 'harmonisasi',
    name: 'Peta Rawan Banjir Berbasis Sensor',
    description: 'Sensor tinggi muka air di Sungai Rangkui dan peringatan dini ke kelurahan rawan.',
    kind: 'jangka_menengah',
    lead: 'BPBD',
    support: ['DPUPR', 'Diskominfo'],
    start: [2023, 3],
    end: [2026, 4],
    output: ['Sensor muka air terpasang', 'Jumlah sensor', 'unit', 4, 4],
    apbd: 280,
    other: { source: 'hibah', millions: 200, years: [2024] },
    pace: 0.9,
    innovation: 'Kampung Siaga Banjir',
  },
  // ---- society ----
  {
    dim: 'society',
    el: 'pendidikan',
    name: 'Literasi Digital Sekolah',
    description: 'Kelas literasi digital dan keamanan siber untuk siswa SD dan SMP negeri.',
    kind: 'jangka_menengah',
    lead: 'Disdikbud',
    support: ['Diskominfo', 'DPK'],
    start: [2023, 1],
    end: [2026, 4],
    output: ['Sekolah menjalankan kelas literasi digital', 'Jumlah sekolah', 'sekolah', 15, 10],
    apbd: 190,
    other: { source: 'csr', millions: 60, years: [2023, 2024, 2025, 2026] },
    pace: 1,
    innovation: 'Sekolah Ramah Anak Berbasis Literasi Digital',
  },
  {
    dim: 'society',
    el: 'keamanan',
    name: 'Kamera Pemantau Ruang Publik',
    description: 'CCTV di taman, pasar dan simpang, terhubung ke ruang kendali dan Polresta.',
    kind: 'jangka_menengah',
    lead: 'Diskominfo',
    support: ['Satpol PP', 'Dishub'],
    start: [2023, 1],
    end: [2026, 4],
    output: ['Titik CCTV aktif', 'Jumlah titik', 'titik', 40, 30],
    apbd: 520,
    pace: 0.82,
  },
  {
    dim: 'society',
    el: 'komunitas',
    name: 'Forum Komunitas Kota Cerdas',
    description: 'Pertemuan berkala komunitas, kampus dan dunia usaha untuk usulan dan uji coba solusi kota.',
    kind: 'jangka_pendek',
    lead: 'Bapperida',
    support: ['Kesbangpol'],
    start: [2023, 1],
    end: [2024, 4],
    output: ['Forum terselenggara', 'Jumlah pertemuan', 'kali', 4, 0],
    apbd: 45,
    pace: 1,
    innovation: 'Rumah Inovasi Pangkalpinang',
  },
  // ---- environment ----
  {
    dim: 'environment',
    el: 'proteksi',
    name: 'Ruang Terbuka Hijau Kelurahan',
    description: 'Taman kelurahan dengan sumur resapan dan pemantauan kualitas udara.',
    kind: 'jangka_panjang',
    lead: 'Disperkim',
    support: ['DLH'],
    start: [2023, 1],
    end: [2026, 4],
    output: ['Taman kelurahan terbangun', 'Jumlah taman', 'taman', 3, 3],
    apbd: 760,
    pace: 0.8,
  },
  {
    dim: 'environment',
    el: 'energi',
    name: 'Penerangan Jalan Umum Tenaga Surya',
    description: 'Penggantian lampu jalan ke LED tenaga surya di jalan lingkungan.',
    kind: 'jangka_menengah',
    lead: 'Dishub',
    support: ['Disperkim'],
    start: [2024, 1],
    end: [2026, 4],
    output: ['Lampu PJU tenaga surya terpasang', 'Jumlah lampu', 'titik', 150, 100],
    apbd: 640,
    other: { source: 'kpbu', millions: 1200, years: [2025, 2026] },
    pace: 0.87,
  },
];

const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Seeds once: skipped when the region already has a masterplan. Returns the number of programmes. */
export async function seedDemoKotaCerdas(tx: Tx, unitIds: Map<string, string>): Promise<number> {
  const [already] = await tx
    .select({ id: smartcityMasterplans.id })
    .from(smartcityMasterplans)
    .where(eq(smartcityMasterplans.regionCode, REGION))
    .limit(1);
  if (already) return 0;
  const unitOf = (shortName: string) => {
    const id = unitIds.get(`${REGION}/${shortName}`);
    if (!id) throw new Error(`demo unit ${shortName} is missing`);
    return id;
  };
  const at = new Date('2022-11-14T02:00:00Z');
  const [plan] = await tx
    .insert(smartcityMasterplans)
    .values({
      regionCode: REGION,
      title: 'Masterplan Smart City Kota Pangkalpinang 2022–2026',
      startYear: 2022,
      endYear: 2026,
      rpjmdPeriod: 'RPJMD Kota Pangkalpinang 2018–2023 dan RPD 2024–2026',
      perkadaNumber: 'Peraturan Wali Kota Pangkalpinang Nomor 45 Tahun 2022',
      perkadaDate: '2022-11-14',
      vision:
        'Pangkalpinang kota cerdas yang melayani: pemerintahan yang terintegrasi dan kolaboratif, ekonomi warga yang tumbuh, serta lingkungan yang layak huni, selaras dengan RPJMD.',
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: smartcityMasterplans.id });
  if (!plan) throw new Error('demo masterplan not created');
  const baselines: Record<string, [string, string | null, string | null]> = {
    governance: ['Indeks SPBE 2021 Kota Pangkalpinang', '2.61', 'indeks'],
    branding: ['Kunjungan wisatawan nusantara 2021', '182450', 'kunjungan'],
    economy: ['Transaksi retribusi pasar yang non tunai 2021', '4', 'persen'],
    living: ['Prevalensi balita stunting 2021 (SSGI)', '20.4', 'persen'],
    society: ['Sekolah dengan akses internet layak 2021', '61', 'persen'],
    environment: ['Sampah terkelola 2021', '58', 'persen'],
  };
  const elementIds = new Map<string, string>();
  for (const [i, d] of DEFAULT_DIMENSIONS.entries()) {
    const [text, figure, unit] = baselines[d.code] ?? ['', null, null];
    const [dim] = await tx
      .insert(smartcityDimensions)
      .values({
        regionCode: REGION,
        masterplanId: plan.id,
        code: d.code,
        name: d.name,
        position: i + 1,
        baselineText: text,
        baselineFigure: figure,
        baselineUnit: unit,
      })
      .returning({ id: smartcityDimensions.id });
    if (!dim) throw new Error('demo dimension not created');
    const els = await tx
      .insert(smartcityElements)
      .values(d.elements.map((e, j) => ({ regionCode: REGION, dimensionId: dim.id, code: e.code, name: e.name, position: j + 1 })))
      .returning({ id: smartcityElements.id, code: smartcityElements.code });
    for (const e of els) elementIds.set(`${d.code}/${e.code}`, e.id);
  }

  const innovationNames = DEMO_PROGRAMMES.map((p) => p.innovation).filter((n): n is string => Boolean(n));
  const found = await tx
    .select({ id: innovations.id, name: innovations.name })
    .from(innovations)
    .where(and(eq(innovations.regionCode, REGION), inArray(innovations.name, innovationNames)));
  const innovationOf = new Map(found.map((r) => [r.name, r.id]));

  for (const p of DEMO_PROGRAMMES) {
    const elementId = elementIds.get(`${p.dim}/${p.el}`);
    if (!elementId) throw new Error(`demo element ${p.dim}/${p.el} is missing`);
    const [row] = await tx
      .insert(smartcityProgrammes)
      .values({
        regionCode: REGION,
        masterplanId: plan.id,
        elementId,
        name: p.name,
        description: p.description,
        kind: p.kind,
        stage: p.kind === 'quick_win' ? QW : null,
        leadUnitId: unitOf(p.lead),
        rpjmdProgramCode: p.rpjmd ?? null,
        startYear: p.start[0],
        startQuarter: p.start[1],
        endYear: p.end[0],
        endQuarter: p.end[1],
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: smartcityProgrammes.id });
    if (!row) throw new Error('demo programme not created');
    const programmeId = row.id;
    if (p.support?.length) await tx.insert(smartcityProgrammeUnits).values(p.support.map((s) => ({ programmeId, unitId: unitOf(s) })));
    const span = years(p.start[0], p.end[0]);
    // APBD grows a little each year; amounts in whole thousands, as budget documents write them.
    const funding = span.map((y, i) => ({
      programmeId,
      year: y,
      source: 'apbd',
      amount: new Dec(p.apbd)
        .times(1_000_000)
        .times(new Dec(1).plus(new Dec(i).times('0.05')))
        .div(1000)
        .toDecimalPlaces(0, Dec.ROUND_HALF_UP)
        .times(1000)
        .toFixed(2),
    }));
    if (p.other)
      for (const y of p.other.years)
        funding.push({ programmeId, year: y, source: p.other.source, amount: new Dec(p.other.millions).times(1_000_000).toFixed(2) });
    await tx.insert(smartcityFunding).values(funding);
    const [name, kpiName, unitOfMeasure, first, step] = p.output;
    const [output] = await tx
      .insert(smartcityOutputs)
      .values({ programmeId, name, kpiName, unitOfMeasure, position: 1 })
      .returning({ id: smartcityOutputs.id });
    if (!output) throw new Error('demo output not created');
    const targetOf = (y: number) => first + step * (y - p.start[0]);
    await tx.insert(smartcityOutputTargets).values(span.map((y) => ({ outputId: output.id, year: y, target: String(targetOf(y)) })));
    const innovationId = p.innovation ? innovationOf.get(p.innovation) : undefined;
    if (innovationId) await tx.insert(smartcityProgrammeInnovations).values({ programmeId, innovationId, regionCode: REGION });

    // Quarterly reports from the first quarter through 2025 (or the programme's end).
    for (const y of span.filter((v) => v <= LAST_REPORTED_YEAR)) {
      const firstQ = y === p.start[0] ? p.start[1] : 1;
      const lastQ = y === p.end[0] ? p.end[1] : 4;
      const yearBudget = funding.filter((f) => f.year === y).reduce((s, f) => s.plus(f.amount), new Dec(0));
      for (let q = firstQ; q <= lastQ; q++) {
        const share = new Dec(q - firstQ + 1).div(lastQ - firstQ + 1);
        const isBlocked = p.blocked?.year === y && p.blocked.quarter === q;
        const isLast = y === p.end[0] && q === p.end[1];
        const realised = new Dec(targetOf(y))
          .times(share)
          .times(isBlocked ? new Dec(p.pace).times('0.8') : p.pace)
          .toDecimalPlaces(0, Dec.ROUND_HALF_UP);
        const reportedAt = new Date(Date.UTC(y, q * 3, 10, 2));
        const [report] = await tx
          .insert(smartcityProgressReports)
          .values({
            regionCode: REGION,
            programmeId,
            year: y,
            quarter: q,
            status: isBlocked ? 'terhambat' : isLast ? 'selesai' : 'berjalan',
            obstacle: isBlocked ? (p.blocked?.reason ?? null) : null,
            note: isBlocked
              ? 'Dibahas pada rapat Tim Pelaksana Smart City bulan berikutnya.'
              : q === 4
                ? `Capaian akhir tahun ${y} dilaporkan ke Bapperida.`
                : '',
            budgetRealised: yearBudget.times(share).times('0.9').div(1000).toDecimalPlaces(0, Dec.ROUND_HALF_UP).times(1000).toFixed(2),
            reportedBy: null,
            createdAt: reportedAt,
            updatedAt: reportedAt,
          })
          .returning({ id: smartcityProgressReports.id });
        if (!report) throw new Error('demo report not created');
        await tx.insert(smartcityProgressFigures).values({ reportId: report.id, outputId: output.id, realised: realised.toFixed(0) });
      }
    }
  }
  return DEMO_PROGRAMMES.length;
}
