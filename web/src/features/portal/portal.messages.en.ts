/** Interface texts of this area, in English; every key of the Indonesian file. */
import type { portalMessagesId } from './portal.messages.id.ts';

export const portalMessagesEn: Record<keyof typeof portalMessagesId, string> = {
  'portal.title': 'Public Service Portal',
};
