/** Interface texts of the innovation profile's newer parts, in Bahasa Indonesia; merged into messages.id.ts. */
export const innovationsMessagesId = {
  'editor.waktuPengembangan': 'Waktu pengembangan terbaru',
  'editor.waktuPengembanganHint':
    'Bila penerapan pertama sebelum rentang IID tahun ini, inovasi tetap layak bila pengembangan terbarunya dalam rentang itu.',
  'editor.uraianPengembangan': 'Uraian pengembangan terbaru',
  'editor.uraianPengembanganHint': 'Apa yang dikembangkan pada tanggal itu; tanpa uraian pengembangan tidak terdokumentasi.',
  'editor.section.profile2026': 'Profil 2026',
  'editor.profile2026Hint': 'Isian formulir aplikasi IID 2026: klasifikasi, Asta Cita, PKPN, anggaran dan nama inisiator.',
  'field.klasifikasi': 'Klasifikasi',
  'field.astaCita': 'Asta Cita',
  'field.pkpnKlaster': 'Klaster PKPN',
  'field.pkpnProgram': 'Program PKPN',
  'field.anggaranRupiah': 'Anggaran (Rp)',
  'field.anggaranRupiahHint': 'Angka saja, tanpa titik ribuan; paling banyak dua desimal (mis. 150000000).',
  'field.sumberAnggaran': 'Sumber anggaran',
  'field.namaInisiator': 'Nama inisiator',
} as const;
