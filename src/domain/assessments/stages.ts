/**
 * The stages of a self-assessment as the ministry runs them (PermenPANRB 59/2020, Pedoman 3/2024):
 * penilaian mandiri (the region's units fill their indicators) → verifikasi (assessors accept each
 * value or set a corrected one with a note) → final (nothing changes any more). Managers move the
 * assessment forward, and may send it back from verifikasi to mandiri for another round of filling.
 * Also: who may do what with the assessment and with each item. Pure: an actor and states in, answers out.
 */
import { type Actor, can } from '../access/roles.ts';

export const ASSESSMENT_STAGES = ['mandiri', 'verifikasi', 'final'] as const;
export type AssessmentStage = (typeof ASSESSMENT_STAGES)[number];

export function isAssessmentStage(value: string): value is AssessmentStage {
  return (ASSESSMENT_STAGES as readonly string[]).includes(value);
}

/** Units fill values, explanations and evidence only during penilaian mandiri. */
export function isFillOpen(stage: AssessmentStage): boolean {
  return stage === 'mandiri';
}

/** Assessors accept or correct values only during verifikasi. */
export function isVerifyOpen(stage: AssessmentStage): boolean {
  return stage === 'verifikasi';
}

/** Assignments (unit, deadline) may change until the assessment is final. */
export function isManageOpen(stage: AssessmentStage): boolean {
  return stage !== 'final';
}

const TRANSITIONS: Readonly<Record<AssessmentStage, readonly AssessmentStage[]>> = {
  mandiri: ['verifikasi'],
  verifikasi: ['final', 'mandiri'],
  final: [],
};

/** The stages reachable from `from` in one step. */
export function nextStages(from: AssessmentStage): readonly AssessmentStage[] {
  return TRANSITIONS[from];
}

export type StageChange = { ok: true } | { ok: false; reason: 'same_stage' | 'illegal'; message: string };

/** Whether an assessment in `from` may move to `to`, with the reason in Indonesian when it may not. */
export function checkStageChange(from: AssessmentStage, to: AssessmentStage): StageChange {
  if (from === to) return { ok: false, reason: 'same_stage', message: `Penilaian sudah pada tahap ${to}` };
  if (TRANSITIONS[from].includes(to)) return { ok: true };
  const allowed = TRANSITIONS[from];
  return {
    ok: false,
    reason: 'illegal',
    message:
      allowed.length === 0
        ? `Penilaian tahap ${from} sudah terkunci`
        : `Dari tahap ${from} hanya dapat pindah ke ${allowed.join(' atau ')}, bukan ${to}`,
  };
}

/** What the caller may do with the assessment as a whole (sent to the web app as `can`). */
export function assessmentAbilities(actor: Actor, regionCode: string, stage: AssessmentStage) {
  const manages = can(actor, 'assessments.manage', regionCode);
  return {
    /** Assign indicators to units and set deadlines. */
    manage: manages && isManageOpen(stage),
    /** Move to the next stage: mandiri → verifikasi, or verifikasi → final. */
    advance: manages && TRANSITIONS[stage].length > 0,
    /** Close the assessment (only from verifikasi). */
    finalize: manages && TRANSITIONS[stage].includes('final'),
  };
}

/**
 * Whether the actor may fill an item assigned to `unitId`, in the stage of its assessment: managers any
 * item, operators only their own unit's (an unassigned item belongs to no operator).
 */
export function canFillItem(actor: Actor, regionCode: string, stage: AssessmentStage, unitId: string | null): boolean {
  if (!isFillOpen(stage) || !can(actor, 'assessments.fill', regionCode)) return false;
  return mayTouchUnit(actor, regionCode, unitId);
}

/** Whether the actor may accept or correct an item now. */
export function canVerifyItem(actor: Actor, regionCode: string, stage: AssessmentStage): boolean {
  return isVerifyOpen(stage) && can(actor, 'assessments.verify', regionCode);
}

/**
 * The unit rule alone, whatever the stage: a manager may touch every item, an operator only the items
 * of their unit. Used to tell "not yours" (403) apart from "not now" (409).
 */
export function mayTouchUnit(actor: Actor, regionCode: string, unitId: string | null): boolean {
  if (!can(actor, 'assessments.fill', regionCode)) return false;
  if (can(actor, 'assessments.manage', regionCode)) return true;
  return actor.unitId !== null && unitId !== null && actor.unitId === unitId;
}

/** Whether the actor sees the item in fill views: operators their unit's items only, other readers all. */
export function seesItem(actor: Actor, regionCode: string, unitId: string | null): boolean {
  if (!can(actor, 'assessments.read', regionCode)) return false;
  if (actor.role !== 'operator') return true;
  return actor.unitId !== null && actor.unitId === unitId;
}
