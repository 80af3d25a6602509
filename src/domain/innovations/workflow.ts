/**
 * The verification workflow of an innovation, as a pure state machine:
 *
 *   draft ──submit──▶ diajukan ──verify──▶ terverifikasi
 *     ▲                 │  │                   │
 *     │              return reject          edit (sends it back for review)
 *     │                 ▼  ▼                   ▼
 *     └── (edit) ── dikembalikan   ditolak   diajukan
 *
 * Operators act on innovations of their own unit; verifiers and regional admins review. Only legal
 * transitions exist; each names who may take it and what it requires (a note, a reason).
 */
import type { Actor } from '../access/roles.ts';

export const INNOVATION_STATUSES = ['draft', 'diajukan', 'dikembalikan', 'terverifikasi', 'ditolak'] as const;
export type InnovationStatus = (typeof INNOVATION_STATUSES)[number];

export const WORKFLOW_ACTIONS = ['submit', 'return', 'verify', 'reject'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

interface Transition {
  from: readonly InnovationStatus[];
  to: InnovationStatus;
  by: 'owner' | 'reviewer';
  needs: 'nothing' | 'notes' | 'reason';
}

const TRANSITIONS: Record<WorkflowAction, Transition> = {
  submit: { from: ['draft', 'dikembalikan'], to: 'diajukan', by: 'owner', needs: 'nothing' },
  return: { from: ['diajukan'], to: 'dikembalikan', by: 'reviewer', needs: 'notes' },
  verify: { from: ['diajukan'], to: 'terverifikasi', by: 'reviewer', needs: 'nothing' },
  reject: { from: ['diajukan'], to: 'ditolak', by: 'reviewer', needs: 'reason' },
};

export interface InnovationRef {
  status: InnovationStatus;
  regionCode: string;
  unitId: string;
}

/** The operator of the innovation's unit, or a regional admin acting for it. */
export function isOwner(actor: Actor, innovation: InnovationRef): boolean {
  if (actor.role === 'admin_nasional') return true;
  if (actor.regionCode !== innovation.regionCode) return false;
  return actor.role === 'admin_daerah' || (actor.role === 'operator' && actor.unitId === innovation.unitId);
}

export function isReviewer(actor: Actor, innovation: InnovationRef): boolean {
  if (actor.role === 'admin_nasional') return true;
  return actor.regionCode === innovation.regionCode && (actor.role === 'verifikator' || actor.role === 'admin_daerah');
}

export type TransitionRefusal = 'wrong_state' | 'wrong_role' | 'note_required' | 'reason_required';

export interface TransitionInput {
  action: WorkflowAction;
  /** Per-field notes when returning: field name → note. */
  notes?: Record<string, string>;
  reason?: string;
}

export type TransitionResult = { ok: true; to: InnovationStatus } | { ok: false; refusal: TransitionRefusal };

export function transition(actor: Actor, innovation: InnovationRef, input: TransitionInput): TransitionResult {
  const t = TRANSITIONS[input.action];
  const allowed = t.by === 'owner' ? isOwner(actor, innovation) : isReviewer(actor, innovation);
  if (!allowed) return { ok: false, refusal: 'wrong_role' };
  if (!t.from.includes(innovation.status)) return { ok: false, refusal: 'wrong_state' };
  if (t.needs === 'notes' && !Object.values(input.notes ?? {}).some((n) => n.trim().length > 0)) {
    return { ok: false, refusal: 'note_required' };
  }
  if (t.needs === 'reason' && !(input.reason ?? '').trim()) return { ok: false, refusal: 'reason_required' };
  return { ok: true, to: t.to };
}

/** The actions `actor` may take now: the web app shows exactly these buttons. */
export function availableActions(actor: Actor, innovation: InnovationRef): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => {
    const t = TRANSITIONS[action];
    const allowed = t.by === 'owner' ? isOwner(actor, innovation) : isReviewer(actor, innovation);
    return allowed && t.from.includes(innovation.status);
  });
}

/** May the owner edit the profile in this state, and where does the edit leave it? */
export function statusAfterEdit(status: InnovationStatus): InnovationStatus | null {
  switch (status) {
    case 'draft':
    case 'dikembalikan':
      return status;
    case 'terverifikasi':
      // An edit after verification sends it back for review.
      return 'diajukan';
    case 'diajukan':
    case 'ditolak':
      return null;
  }
}
