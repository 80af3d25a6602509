/**
 * Demo: Kota Pangkalpinang's "Persiapan Nominee IGA 2026". Three nominees passed the administrative
 * screening; the finalists' presentation rehearsal (gladi presentasi) is being scored by the three
 * internal judges with the IGA rubric, some sheets submitted, some still drafts; and the first
 * nominee's field-validation checklist is half done by `juri.demo` ahead of the national field visit.
 */
import { assignJudges } from '#domain/competition/assignment.ts';
import { loadShippedRubric } from '#domain/competition/rubrics.ts';
import type { Tx } from '#server/db/client.ts';
import {
  competitionEntries,
  competitionFieldChecks,
  competitionJudges,
  competitionSheets,
  competitionStages,
  competitions,
  type innovations,
} from '#server/db/schema.ts';
import { innovationIndicators } from '#server/platform/innovation-indicators.ts';
import { stagesOf } from '#server/features/kompetisi/kompetisi.queries.ts';

const REGION = '19.71';

const CHECK_CYCLE = ['sesuai', 'sesuai', 'perlu_perbaikan', 'sesuai', 'tidak_sesuai'] as const;
const CHECK_NOTES: Record<(typeof CHECK_CYCLE)[number], string> = {
  sesuai: 'Dokumen asli diperlihatkan dan sesuai dengan unggahan.',
  perlu_perbaikan: 'Foto kegiatan belum bertanggal; minta unit melengkapi sebelum kunjungan.',
  tidak_sesuai: 'Jumlah pengguna pada laporan berbeda dengan data aplikasi.',
};

export async function seedIgaPreparation2026(tx: Tx, judgeIds: string[], nominees: (typeof innovations.$inferSelect)[]): Promise<void> {
  if (nominees.length < 3 || judgeIds.length < 3) return;
  const rubric = loadShippedRubric('rubrik-iga-presentasi-2023');
  const [created] = await tx
    .insert(competitions)
    .values({
      regionCode: REGION,
      name: 'Persiapan Nominee IGA 2026',
      year: 2026,
      kind: 'iga_nominee',
      description:
        'Persiapan internal calon nominee Innovative Government Award 2026: gladi presentasi finalis di depan juri internal dan validasi lapangan bukti dukung setiap indikator sebelum kunjungan tim Kemendagri.',
      categories: [{ code: 'nominee', name: 'Calon nominee IGA' }],
      eligibility: {
        requireVerified: true,
        allowedTahapan: ['penerapan'],
        minYearsSincePenerapan: 0,
        requireInnovatorSk: false,
        maxEntriesPerUnit: 1,
      },
      sections: [
        { code: 'ringkasan', title: 'Ringkasan inovasi', guidance: 'Bahan paparan gladi.', wordLimit: 300 },
        { code: 'dampak', title: 'Dampak dan replikasi', guidance: '', wordLimit: 500 },
      ],
      status: 'berjalan',
    })
    .returning({ id: competitions.id });
  if (!created) return;
  const id = created.id;
  await tx.insert(competitionStages).values(
    [
      { code: 'pendaftaran', startsOn: '2026-05-04', endsOn: '2026-05-29', status: 'dikunci', lockedAt: new Date('2026-05-30T08:00:00+07:00') },
      {
        code: 'seleksi_administrasi',
        startsOn: '2026-06-01',
        endsOn: '2026-06-05',
        status: 'dikunci',
        lockedAt: new Date('2026-06-06T08:00:00+07:00'),
      },
      {
        code: 'presentasi',
        startsOn: '2026-06-08',
        endsOn: '2026-12-18',
        rubricCode: rubric.code,
        judgesPerEntry: 2,
        weight: '100',
        normalise: false,
        status: 'berjalan',
      },
      { code: 'penetapan', startsOn: '2026-12-21', endsOn: '2026-12-30' },
    ].map((s, position) => ({ ...s, regionCode: REGION, competitionId: id, position })),
  );
  const stage = (await stagesOf(tx, id)).find((s) => s.code === 'presentasi');
  if (!stage) return;
  const entryRows = await tx
    .insert(competitionEntries)
    .values(
      nominees.slice(0, 3).map((innovation, i) => ({
        regionCode: REGION,
        competitionId: id,
        innovationId: innovation.id,
        unitId: innovation.unitId,
        category: 'nominee',
        sections: { ringkasan: innovation.tujuan, dampak: innovation.manfaat },
        status: 'lolos',
        screeningReason: 'Indikator dan bukti dukung lengkap untuk diusulkan.',
        screenedAt: new Date('2026-06-05T10:00:00+07:00'),
        submittedAt: new Date(Date.parse('2026-05-20T09:00:00+07:00') + i * 3_600_000),
      })),
    )
    .returning();
  await tx.insert(competitionJudges).values(judgeIds.map((userId) => ({ regionCode: REGION, competitionId: id, stageId: stage.id, userId })));
  const { assignments } = assignJudges({
    entries: entryRows.map((e) => ({ id: e.id, unitId: e.unitId, category: e.category })),
    judges: judgeIds.map((j) => ({ id: j, unitId: null, conflictEntryIds: [], conflictUnitIds: [] })),
    perEntry: stage.judgesPerEntry,
  });
  // Partly scored: the first two sheets submitted, the next one a draft with the first criteria, the rest untouched.
  await tx.insert(competitionSheets).values(
    assignments.map((a, i) => {
      const criteria = i < 2 ? rubric.criteria : i === 2 ? rubric.criteria.slice(0, 2) : [];
      const scores = Object.fromEntries(criteria.map((c, k) => [c.code, String(Math.min(Number(rubric.scale.max), 70 + ((i * 7 + k * 3) % 20)))]));
      return {
        regionCode: REGION,
        stageId: stage.id,
        entryId: a.entryId,
        judgeUserId: a.judgeId,
        scores,
        comments: i < 2 ? { [rubric.criteria[0]?.code ?? 'kebaharuan']: 'Paparan runtut; siapkan jawaban soal keberlanjutan anggaran.' } : {},
        status: i < 2 ? 'submitted' : 'draft',
        submittedAt: i < 2 ? new Date('2026-06-10T15:00:00+07:00') : null,
      };
    }),
  );
  const first = entryRows[0];
  if (!first) return;
  const indicators = await innovationIndicators(tx, REGION, first.innovationId);
  if (!indicators) return;
  const half = indicators.lines.slice(0, Math.ceil(indicators.lines.length / 2));
  if (half.length === 0) return;
  await tx.insert(competitionFieldChecks).values(
    half.map((line, i) => {
      const status = CHECK_CYCLE[i % CHECK_CYCLE.length] ?? 'sesuai';
      return {
        regionCode: REGION,
        competitionId: id,
        entryId: first.id,
        indicatorId: line.indicatorId,
        status,
        note: CHECK_NOTES[status],
        checkedBy: judgeIds[0],
        checkedAt: new Date(Date.parse('2026-06-12T09:00:00+07:00') + i * 600_000),
      };
    }),
  );
}
