/** Interface texts of the innovation profile's newer parts, in English; every key of the Indonesian file. */
import type { innovationsMessagesId } from './innovations.messages.id.ts';

export const innovationsMessagesEn: Record<keyof typeof innovationsMessagesId, string> = {
  'editor.waktuPengembangan': 'Latest development date',
  'editor.waktuPengembanganHint':
    "If first implemented before this year's IID window, the innovation still qualifies when its latest development falls inside it.",
  'editor.uraianPengembangan': 'Latest development, described',
  'editor.uraianPengembanganHint': 'What was developed on that date; without a description the development is not documented.',
  'editor.section.profile2026': '2026 profile',
  'editor.profile2026Hint': "The IID application's 2026 form: classification, Asta Cita, PKPN, budget and the initiator's name.",
  'field.klasifikasi': 'Classification',
  'field.astaCita': 'Asta Cita',
  'field.pkpnKlaster': 'PKPN cluster',
  'field.pkpnProgram': 'PKPN programme',
  'field.anggaranRupiah': 'Budget (Rp)',
  'field.anggaranRupiahHint': 'Digits only, no thousands separators; at most two decimals (e.g. 150000000).',
  'field.sumberAnggaran': 'Budget source',
  'field.namaInisiator': "Initiator's name",
};
