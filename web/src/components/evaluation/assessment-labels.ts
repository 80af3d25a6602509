/**
 * Words for the stages of a self-assessment and the verification of its items, in both languages,
 * typed by the contract's own lists so a new stage fails to compile here until it has a label.
 */
import { ASSESSMENT_STAGES } from '#shared/api/assessments.ts';
import type { Bilingual } from '../../i18n/i18n.tsx';

export type AssessmentStage = (typeof ASSESSMENT_STAGES)[number];
export type VerificationState = 'pending' | 'accepted' | 'corrected';
export { ASSESSMENT_STAGES };

export const STAGE_LABELS: Record<AssessmentStage, Bilingual> = {
  mandiri: { id: 'Penilaian mandiri', en: 'Self-assessment' },
  verifikasi: { id: 'Verifikasi', en: 'Verification' },
  final: { id: 'Final', en: 'Final' },
};

export const STAGE_HINTS: Record<AssessmentStage, Bilingual> = {
  mandiri: { id: 'Unit mengisi tingkat, penjelasan dan bukti dukung.', en: 'Units fill levels, explanations and evidence.' },
  verifikasi: { id: 'Asesor menerima atau mengoreksi nilai dengan catatan.', en: 'Assessors accept or correct values with a note.' },
  final: { id: 'Hasil terkunci; tidak ada lagi perubahan.', en: 'Results are locked; nothing changes any more.' },
};

export const STAGE_COLORS: Record<AssessmentStage, string> = { mandiri: 'blue', verifikasi: 'orange', final: 'green' };

export const VERIFICATION_LABELS: Record<VerificationState, Bilingual> = {
  pending: { id: 'Belum diverifikasi', en: 'Not verified yet' },
  accepted: { id: 'Diterima', en: 'Accepted' },
  corrected: { id: 'Dikoreksi', en: 'Corrected' },
};

export const VERIFICATION_COLORS: Record<VerificationState, string> = { pending: 'gray', accepted: 'green', corrected: 'orange' };

/** The value an item counts with when verified: the correction, the claim once accepted, else none. */
export function verifiedValueOf(item: { verification: VerificationState; claimedValue: string | null; verifiedValue: string | null }): string | null {
  if (item.verification === 'corrected') return item.verifiedValue;
  if (item.verification === 'accepted') return item.claimedValue;
  return null;
}
