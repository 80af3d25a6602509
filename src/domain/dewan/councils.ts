/**
 * Smart-city councils (the governance bodies evaluators ask for: Dewan Smart City, Tim Pelaksana and
 * the periodic Forum): their kinds, the roles of members, and when a follow-up of a meeting is overdue.
 * Pure: the caller passes today's date.
 */

export const COUNCIL_KINDS = ['dewan_smart_city', 'tim_pelaksana', 'forum'] as const;
export type CouncilKind = (typeof COUNCIL_KINDS)[number];

export const MEMBER_ROLES = ['ketua', 'wakil_ketua', 'sekretaris', 'anggota', 'narasumber'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const FOLLOW_UP_STATUSES = ['terbuka', 'selesai'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** An open follow-up is overdue from the day after its due date (dates are YYYY-MM-DD, so they compare as text). */
export function isOverdue(followUp: { status: FollowUpStatus; dueDate: string }, today: string): boolean {
  return followUp.status === 'terbuka' && followUp.dueDate < today;
}

/** Members are listed by their place in the council: the chair first, the resource persons last. */
export function roleRank(role: MemberRole): number {
  return MEMBER_ROLES.indexOf(role);
}

/** The decree in force is the latest by its date (then the one recorded last, when two share a date). */
export function currentDecree<T extends { decreeDate: string; createdAt: Date }>(decrees: readonly T[]): T | null {
  let best: T | null = null;
  for (const d of decrees) {
    if (!best || d.decreeDate > best.decreeDate || (d.decreeDate === best.decreeDate && d.createdAt > best.createdAt)) best = d;
  }
  return best;
}
