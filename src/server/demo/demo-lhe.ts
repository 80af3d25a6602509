/**
 * Demo: the national evaluation of Kota Pangkalpinang's SPBE 2025 (the final self-assessment seeded in
 * seed-demo.ts): the external assessors lowered the Manajemen SPBE (21–28) and Audit TIK (29–31)
 * indicators one level below the city's own verified value, so the national index is lower than the
 * self-assessment, as published results usually are; the LHE decree; and the action plan made of the
 * recommendations, some done, some running, one overdue, the open ones carried into the 2026
 * self-assessment. Example data, marked as such. Seeded once: skipped when the evaluation exists.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '#server/db/client.ts';
import { actionPlanTasks, assessmentItems, assessments, nationalEvaluationItems, nationalEvaluations, users } from '#server/db/schema.ts';

const REGION = '19.71';
const LOWERED = new Set(['21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31']);
const RECOMMENDATIONS: Record<string, string> = {
  '21': 'Tetapkan manajemen risiko SPBE sesuai PermenPANRB 5/2020 dan lakukan reviu berkala.',
  '22': 'Susun register keamanan informasi dan laksanakan pengujian kerentanan aplikasi layanan publik.',
  '24': 'Lengkapi inventaris aset TIK dan integrasikan dengan pencatatan barang milik daerah.',
  '25': 'Petakan kompetensi SDM TIK dan susun rencana pengembangan kompetensi.',
  '29': 'Laksanakan audit infrastruktur SPBE oleh auditor bersertifikat dan tindak lanjuti temuannya.',
};

export async function seedDemoLhe(tx: Tx, unitIds: Map<string, string>): Promise<void> {
  const [assessment] = await tx
    .select()
    .from(assessments)
    .where(
      and(eq(assessments.regionCode, REGION), eq(assessments.frameworkId, 'spbe-2020'), eq(assessments.year, 2025), eq(assessments.stage, 'final')),
    );
  if (!assessment) return;
  const [existing] = await tx
    .select({ id: nationalEvaluations.id })
    .from(nationalEvaluations)
    .where(eq(nationalEvaluations.assessmentId, assessment.id));
  if (existing) return;
  const items = await tx
    .select()
    .from(assessmentItems)
    .where(and(eq(assessmentItems.regionCode, REGION), eq(assessmentItems.assessmentId, assessment.id)));
  await tx.insert(nationalEvaluations).values({
    regionCode: REGION,
    assessmentId: assessment.id,
    stage: 'hasil',
    decreeNumber: 'Contoh: KepmenPANRB Nomor 52 Tahun 2026',
    decreeDate: '2026-03-13',
    notes: 'Contoh data demo. Domain Manajemen SPBE dan Audit TIK belum didukung bukti penerapan; lihat rekomendasi per indikator.',
    createdAt: new Date(Date.UTC(2025, 10, 3)),
    updatedAt: new Date(Date.UTC(2026, 2, 13)),
  });
  await tx.insert(nationalEvaluationItems).values(
    items.map((i) => {
      const own = i.verification === 'corrected' ? i.verifiedValue : i.claimedValue;
      const ownLevel = Number(own ?? '1');
      const isLowered = LOWERED.has(i.indicatorId) && ownLevel > 1;
      return {
        regionCode: REGION,
        assessmentId: assessment.id,
        indicatorId: i.indicatorId,
        isUploaded: true,
        isInterviewed: LOWERED.has(i.indicatorId),
        isApproved: !isLowered,
        catatan: isLowered ? 'Dokumen ada, tetapi penerapannya belum terbukti di seluruh perangkat daerah.' : '',
        rekomendasi: RECOMMENDATIONS[i.indicatorId] ?? '',
        promisedEvidence: i.indicatorId === '29' ? 'Laporan audit infrastruktur SPBE 2025' : null,
        promisedDue: i.indicatorId === '29' ? '2026-02-15' : null,
        assessorValue: String(isLowered ? ownLevel - 1 : ownLevel),
      };
    }),
  );
  const accounts = await tx.select({ id: users.id, username: users.username }).from(users).where(eq(users.regionCode, REGION));
  const operator = accounts.find((a) => a.username === 'operator.demo')?.id ?? null;
  const unit = (name: string) => unitIds.get(`${REGION}/${name}`) ?? null;
  const task = (indicatorId: string, title: string, unitName: string, dueDate: string, progress: number, status: string, note: string) => ({
    regionCode: REGION,
    assessmentId: assessment.id,
    frameworkId: 'spbe-2020',
    year: 2025,
    indicatorId,
    recommendation: RECOMMENDATIONS[indicatorId] ?? '',
    title,
    unitId: unit(unitName),
    ownerId: unitName === 'Diskominfo' ? operator : null,
    dueDate,
    progress,
    status,
    note,
    completedAt: status === 'selesai' ? new Date(Date.UTC(2026, 4, 20)) : null,
  });
  await tx
    .insert(actionPlanTasks)
    .values([
      task('21', 'Perwali manajemen risiko SPBE', 'Setda', '2026-09-30', 100, 'selesai', 'Perwali ditetapkan (contoh data demo).'),
      task('22', 'Uji kerentanan 12 aplikasi layanan publik', 'Diskominfo', '2027-02-26', 40, 'berjalan', 'Tujuh aplikasi telah diuji.'),
      task('24', 'Inventaris aset TIK terintegrasi dengan SIMDA BMD', 'BPKAD', '2027-03-31', 20, 'berjalan', ''),
      task('25', 'Peta kompetensi SDM TIK', 'BKPSDM', '2026-06-30', 0, 'belum', ''),
      task('29', 'Audit infrastruktur SPBE oleh auditor bersertifikat', 'Diskominfo', '2027-01-29', 10, 'berjalan', 'Kerangka acuan kerja disusun.'),
    ]);
}
