/**
 * The life of a complaint (pengaduan): diterima → diverifikasi → ditindaklanjuti → selesai, or closed
 * early as ditolak / duplikat with a reason. Open311 sees two states: `open` until a closing state.
 */
export const COMPLAINT_STATUSES = ['diterima', 'diverifikasi', 'ditindaklanjuti', 'selesai', 'ditolak', 'duplikat'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const CLOSED_STATUSES: readonly ComplaintStatus[] = ['selesai', 'ditolak', 'duplikat'];

const NEXT: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  diterima: ['diverifikasi', 'ditolak', 'duplikat'],
  diverifikasi: ['ditindaklanjuti', 'ditolak', 'duplikat'],
  ditindaklanjuti: ['selesai'],
  selesai: [],
  ditolak: [],
  duplikat: [],
};

export function nextStatuses(from: ComplaintStatus): readonly ComplaintStatus[] {
  return NEXT[from];
}

export function canMove(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return NEXT[from].includes(to);
}

/** Closing as ditolak or duplikat needs a reason the citizen can read; duplikat also names the original. */
export function needsReason(to: ComplaintStatus): boolean {
  return to === 'ditolak' || to === 'duplikat';
}

export function isClosed(status: ComplaintStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}

/** Open311 GeoReport v2 status. */
export function open311Status(status: ComplaintStatus): 'open' | 'closed' {
  return isClosed(status) ? 'closed' : 'open';
}

/** Whether an open complaint is past its SLA at `now`. */
export function isOverdue(status: ComplaintStatus, dueAt: Date, now: Date): boolean {
  return !isClosed(status) && now.getTime() > dueAt.getTime();
}
