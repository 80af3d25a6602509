/** Words and colours of the complaint workflow, shared by the inbox, the detail page and the statistics. */
import { COMPLAINT_STATUSES, type ComplaintStatus } from '#domain/services/complaint-workflow.ts';
import type { MessageKey } from '../../i18n/messages.id.ts';

export { COMPLAINT_STATUSES, type ComplaintStatus };

export function isComplaintStatus(value: unknown): value is ComplaintStatus {
  return typeof value === 'string' && (COMPLAINT_STATUSES as readonly string[]).includes(value);
}

export const STATUS_KEYS: Record<ComplaintStatus, MessageKey> = {
  diterima: 'complaints.status.diterima',
  diverifikasi: 'complaints.status.diverifikasi',
  ditindaklanjuti: 'complaints.status.ditindaklanjuti',
  selesai: 'complaints.status.selesai',
  ditolak: 'complaints.status.ditolak',
  duplikat: 'complaints.status.duplikat',
};

/** New is blue, checked is indigo, being handled is orange, resolved green, refused red, a duplicate grey. */
export const STATUS_COLORS: Record<ComplaintStatus, string> = {
  diterima: 'blue',
  diverifikasi: 'indigo',
  ditindaklanjuti: 'orange',
  selesai: 'green',
  ditolak: 'red',
  duplikat: 'gray',
};

/** The button that moves a complaint into each status, and what its dialog explains. */
export const STEP_KEYS: Record<ComplaintStatus, { button: MessageKey; text: MessageKey }> = {
  diterima: { button: 'complaints.step.diterima', text: 'complaints.step.diterima.text' },
  diverifikasi: { button: 'complaints.step.diverifikasi', text: 'complaints.step.diverifikasi.text' },
  ditindaklanjuti: { button: 'complaints.step.ditindaklanjuti', text: 'complaints.step.ditindaklanjuti.text' },
  selesai: { button: 'complaints.step.selesai', text: 'complaints.step.selesai.text' },
  ditolak: { button: 'complaints.step.ditolak', text: 'complaints.step.ditolak.text' },
  duplikat: { button: 'complaints.step.duplikat', text: 'complaints.step.duplikat.text' },
};

/** One calendar year as the statistics' from/to dates. */
export function yearRange(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
