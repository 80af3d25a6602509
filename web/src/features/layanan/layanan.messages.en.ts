/** Interface texts of this area, in English; every key of the Indonesian file. */
import type { layananMessagesId } from './layanan.messages.id.ts';

export const layananMessagesEn: Record<keyof typeof layananMessagesId, string> = {
  'layanan.title': 'Public Services',
};
