/** The words and colours the portal uses for coded values: channels, grades, complaint states, respondent profile. */
import type { MessageKey } from '../../i18n/messages.id.ts';
import { AGE_GROUPS, EDUCATIONS, GENDERS, OCCUPATIONS, VULNERABLE } from '#domain/services/skm.ts';
import type { ComplaintStatus } from '#domain/services/complaint-workflow.ts';

export type Channel = 'online' | 'offline' | 'keduanya';

export const CHANNEL_LABELS: Record<Channel, MessageKey> = {
  online: 'portal.channel.online',
  offline: 'portal.channel.offline',
  keduanya: 'portal.channel.keduanya',
};
export const CHANNEL_COLORS: Record<Channel, string> = { online: 'indigo', offline: 'gray', keduanya: 'teal' };

export type Grade = 'A' | 'B' | 'C' | 'D';
export const GRADE_LABELS: Record<Grade, MessageKey> = {
  A: 'portal.grade.A',
  B: 'portal.grade.B',
  C: 'portal.grade.C',
  D: 'portal.grade.D',
};
/**
 * Mutu A–D: green for very good down to red for poor (the scale of the staff results). The theme darkens
 * filled green and orange for white text; teal it does not, so B takes its darkest shade.
 */
export const GRADE_COLORS: Record<Grade, string> = { A: 'green', B: 'teal.9', C: 'orange', D: 'red' };

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, MessageKey> = {
  diterima: 'portal.complaintStatus.diterima',
  diverifikasi: 'portal.complaintStatus.diverifikasi',
  ditindaklanjuti: 'portal.complaintStatus.ditindaklanjuti',
  selesai: 'portal.complaintStatus.selesai',
  ditolak: 'portal.complaintStatus.ditolak',
  duplikat: 'portal.complaintStatus.duplikat',
};
export const COMPLAINT_STEP_TEXTS: Record<ComplaintStatus, MessageKey> = {
  diterima: 'portal.complaintStep.diterima',
  diverifikasi: 'portal.complaintStep.diverifikasi',
  ditindaklanjuti: 'portal.complaintStep.ditindaklanjuti',
  selesai: 'portal.complaintStep.selesai',
  ditolak: 'portal.complaintStep.ditolak',
  duplikat: 'portal.complaintStep.duplikat',
};

export const FOLLOW_UP_LABELS: Record<string, MessageKey> = {
  direncanakan: 'portal.followUp.direncanakan',
  berjalan: 'portal.followUp.berjalan',
  selesai: 'portal.followUp.selesai',
};

/** The respondent profile's questions: each value with its label, in the questionnaire's order. */
export const PROFILE_CHOICES = {
  gender: GENDERS.map((v) => ({ value: v, key: `portal.gender.${v}` as MessageKey })),
  ageGroup: AGE_GROUPS.map((v) => ({ value: v, key: `portal.age.${v}` as MessageKey })),
  education: EDUCATIONS.map((v) => ({ value: v, key: `portal.education.${v}` as MessageKey })),
  occupation: OCCUPATIONS.map((v) => ({ value: v, key: `portal.occupation.${v}` as MessageKey })),
  vulnerable: VULNERABLE.map((v) => ({ value: v, key: `portal.vulnerable.${v}` as MessageKey })),
} as const;
export type ProfileField = keyof typeof PROFILE_CHOICES;

export const isGrade = (v: string): v is Grade => v === 'A' || v === 'B' || v === 'C' || v === 'D';
