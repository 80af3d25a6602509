/**
 * Demo: Kota Pangkalpinang's smart-city evaluations of 2024 and 2025 on the shipped smartcity-2021
 * framework: the city's self-assessment per evaluation dimension, the assessors' verified values (some
 * corrected, with a note), and the assessors' result with findings per pillar and the letter. The
 * verified values give the published Indeks Pencapaian 2,94 (2024) and 3,13 (2025, exactly 3,129), an
 * improvement of 0,19; the 2025 baseline is the previous evaluation's index, as the guide defines it.
 * Seeded once: skipped when the region already has a smart-city assessment.
 */
import { createHash } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { parseFramework } from '#domain/scoring/framework-registry.ts';
import type { Tx } from '#server/db/client.ts';
import { assessmentEvaluations, assessmentItems, assessments, attachments, frameworkVersions, users } from '#server/db/schema.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import { storageKeyOf } from '#server/platform/attachments/stored-file.ts';
import { demoPdf } from './demo-innovations.ts';

const REGION = '19.71';

interface DemoDimension {
  claimed: string;
  /** The assessors' value when they corrected the claim, with their note. */
  corrected?: [string, string];
  findings: string;
}

interface DemoEvaluation {
  year: number;
  finalizedAt: Date;
  letterNumber: string;
  letterDate: string;
  findings: string;
  dimensions: Record<'baseline' | 'output' | 'outcome' | 'impact' | 'quickwin', DemoDimension>;
}

const EVALUATOR = 'Tim Evaluator Gerakan Menuju Smart City (contoh data demo)';

export const DEMO_EVALUATIONS: DemoEvaluation[] = [
  {
    year: 2024,
    finalizedAt: new Date(Date.UTC(2024, 10, 20)),
    letterNumber: 'B-1187/DJAI/AI.01.02/11/2024',
    letterDate: '2024-11-28',
    findings:
      'Masterplan telah ditetapkan dengan Peraturan Wali Kota dan quick win tahap I berjalan. Dewan Smart City belum bersidang secara berkala, alokasi APBD untuk program kota cerdas masih kecil, dan sebagian jawaban kuesioner belum didukung bukti yang sah.',
    dimensions: {
      baseline: { claimed: '2.75', findings: 'Data dasar per dimensi tersedia, tetapi sebagian belum diperbarui sejak penyusunan masterplan.' },
      output: {
        claimed: '3.30',
        corrected: ['3.10', 'SK Tim Pelaksana ada, tetapi notulen rapat Dewan Smart City tidak dilampirkan.'],
        findings: 'Regulasi dan kelembagaan terbentuk; forum kota cerdas belum aktif.',
      },
      outcome: { claimed: '2.85', findings: 'Baru sekitar setengah program tahun berjalan yang dilaksanakan sesuai jadwal.' },
      impact: {
        claimed: '3.05',
        corrected: ['2.90', 'Survei kepuasan layanan digital belum mencakup seluruh layanan.'],
        findings: 'Manfaat layanan digital mulai dirasakan warga, terutama perizinan dan pengaduan.',
      },
      quickwin: { claimed: '3.05', findings: 'Quick win tahap I kreatif, tetapi keberlanjutan anggarannya belum terjamin.' },
    },
  },
  {
    year: 2025,
    finalizedAt: new Date(Date.UTC(2025, 10, 18)),
    letterNumber: 'B-1342/DJAI/AI.01.02/11/2025',
    letterDate: '2025-11-27',
    findings:
      'Terdapat peningkatan nyata dibanding evaluasi 2024: Dewan Smart City bersidang tiap triwulan, pelaporan kemajuan program berjalan per triwulan, dan bimtek penyusunan masterplan diikuti perangkat daerah dan mitra swasta. Rekomendasi: naikkan porsi APBD, lengkapi rencana aksi SDM, dan integrasikan data program dengan satu data daerah.',
    dimensions: {
      baseline: { claimed: '2.94', findings: 'Kondisi awal adalah hasil evaluasi 2024 (indeks 2,94).' },
      output: {
        claimed: '3.40',
        corrected: ['3.25', 'Anggaran kota cerdas dalam APBD 2025 naik, tetapi belum sesuai rencana pendanaan masterplan.'],
        findings: 'Dewan, Tim Pelaksana dan Forum aktif dengan SK dan notulen; pendanaan masih bergantung pada APBD.',
      },
      outcome: { claimed: '3.05', findings: 'Sebagian besar program dilaporkan tiap triwulan; beberapa terhambat pengadaan.' },
      impact: {
        claimed: '3.30',
        corrected: ['3.10', 'Dampak pada layanan publik belum diukur dengan indikator kinerja yang ditetapkan.'],
        findings: 'Keterlibatan warga meningkat melalui kanal pengaduan dan survei kepuasan masyarakat.',
      },
      quickwin: { claimed: '3.25', findings: 'Quick win tahap I berlanjut dan direplikasi ke kecamatan.' },
    },
  },
];

/** Seeds once; returns the number of evaluations created. */
export async function seedDemoEvaluasi(tx: Tx, storage?: BlobStorage): Promise<number> {
  const [already] = await tx
    .select({ id: assessments.id })
    .from(assessments)
    .where(and(eq(assessments.regionCode, REGION), like(assessments.frameworkId, 'smartcity%')))
    .limit(1);
  if (already) return 0;
  const [version] = await tx
    .select({ id: frameworkVersions.id, body: frameworkVersions.body })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.frameworkId, 'smartcity-2021'));
  if (!version || !parseFramework(version.body).ok) return 0;
  const [assessor] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'verifikator.demo'));
  const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'admin.demo'));
  let count = 0;
  for (const e of DEMO_EVALUATIONS) {
    const [assessment] = await tx
      .insert(assessments)
      .values({
        regionCode: REGION,
        frameworkVersionId: version.id,
        frameworkId: 'smartcity-2021',
        year: e.year,
        stage: 'final',
        deadline: `${e.year}-09-30`,
        createdBy: admin?.id ?? null,
        createdAt: new Date(Date.UTC(e.year, 5, 2)),
        updatedAt: e.finalizedAt,
        finalizedAt: e.finalizedAt,
      })
      .returning({ id: assessments.id });
    if (!assessment) continue;
    await tx.insert(assessmentItems).values(
      Object.entries(e.dimensions).map(([indicatorId, d]) => ({
        assessmentId: assessment.id,
        regionCode: REGION,
        indicatorId,
        claimedValue: d.claimed,
        explanation: 'Contoh data demo: jawaban kuesioner penilaian mandiri dengan bukti dukung terlampir.',
        claimedAt: new Date(Date.UTC(e.year, 7, 15)),
        verification: d.corrected ? 'corrected' : 'accepted',
        verifiedValue: d.corrected?.[0] ?? null,
        verifierNote: d.corrected?.[1] ?? null,
        verifiedBy: assessor?.id ?? null,
        verifiedAt: new Date(Date.UTC(e.year, 9, 10)),
      })),
    );
    const [evaluation] = await tx
      .insert(assessmentEvaluations)
      .values({
        regionCode: REGION,
        assessmentId: assessment.id,
        evaluator: EVALUATOR,
        findings: e.findings,
        pillarFindings: Object.entries(e.dimensions).map(([pillarId, d]) => ({ pillarId, findings: d.findings })),
        letterNumber: e.letterNumber,
        letterDate: e.letterDate,
        createdBy: assessor?.id ?? null,
        updatedBy: assessor?.id ?? null,
        createdAt: e.finalizedAt,
        updatedAt: e.finalizedAt,
      })
      .returning({ id: assessmentEvaluations.id });
    if (evaluation && storage) {
      const pdf = demoPdf(`Surat Hasil Evaluasi Smart City ${e.year} Nomor ${e.letterNumber}`);
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      const storageKey = storageKeyOf(sha256);
      await storage.put(storageKey, pdf);
      await tx.insert(attachments).values({
        ownerType: 'assessment_evaluation',
        ownerId: evaluation.id,
        regionCode: REGION,
        slot: 'surat',
        kind: 'file',
        title: 'Surat hasil evaluasi',
        fileName: `surat-hasil-evaluasi-smart-city-${e.year}.pdf`,
        mimeType: 'application/pdf',
        sizeBytes: pdf.length,
        sha256,
        storageKey,
        createdBy: assessor?.id ?? null,
        createdAt: e.finalizedAt,
      });
    }
    count++;
  }
  return count;
}
