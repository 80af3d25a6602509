/** Interface texts of the innovation profile's newer parts, in English; every key of the Indonesian file. */
import type { innovationsMessagesId } from './innovations.messages.id.ts';

export const innovationsMessagesEn: Record<keyof typeof innovationsMessagesId, string> = {
  'editor.waktuPengembangan': 'Latest development date',
  'editor.waktuPengembanganHint':
    "If first implemented before this year's IID window, the innovation still qualifies when its latest development falls inside it.",
  'editor.uraianPengembangan': 'Latest development, described',
  'editor.uraianPengembanganHint': 'What was developed on that date; without a description the development is not documented.',
};
