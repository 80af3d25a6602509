/** Labels of council kinds, member roles and follow-up statuses (message keys, so both languages follow). */
import { COUNCIL_KINDS, FOLLOW_UP_STATUSES, MEMBER_ROLES } from '#shared/api/councils.ts';
import type { MessageKey } from '../../i18n/messages.id.ts';

export { COUNCIL_KINDS, FOLLOW_UP_STATUSES, MEMBER_ROLES };
export type CouncilKind = (typeof COUNCIL_KINDS)[number];
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const COUNCIL_KIND_LABELS: Record<CouncilKind, MessageKey> = {
  dewan_smart_city: 'dewan.kind.dewan_smart_city',
  tim_pelaksana: 'dewan.kind.tim_pelaksana',
  forum: 'dewan.kind.forum',
};
export const COUNCIL_KIND_COLORS: Record<CouncilKind, string> = { dewan_smart_city: 'indigo', tim_pelaksana: 'teal', forum: 'grape' };

export const ROLE_LABELS: Record<MemberRole, MessageKey> = {
  ketua: 'dewan.role.ketua',
  wakil_ketua: 'dewan.role.wakil_ketua',
  sekretaris: 'dewan.role.sekretaris',
  anggota: 'dewan.role.anggota',
  narasumber: 'dewan.role.narasumber',
};

export const councilPath = (id: string) => `/kota-cerdas/dewan/${encodeURIComponent(id)}`;

/** Today's date (YYYY-MM-DD) on the user's own calendar, the default day a follow-up is done. */
export function todayLocal(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
