/**
 * Demo: a national competition run by the national admin across the demo regions, "Kompetisi
 * Inovasi Pelayanan Publik Nasional 2026 — seleksi awal". Registration is open: Kota Palangkaraya
 * and Kota Banjarmasin have submitted one innovation each, Kota Pangkalpinang may still enter (its
 * operator finds it under "Kompetisi nasional"). The proposal stage's panel already holds a judge of
 * each region, so the engine's assignment shows the own-region conflict once registration closes.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '#server/db/client.ts';
import { competitionEntries, competitionJudges, competitionStages, competitions, innovations, periods, units, users } from '#server/db/schema.ts';
import { NATIONAL, stagesOf } from '#server/features/kompetisi/kompetisi.queries.ts';

const NAME = 'Kompetisi Inovasi Pelayanan Publik Nasional 2026 — seleksi awal';

/** One juri account per region; Pangkalpinang's is the demo's own juri.demo. */
const JUDGES = [
  { username: 'juri.demo', displayName: 'Juri Kompetisi (Demo)', regionCode: '19.71' },
  { username: 'juri.palangkaraya.demo', displayName: 'Dr. Yohanes Dambung, akademisi UPR (Demo)', regionCode: '62.71' },
  { username: 'juri.banjarmasin.demo', displayName: 'Hj. Siti Aisyah, praktisi pelayanan publik (Demo)', regionCode: '63.71' },
];

/** The entering regions' innovations (created if the region has no verified innovation of its own). */
const ENTRANTS = [
  {
    regionCode: '62.71',
    unit: 'Disdukcapil',
    name: 'Dukcapil Jemput Bola ke Kelurahan',
    tujuan: 'Mendekatkan perekaman KTP-el dan penerbitan akta kepada warga kelurahan yang jauh dari kantor dinas.',
    manfaat: 'Warga tidak perlu menyeberang kota; waktu layanan turun dari tiga hari menjadi satu hari.',
    hasil: 'Selama 2024–2025 tercatat 4.812 dokumen kependudukan terbit di kelurahan.',
  },
  {
    regionCode: '63.71',
    unit: 'Dinkes',
    name: 'Posyandu Terapung Sungai Martapura',
    tujuan: 'Menjangkau balita dan ibu hamil di permukiman tepi sungai dengan layanan posyandu di atas perahu.',
    manfaat: 'Cakupan penimbangan balita di kelurahan tepi sungai naik; ibu hamil mendapat pemeriksaan rutin.',
    hasil: 'Cakupan penimbangan naik dari 61 % (2023) menjadi 84 % (2025) di empat kelurahan sasaran.',
  },
];

async function judgeIds(tx: Tx, passwordHash: string): Promise<{ id: string; regionCode: string }[]> {
  const out: { id: string; regionCode: string }[] = [];
  for (const j of JUDGES) {
    const [found] = await tx.select({ id: users.id }).from(users).where(eq(users.username, j.username));
    if (found) {
      out.push({ id: found.id, regionCode: j.regionCode });
      continue;
    }
    const [created] = await tx
      .insert(users)
      .values({ username: j.username, displayName: j.displayName, role: 'juri', regionCode: j.regionCode, passwordHash })
      .returning({ id: users.id });
    if (created) out.push({ id: created.id, regionCode: j.regionCode });
  }
  return out;
}

/** The region's 2026 period: the one it has, or a plain one for the demo innovation. */
async function period2026(tx: Tx, regionCode: string): Promise<string> {
  const [existing] = await tx
    .select({ id: periods.id })
    .from(periods)
    .where(and(eq(periods.regionCode, regionCode), eq(periods.year, 2026)));
  if (existing) return existing.id;
  const [created] = await tx
    .insert(periods)
    .values({ regionCode, year: 2026, opensOn: '2026-04-01', closesOn: '2026-08-31', targetTotal: 30 })
    .returning({ id: periods.id });
  if (!created) throw new Error('demo period not created');
  return created.id;
}

async function entrantInnovation(tx: Tx, e: (typeof ENTRANTS)[number]) {
  const [unit] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.regionCode, e.regionCode), eq(units.shortName, e.unit)));
  if (!unit) return undefined;
  const [existing] = await tx
    .select()
    .from(innovations)
    .where(and(eq(innovations.regionCode, e.regionCode), eq(innovations.name, e.name)));
  if (existing) return existing;
  const [created] = await tx
    .insert(innovations)
    .values({
      regionCode: e.regionCode,
      periodId: await period2026(tx, e.regionCode),
      unitId: unit.id,
      name: e.name,
      status: 'terverifikasi',
      tahapan: 'penerapan',
      waktuPenerapan: '2024-02-01',
      tujuan: e.tujuan,
      manfaat: e.manfaat,
      hasil: e.hasil,
    })
    .returning();
  return created;
}

export async function seedDemoKompetisiNasional(tx: Tx, passwordHash: string): Promise<void> {
  const [existing] = await tx.select({ id: competitions.id }).from(competitions).where(eq(competitions.scope, 'national')).limit(1);
  if (existing) return;
  const judges = await judgeIds(tx, passwordHash);
  const entered = [];
  for (const e of ENTRANTS) {
    const innovation = await entrantInnovation(tx, e);
    if (innovation) entered.push(innovation);
  }
  if (entered.length < 2) return;
  const [created] = await tx
    .insert(competitions)
    .values({
      regionCode: null,
      scope: 'national',
      participantRegions: [],
      name: NAME,
      year: 2026,
      kind: 'kipp_preselection',
      description:
        'Seleksi awal tingkat nasional atas inovasi pelayanan publik pemerintah daerah, sebelum penilaian proposal dan presentasi. Terbuka bagi semua daerah.',
      categories: [
        { code: 'umum', name: 'Kelompok umum' },
        { code: 'replikasi', name: 'Kelompok replikasi' },
      ],
      eligibility: {
        requireVerified: true,
        allowedTahapan: ['penerapan'],
        minYearsSincePenerapan: 1,
        requireInnovatorSk: false,
        maxEntriesPerUnit: 2,
      },
      sections: [
        { code: 'ringkasan', title: 'Ringkasan', guidance: 'Gambaran singkat inovasi.', wordLimit: 250 },
        { code: 'tujuan', title: 'Ide inovatif dan tujuan', guidance: '', wordLimit: 500 },
        { code: 'hasil', title: 'Hasil dan keberlanjutan', guidance: '', wordLimit: 500 },
      ],
      status: 'berjalan',
    })
    .returning({ id: competitions.id });
  if (!created) throw new Error('demo national competition not created');
  const stageRows = [
    { code: 'pendaftaran', startsOn: '2026-11-02', endsOn: '2027-01-31', status: 'berjalan' },
    {
      code: 'penilaian_proposal',
      startsOn: '2027-02-01',
      endsOn: '2027-02-28',
      rubricCode: 'rubrik-kipp-proposal-2026',
      judgesPerEntry: 2,
      weight: '100',
      normalise: true,
    },
    { code: 'penetapan', startsOn: '2027-03-01', endsOn: '2027-03-15' },
  ];
  await tx.insert(competitionStages).values(stageRows.map((s, position) => ({ ...s, regionCode: NATIONAL, competitionId: created.id, position })));
  await tx.insert(competitionEntries).values(
    entered.map((innovation, i) => ({
      // An entry lives in its unit's region: that region's staff see it, the others do not.
      regionCode: innovation.regionCode,
      competitionId: created.id,
      innovationId: innovation.id,
      unitId: innovation.unitId,
      category: 'umum',
      sections: { ringkasan: innovation.tujuan, tujuan: innovation.tujuan, hasil: innovation.hasil },
      status: 'diajukan',
      submittedAt: new Date(Date.parse('2026-11-20T09:00:00+07:00') + i * 86_400_000),
    })),
  );
  const proposal = (await stagesOf(tx, created.id)).find((s) => s.code === 'penilaian_proposal');
  if (!proposal) return;
  // The panel's seats carry each judge's own region, where they find their sheets.
  await tx
    .insert(competitionJudges)
    .values(judges.map((j) => ({ regionCode: j.regionCode, competitionId: created.id, stageId: proposal.id, userId: j.id })));
}
