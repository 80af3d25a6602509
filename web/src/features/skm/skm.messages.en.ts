/** Interface texts of this area, in English; every key of the Indonesian file. */
import type { skmMessagesId } from './skm.messages.id.ts';

export const skmMessagesEn: Record<keyof typeof skmMessagesId, string> = {
  'skm.title': 'Public Satisfaction Survey',
};
