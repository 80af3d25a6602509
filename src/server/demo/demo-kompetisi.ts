/**
 * Demo: Kota Pangkalpinang's competitions. "Lomba Inovasi Daerah 2025" is finished and published:
 * three categories, twelve verified innovations, three judges scoring every finalist's presentation
 * with the IGA rubric (one of them harsher than the others, so the normalisation has work to do), the
 * ranking set by decree. The "Praseleksi KIPP 2026" is at the proposal-scoring stage: the judges are
 * assigned by the engine and `juri.demo` has one sheet half filled. Scores, rankings and assignments
 * come from the same engine and the same storing code as the app's own actions.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { assignJudges } from '#domain/competition/assignment.ts';
import { loadShippedRubric } from '#domain/competition/rubrics.ts';
import type { Rubric } from '#domain/competition/types.ts';
import type { Tx } from '#server/db/client.ts';
import {
  competitionEntries,
  competitionJudges,
  competitionSheets,
  competitionStages,
  competitions,
  innovations,
  periods,
  users,
} from '#server/db/schema.ts';
import { storeFinalRanking, storeStageResults } from '#server/features/kompetisi/kompetisi-results.service.ts';
import { stagesOf } from '#server/features/kompetisi/kompetisi.queries.ts';
import { seedIgaPreparation2026 } from './demo-kompetisi-iga.ts';
import { seedDemoLombaVote } from './demo-kompetisi-vote.ts';

const REGION = '19.71';

const JUDGES = [
  { username: 'juri.demo', displayName: 'Juri Kompetisi (Demo)' },
  { username: 'juri2.demo', displayName: 'Dr. Rina Marlina, akademisi UBB (Demo)' },
  { username: 'juri3.demo', displayName: 'Ir. Bambang Sutejo, praktisi (Demo)' },
];

/** A stable number in [0, 1) from text: the demo's scores are the same on every install. */
function unit(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
}

/** A judge's score on one criterion: the entry's quality, the judge's leniency, a little noise; on the scale's whole steps. */
function scoreOf(rubric: Rubric, quality: number, bias: number, key: string): string {
  const raw = quality + bias + Math.round((unit(key) - 0.5) * 10);
  return String(Math.max(Number(rubric.scale.min), Math.min(Number(rubric.scale.max), raw)));
}

async function demoJudges(tx: Tx, passwordHash: string): Promise<string[]> {
  const ids: string[] = [];
  for (const j of JUDGES) {
    const [found] = await tx.select({ id: users.id }).from(users).where(eq(users.username, j.username));
    if (found) {
      ids.push(found.id);
      continue;
    }
    const [created] = await tx
      .insert(users)
      .values({ username: j.username, displayName: j.displayName, role: 'juri', regionCode: REGION, passwordHash })
      .returning({ id: users.id });
    if (created) ids.push(created.id);
  }
  return ids;
}

type StageSpec = Omit<typeof competitionStages.$inferInsert, 'regionCode' | 'competitionId' | 'position'>;

async function insertCompetition(tx: Tx, values: Omit<typeof competitions.$inferInsert, 'regionCode'>, stages: StageSpec[]) {
  const [created] = await tx
    .insert(competitions)
    .values({ ...values, regionCode: REGION })
    .returning({ id: competitions.id });
  if (!created) throw new Error('demo competition not created');
  await tx.insert(competitionStages).values(stages.map((s, position) => ({ ...s, regionCode: REGION, competitionId: created.id, position })));
  return { id: created.id, stages: await stagesOf(tx, created.id) };
}

export async function seedDemoKompetisi(tx: Tx, passwordHash: string): Promise<void> {
  const [existing] = await tx.select({ id: competitions.id }).from(competitions).where(eq(competitions.regionCode, REGION)).limit(1);
  if (existing) return;
  const judgeIds = await demoJudges(tx, passwordHash);
  // The 2025 period's verified innovations: they carry the IID answers and evidence the IGA checklist
  // reads, and the 2026 proposals were still being verified when these competitions were set up.
  const [p2025] = await tx
    .select({ id: periods.id })
    .from(periods)
    .where(and(eq(periods.regionCode, REGION), eq(periods.year, 2025)));
  if (!p2025) return;
  const verified = await tx
    .select()
    .from(innovations)
    .where(and(eq(innovations.regionCode, REGION), eq(innovations.periodId, p2025.id), eq(innovations.status, 'terverifikasi')))
    .orderBy(asc(innovations.name));
  if (verified.length < 12 || judgeIds.length < 3) return;
  await seedLomba2025(tx, judgeIds, verified.slice(0, 12));
  await seedKipp2026(tx, judgeIds, verified.slice(12).length >= 4 ? verified.slice(12) : verified.slice(0, 5));
  await seedIgaPreparation2026(tx, judgeIds, verified.slice(0, 3));
}

async function seedLomba2025(tx: Tx, judgeIds: string[], entered: (typeof innovations.$inferSelect)[]) {
  const rubric = loadShippedRubric('rubrik-iga-presentasi-2023');
  const categories = [
    { code: 'tata_kelola', name: 'Tata kelola pemerintahan' },
    { code: 'pelayanan_publik', name: 'Pelayanan publik' },
    { code: 'pemberdayaan', name: 'Pemberdayaan masyarakat' },
  ];
  const { id, stages } = await insertCompetition(
    tx,
    {
      name: 'Lomba Inovasi Daerah 2025',
      year: 2025,
      kind: 'lomba_inovasi_daerah',
      description: 'Penjaringan, seleksi, penilaian dan pemberian penghargaan inovasi perangkat daerah Kota Pangkalpinang tahun 2025.',
      categories,
      eligibility: {
        requireVerified: true,
        allowedTahapan: ['uji_coba', 'penerapan'],
        minYearsSincePenerapan: 0,
        requireInnovatorSk: false,
        maxEntriesPerUnit: 2,
      },
      sections: [
        { code: 'tujuan', title: 'Latar belakang dan tujuan', guidance: '', wordLimit: 400 },
        { code: 'manfaat', title: 'Manfaat bagi masyarakat', guidance: '', wordLimit: 300 },
        { code: 'hasil', title: 'Hasil yang sudah dicapai', guidance: '', wordLimit: 300 },
      ],
      status: 'diumumkan',
      decreeNumber: '100.3.3.2/412/BAPPERIDA/2025',
      decreeDate: '2025-11-20',
      publishedAt: new Date('2025-11-21T09:00:00+07:00'),
    },
    [
      { code: 'pendaftaran', startsOn: '2025-05-02', endsOn: '2025-06-30', status: 'dikunci', lockedAt: new Date('2025-07-01T08:00:00+07:00') },
      {
        code: 'seleksi_administrasi',
        startsOn: '2025-07-01',
        endsOn: '2025-07-31',
        status: 'dikunci',
        lockedAt: new Date('2025-08-01T08:00:00+07:00'),
      },
      {
        code: 'presentasi',
        startsOn: '2025-09-01',
        endsOn: '2025-10-31',
        rubricCode: rubric.code,
        judgesPerEntry: 3,
        weight: '100',
        normalise: true,
        status: 'dikunci',
        lockedAt: new Date('2025-11-03T08:00:00+07:00'),
      },
      { code: 'penetapan', startsOn: '2025-11-03', endsOn: '2025-11-28', status: 'berjalan' },
    ],
  );
  const entryRows = await tx
    .insert(competitionEntries)
    .values(
      entered.map((innovation, i) => ({
        regionCode: REGION,
        competitionId: id,
        innovationId: innovation.id,
        unitId: innovation.unitId,
        category: categories[i % categories.length]?.code ?? 'tata_kelola',
        sections: { tujuan: innovation.tujuan, manfaat: innovation.manfaat, hasil: innovation.hasil },
        status: 'lolos',
        screeningReason: 'Berkas lengkap dan inovasi terverifikasi.',
        screenedAt: new Date('2025-07-20T10:00:00+07:00'),
        submittedAt: new Date(Date.parse('2025-06-10T09:00:00+07:00') + i * 3_600_000),
        reachedStage: 'presentasi',
      })),
    )
    .returning();
  const presentasi = stages.find((s) => s.code === 'presentasi');
  const penetapan = stages.find((s) => s.code === 'penetapan');
  if (!presentasi || !penetapan) return;
  await tx.insert(competitionJudges).values(judgeIds.map((userId) => ({ regionCode: REGION, competitionId: id, stageId: presentasi.id, userId })));
  // The third judge scores about eight points lower than the others: the normalisation evens that out.
  const bias = [2, 0, -8];
  await tx.insert(competitionSheets).values(
    entryRows.flatMap((entry, e) =>
      judgeIds.map((judge, j) => ({
        regionCode: REGION,
        stageId: presentasi.id,
        entryId: entry.id,
        judgeUserId: judge,
        scores: Object.fromEntries(
          rubric.criteria.map((c) => [c.code, scoreOf(rubric, 62 + Math.round(unit(`q${e}`) * 28), bias[j] ?? 0, `${e}/${j}/${c.code}`)]),
        ),
        comments: { kebaharuan: e % 3 === 0 ? 'Gagasan baru di tingkat provinsi.' : 'Sudah ada di daerah lain; adaptasinya baik.' },
        status: 'submitted',
        submittedAt: new Date('2025-10-28T15:00:00+07:00'),
      })),
    ),
  );
  await storeStageResults(tx, REGION, presentasi);
  await seedDemoLombaVote(
    tx,
    id,
    entryRows.map((e) => e.id),
  );
  await storeFinalRanking(tx, REGION, id, await stagesOf(tx, id), penetapan);
  await tx
    .update(competitionStages)
    .set({ status: 'dikunci', lockedAt: new Date('2025-11-20T10:00:00+07:00') })
    .where(eq(competitionStages.id, penetapan.id));
}

async function seedKipp2026(tx: Tx, judgeIds: string[], entered: (typeof innovations.$inferSelect)[]) {
  const rubric = loadShippedRubric('rubrik-kipp-proposal-2026');
  const { id, stages } = await insertCompetition(
    tx,
    {
      name: 'Praseleksi KIPP 2026',
      year: 2026,
      kind: 'kipp_preselection',
      description: 'Seleksi internal Pemerintah Kota Pangkalpinang sebelum pengusulan Kompetisi Inovasi Pelayanan Publik 2026 ke KemenPAN-RB.',
      categories: [
        { code: 'umum', name: 'Kelompok umum' },
        { code: 'replikasi', name: 'Kelompok replikasi' },
        { code: 'khusus', name: 'Kelompok khusus' },
      ],
      eligibility: {
        requireVerified: true,
        allowedTahapan: ['penerapan'],
        minYearsSincePenerapan: 0,
        requireInnovatorSk: false,
        maxEntriesPerUnit: null,
        categories: { umum: { maxEntriesPerUnit: 10 }, replikasi: { maxEntriesPerUnit: 5 } },
      },
      sections: [
        { code: 'ringkasan', title: 'Ringkasan', guidance: 'Gambaran singkat inovasi.', wordLimit: 250 },
        { code: 'tujuan', title: 'Ide inovatif dan tujuan', guidance: '', wordLimit: 500 },
        { code: 'manfaat', title: 'Signifikansi dan manfaat', guidance: '', wordLimit: 500 },
        { code: 'hasil', title: 'Hasil, keberlanjutan dan replikasi', guidance: '', wordLimit: 500 },
      ],
      status: 'berjalan',
    },
    [
      { code: 'pendaftaran', startsOn: '2026-02-02', endsOn: '2026-03-31', status: 'dikunci', lockedAt: new Date('2026-04-01T08:00:00+07:00') },
      {
        code: 'seleksi_administrasi',
        startsOn: '2026-04-01',
        endsOn: '2026-04-15',
        status: 'dikunci',
        lockedAt: new Date('2026-04-16T08:00:00+07:00'),
      },
      {
        code: 'penilaian_proposal',
        startsOn: '2026-04-16',
        endsOn: '2026-12-20',
        rubricCode: rubric.code,
        judgesPerEntry: 2,
        advanceKind: 'top',
        advanceN: 2,
        weight: '40',
        normalise: true,
        status: 'berjalan',
      },
      {
        code: 'presentasi',
        startsOn: '2027-01-05',
        endsOn: '2027-01-20',
        rubricCode: 'rubrik-iga-presentasi-2023',
        judgesPerEntry: 3,
        weight: '60',
        normalise: true,
      },
      { code: 'penetapan', startsOn: '2027-01-21', endsOn: '2027-01-31' },
    ],
  );
  const categoryOf = (i: number) => (i === 3 ? 'replikasi' : i === 4 ? 'khusus' : 'umum');
  const entryRows = await tx
    .insert(competitionEntries)
    .values(
      entered.slice(0, 5).map((innovation, i) => ({
        regionCode: REGION,
        competitionId: id,
        innovationId: innovation.id,
        unitId: innovation.unitId,
        category: categoryOf(i),
        sections: { ringkasan: innovation.tujuan, tujuan: innovation.tujuan, manfaat: innovation.manfaat, hasil: innovation.hasil },
        status: 'lolos',
        screeningReason: 'Memenuhi syarat administrasi KIPP.',
        screenedAt: new Date('2026-04-10T10:00:00+07:00'),
        submittedAt: new Date(Date.parse('2026-03-20T09:00:00+07:00') + i * 3_600_000),
      })),
    )
    .returning();
  const stage = stages.find((s) => s.code === 'penilaian_proposal');
  if (!stage) return;
  await tx.insert(competitionJudges).values(judgeIds.map((userId) => ({ regionCode: REGION, competitionId: id, stageId: stage.id, userId })));
  const judgeUnits = await tx.select({ id: users.id, unitId: users.unitId }).from(users).where(inArray(users.id, judgeIds));
  const { assignments } = assignJudges({
    entries: entryRows.map((e) => ({ id: e.id, unitId: e.unitId, category: e.category })),
    judges: judgeUnits.map((j) => ({ id: j.id, unitId: j.unitId, conflictEntryIds: [], conflictUnitIds: [] })),
    perEntry: stage.judgesPerEntry,
  });
  const demoJudge = judgeIds[0];
  const halfFilled = assignments.find((a) => a.judgeId === demoJudge);
  await tx.insert(competitionSheets).values(
    assignments.map((a) => {
      const isHalf = a === halfFilled;
      const half = rubric.criteria.slice(0, Math.ceil(rubric.criteria.length / 2));
      return {
        regionCode: REGION,
        stageId: stage.id,
        entryId: a.entryId,
        judgeUserId: a.judgeId,
        scores: isHalf ? Object.fromEntries(half.map((c) => [c.code, scoreOf(rubric, 74, 0, `kipp/${a.entryId}/${c.code}`)])) : {},
        comments: isHalf ? { [half[0]?.code ?? 'ringkasan']: 'Ringkasan jelas; perlu data capaian sebelum dan sesudah inovasi.' } : {},
        status: 'draft',
      };
    }),
  );
}
