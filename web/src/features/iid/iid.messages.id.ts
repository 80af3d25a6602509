/** Interface texts of the IID rules (basis ukur, the verified basis, eligibility), in Bahasa Indonesia; merged into messages.id.ts. */
export const iidMessagesId = {
  'iid.basisUkur': 'Basis ukur',
  'iid.basisUkurPlaceholder': 'Pilih basis ukur (a–f)',
  'iid.basisUkurHint': 'Parameter dibaca pada basis yang dipilih; poinnya sama untuk semua basis.',
  'iid.basisUkurChosen': 'Basis ukur: {basis}',
  'iid.basisUkurNone': 'Basis ukur belum dipilih',
  'iid.verifiedBasis.eligible-verified':
    'Indeks terverifikasi hanya menghitung inovasi terverifikasi yang juga layak dilaporkan (penerapan atau pengembangan terbaru dalam rentang waktu, rancang bangun minimal {words} kata, indikator wajib terisi); merekalah jumlah inovasi, pembagi dan skor jumlah inovasinya.',
  'iid.verifiedBasis.all-verified':
    'Indeks terverifikasi menghitung semua inovasi terverifikasi; merekalah jumlah inovasi, pembagi dan skor jumlah inovasinya.',
  'iid.urusanCounted.utama': 'Syarat urusan pelayanan dasar dihitung dari urusan utama tiap inovasi saja, bukan urusan irisannya.',
  'iid.urusanCounted.utama-dan-irisan': 'Syarat urusan pelayanan dasar dihitung dari urusan utama dan irisan tiap inovasi.',
  'iid.notEligible': 'Belum layak',
  'iid.frameworkAssumed': 'Diasumsikan: tidak ada pedoman IID untuk tahun {year}',
  'iid.levers.title': 'Tuas terbesar',
  'iid.levers.text':
    'Langkah yang paling mengubah indeks: syarat urusan pelayanan dasar, kursi kosong di bawah pembagi, inovasi yang belum layak, dan kenaikan satu parameter. Skor inovasi baru diandaikan {score}.',
  'iid.levers.gain': 'Perubahan',
  'iid.levers.after': 'Indeks sesudahnya {index}',
  'iid.levers.carry': '{n} inovasi terverifikasi periode lalu belum dilanjutkan',
  'iid.levers.kind.gate-one': 'Syarat urusan',
  'iid.levers.kind.gate-all': 'Syarat urusan',
  'iid.levers.kind.seat-new': 'Kursi kosong',
  'iid.levers.kind.seat-carry': 'Lanjutkan inovasi',
  'iid.levers.kind.drop-ineligible': 'Belum layak',
  'iid.levers.kind.raise': 'Naik satu parameter',
  'iid.levers.kind.evidence': 'Bukti dukung',
} as const;
