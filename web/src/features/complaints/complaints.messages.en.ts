/** Interface texts of this area, in English; every key of the Indonesian file. */
import type { complaintsMessagesId } from './complaints.messages.id.ts';

export const complaintsMessagesEn: Record<keyof typeof complaintsMessagesId, string> = {
  'complaints.title': 'Complaints',
};
