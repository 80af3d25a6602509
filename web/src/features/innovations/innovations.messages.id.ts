/** Interface texts of the innovation profile's newer parts, in Bahasa Indonesia; merged into messages.id.ts. */
export const innovationsMessagesId = {
  'editor.waktuPengembangan': 'Waktu pengembangan terbaru',
  'editor.waktuPengembanganHint':
    'Bila penerapan pertama sebelum rentang IID tahun ini, inovasi tetap layak bila pengembangan terbarunya dalam rentang itu.',
  'editor.uraianPengembangan': 'Uraian pengembangan terbaru',
  'editor.uraianPengembanganHint': 'Apa yang dikembangkan pada tanggal itu; tanpa uraian pengembangan tidak terdokumentasi.',
} as const;
