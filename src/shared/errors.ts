/**
 * The catalog of error codes. Codes are for programs, messages are for people (Indonesian first,
 * English second). Shared by the server (which maps a code to its HTTP status) and the web app (which
 * shows the message in the user's language).
 */
export const ERROR_CATALOG = {
  VALIDATION_FAILED: { status: 400, id: 'Data yang dikirim tidak valid.', en: 'The submitted data is invalid.' },
  MALFORMED_REQUEST: { status: 400, id: 'Permintaan tidak dapat dibaca.', en: 'The request could not be read.' },
  UNAUTHENTICATED: { status: 401, id: 'Silakan masuk terlebih dahulu.', en: 'Please log in first.' },
  INVALID_CREDENTIALS: {
    status: 401,
    id: 'Nama pengguna atau kata sandi salah.',
    en: 'Wrong username or password.',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    id: 'Akun dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi nanti.',
    en: 'The account is temporarily locked after too many failed logins. Try again later.',
  },
  ACCOUNT_INACTIVE: { status: 403, id: 'Akun ini dinonaktifkan.', en: 'This account is deactivated.' },
  FORBIDDEN: { status: 403, id: 'Anda tidak berhak melakukan tindakan ini.', en: 'You may not do this.' },
  REGION_FORBIDDEN: {
    status: 403,
    id: 'Anda tidak berhak mengakses data daerah ini.',
    en: "You may not access this region's data.",
  },
  NOT_FOUND: { status: 404, id: 'Data tidak ditemukan.', en: 'Not found.' },
  PROVINCE_ONLY: {
    status: 403,
    id: 'Tampilan provinsi hanya tersedia untuk daerah provinsi, bukan kabupaten/kota.',
    en: 'The province view is only available to a province, not to a regency or city.',
  },
  ROUTE_NOT_FOUND: { status: 404, id: 'Alamat API tidak dikenal.', en: 'Unknown API address.' },
  CONFLICT: { status: 409, id: 'Data bentrok dengan data yang sudah ada.', en: 'Conflicts with existing data.' },
  // Attachments (every kind of record).
  ATTACHMENT_DUPLICATE: {
    status: 409,
    id: 'Berkas atau tautan yang sama sudah dilampirkan di bagian ini. Tidak perlu mengunggahnya lagi.',
    en: 'The same file or link is already attached here. No need to upload it again.',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    id: 'Kiriman yang sama masih diproses. Tunggu sebentar lalu muat ulang; jangan kirim dua kali.',
    en: 'The same submission is still being processed. Wait a moment and reload; do not send it twice.',
  },
  // Innovations.
  INNOVATION_NOT_EDITABLE: {
    status: 409,
    id: 'Inovasi yang sedang diajukan atau sudah ditolak tidak dapat diubah. Tunggu hasil verifikasi, atau minta verifikator mengembalikannya.',
    en: 'An innovation that is submitted or rejected cannot be edited. Wait for the review, or ask the verifier to return it.',
  },
  INNOVATION_EVIDENCE_LOCKED: {
    status: 409,
    id: 'Bukti dukung inovasi yang sedang diajukan atau sudah ditolak tidak dapat diubah. Tunggu hasil verifikasi, atau minta verifikator mengembalikannya.',
    en: 'The evidence of a submitted or rejected innovation cannot change. Wait for the review, or ask the verifier to return it.',
  },
  INNOVATION_WRONG_STATE: {
    status: 409,
    id: 'Tindakan ini tidak berlaku untuk status inovasi saat ini (mungkin baru saja diubah orang lain). Muat ulang untuk melihat statusnya.',
    en: "This action does not apply to the innovation's current status (someone may just have changed it). Reload to see its status.",
  },
  INNOVATION_REJECTED_NO_CARRY_OVER: {
    status: 409,
    id: 'Inovasi yang ditolak tidak dapat dibawa ke periode berikutnya. Usulkan sebagai inovasi baru bila sudah diperbaiki.',
    en: 'A rejected innovation cannot be carried over. Propose it as a new innovation once it is improved.',
  },
  // Self-assessments (SPBE, Indeks Pemdi).
  ASSESSMENT_FINAL: {
    status: 409,
    id: 'Penilaian ini sudah final: penugasan tidak dapat diubah lagi.',
    en: 'This assessment is final: its assignments can no longer change.',
  },
  ASSESSMENT_FILL_CLOSED: {
    status: 409,
    id: 'Pengisian hanya dapat dilakukan pada tahap penilaian mandiri. Hubungi admin bila ada yang perlu diperbaiki.',
    en: 'Indicators can be filled only during the self-assessment stage. Contact the admin if something needs fixing.',
  },
  ASSESSMENT_VERIFY_CLOSED: {
    status: 409,
    id: 'Verifikasi hanya dapat dilakukan pada tahap verifikasi.',
    en: 'Verification is possible only during the verification stage.',
  },
  ASSESSMENT_EVALUATION_CLOSED: {
    status: 409,
    id: 'Hasil evaluasi dicatat setelah penilaian mandiri masuk tahap verifikasi.',
    en: 'The evaluation result is recorded once the self-assessment has reached verification.',
  },
  ASSESSMENT_NOTHING_TO_ACCEPT: {
    status: 409,
    id: 'Indikator ini belum diisi, jadi tidak ada nilai untuk diterima. Tetapkan nilai koreksi.',
    en: 'This indicator has not been filled, so there is no value to accept. Set a corrected value.',
  },
  ASSESSMENT_STAGE_REFUSED: {
    status: 409,
    id: 'Tahap penilaian tidak dapat diubah seperti itu. Lihat alasannya di bawah.',
    en: 'The assessment cannot move to that stage. See the reason below.',
  },
  // National evaluation (penilaian dokumen, interview, visitasi, hasil) and the LHE.
  NATIONAL_EVALUATION_CLOSED: {
    status: 409,
    id: 'Evaluasi nasional dibuka setelah penilaian mandiri daerah final, dan lembar asesor terkunci setelah LHE dicatat.',
    en: 'The national evaluation opens once the self-assessment is final, and the assessor sheet locks once the LHE is recorded.',
  },
  NATIONAL_STAGE_REFUSED: {
    status: 409,
    id: 'Tahap evaluasi nasional tidak dapat diubah seperti itu. Lihat alasannya di bawah.',
    en: 'The national evaluation cannot move to that stage. See the reason below.',
  },
  // Indeks Inovasi Daerah.
  IID_FRAMEWORK_UNKNOWN: {
    status: 409,
    id: 'Periode ini memakai kerangka IID yang tidak dikenal. Pilih kerangka IID pada pengaturan periode.',
    en: 'This period names an unknown IID framework. Choose an IID framework in the period settings.',
  },
  IID_FRAMEWORK_MISSING: {
    status: 409,
    id: 'Belum ada kerangka IID untuk tahun ini. Unggah kerangka IID atau pilih kerangka pada pengaturan periode.',
    en: 'There is no IID framework for this year. Load one, or choose a framework in the period settings.',
  },
  IID_ANSWERS_LOCKED: {
    status: 409,
    id: 'Jawaban indikator inovasi yang sedang diajukan atau sudah ditolak tidak dapat diubah. Tunggu hasil verifikasi.',
    en: 'The indicator answers of a submitted or rejected innovation cannot change. Wait for the review.',
  },
  IID_NOTHING_TO_VERIFY: {
    status: 409,
    id: 'Indikator ini belum diisi oleh unit, jadi belum ada yang dapat diverifikasi.',
    en: 'The unit has not answered this indicator yet, so there is nothing to verify.',
  },
  IID_NOT_VERIFIABLE: {
    status: 409,
    id: 'Jawaban indikator hanya diverifikasi setelah inovasi diajukan.',
    en: 'Indicator answers are verified only once the innovation is submitted.',
  },
  STALE_VERSION: {
    status: 409,
    id: 'Data telah diubah orang lain sejak Anda membukanya. Muat ulang lalu ulangi perubahan Anda.',
    en: 'Someone else changed this since you opened it. Reload and apply your change again.',
  },
  IN_USE: {
    status: 409,
    id: 'Data masih dipakai oleh data lain sehingga tidak dapat dihapus.',
    en: 'Still in use by other data, so it cannot be deleted.',
  },
  WRONG_PASSWORD: { status: 400, id: 'Kata sandi lama salah.', en: 'The current password is wrong.' },
  PAYLOAD_TOO_LARGE: { status: 413, id: 'Berkas terlalu besar.', en: 'The file is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    id: 'Jenis berkas tidak didukung.',
    en: 'Unsupported file type.',
  },
  RATE_LIMITED: {
    status: 429,
    id: 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.',
    en: 'Too many requests. Wait a moment and try again.',
  },
  // HTTP hardening: requests a browser sent on behalf of another page.
  CROSS_SITE_REFUSED: {
    status: 403,
    id: 'Permintaan ini dikirim dari halaman lain sehingga ditolak. Buka Sinergi langsung dari alamatnya lalu ulangi.',
    en: 'This request was sent from another page, so it was refused. Open Sinergi at its own address and try again.',
  },
  UNIT_HAS_CHILDREN: {
    status: 409,
    id: 'Unit ini masih membawahi unit lain. Pindahkan unit bawahannya ke induk lain atau hapus terlebih dahulu.',
    en: 'Other units still sit under this unit. Move them to another parent or delete them first.',
  },
  UNIT_HAS_USERS: {
    status: 409,
    id: 'Masih ada akun pengguna di unit ini. Pindahkan akun-akun itu ke unit lain (menu Pengguna) terlebih dahulu.',
    en: 'User accounts still belong to this unit. Move them to another unit (Users page) first.',
  },
  UNIT_HAS_INNOVATIONS: {
    status: 409,
    id: 'Unit ini tercatat sebagai pengusul inovasi, jadi tidak dapat dihapus agar riwayat inovasinya tetap utuh. Bila unit berganti nama atau digabung, ubah data unitnya saja.',
    en: 'This unit proposed innovations, so it cannot be deleted: their history must stay whole. If the unit was renamed or merged, edit it instead.',
  },
  UNIT_HAS_ASSESSMENT_ITEMS: {
    status: 409,
    id: 'Indikator penilaian (SPBE, Indeks Pemdi) masih ditugaskan ke unit ini. Tugaskan indikator itu ke unit lain terlebih dahulu; penilaian yang sudah final tetap mencatat unit ini, sehingga unitnya tidak dapat dihapus.',
    en: 'Assessment indicators (SPBE, Indeks Pemdi) are still assigned to this unit. Assign them to another unit first; a final assessment keeps this unit on record, so it cannot be deleted.',
  },
  SERVICE_IN_USE: {
    status: 409,
    id: 'Layanan ini sudah punya jawaban survei, rencana tindak lanjut atau pengaduan, sehingga tidak dapat dihapus agar riwayatnya tetap utuh. Nonaktifkan saja layanannya.',
    en: 'This service already has survey answers, follow-up plans or complaints, so it cannot be deleted: their history must stay whole. Deactivate it instead.',
  },
  INTERNAL: {
    status: 500,
    id: 'Terjadi kesalahan pada server. Kejadian ini sudah dicatat.',
    en: 'Something went wrong on the server. It has been logged.',
  },
  // Satisfaction surveys (SKM).
  SKM_SERVICE_NOT_FOUND: {
    status: 404,
    id: 'Layanan tidak ditemukan atau sedang tidak aktif. Periksa kembali tautan atau kode QR-nya.',
    en: 'The service does not exist or is not active. Check the link or QR code.',
  },
  SKM_PERIOD_CLOSED: {
    status: 409,
    id: 'Survei untuk layanan ini sedang tidak dibuka.',
    en: 'The survey for this service is not open now.',
  },
  SKM_DEVICE_LIMIT: {
    status: 429,
    id: 'Perangkat ini baru saja mengisi survei untuk layanan ini. Terima kasih; survei dapat diisi lagi dari perangkat ini nanti.',
    en: 'This device has just answered the survey for this service. Thank you; it can answer again later.',
  },
  SKM_PERIOD_OVERLAP: {
    status: 409,
    id: 'Periode survei ini bertumpang tindih dengan periode lain untuk layanan yang sama. Ubah tanggalnya atau pilih layanan lain.',
    en: 'This survey period overlaps another period for the same services. Change its dates or its services.',
  },
  SKM_PERIOD_LOCKED: {
    status: 409,
    id: 'Periode survei ini sudah ditutup. Buka kembali periodenya untuk menambah atau mengubah jawaban.',
    en: 'This survey period is closed. Reopen it to add or change answers.',
  },
  SKM_NO_RESULTS: {
    status: 404,
    id: 'Belum ada jawaban survei kepuasan untuk layanan ini pada tahun tersebut.',
    en: 'There are no satisfaction survey answers for this service in that year.',
  },
  // Complaints (pengaduan) and Open311.
  COMPLAINT_WRONG_TRANSITION: {
    status: 409,
    id: 'Status pengaduan tidak dapat diubah seperti itu dari status saat ini (mungkin baru saja diubah orang lain). Muat ulang untuk melihat langkah yang tersedia.',
    en: 'The complaint cannot move to that status from its current one (someone may just have changed it). Reload to see the available steps.',
  },
  COMPLAINT_CLOSED: {
    status: 409,
    id: 'Pengaduan ini sudah ditutup, sehingga tidak dapat dialihkan lagi.',
    en: 'This complaint is closed, so it can no longer be reassigned.',
  },
  COMPLAINT_CATEGORY_INACTIVE: {
    status: 400,
    id: 'Kategori pengaduan tidak dikenal atau tidak aktif di daerah ini.',
    en: 'The complaint category is unknown or inactive in this region.',
  },
  COMPLAINT_PHOTO_TOKEN: {
    status: 403,
    id: 'Tautan untuk menambah foto tidak berlaku atau sudah kedaluwarsa (berlaku satu jam setelah pengaduan dikirim).',
    en: 'The photo link is invalid or has expired (it is valid for one hour after the complaint was sent).',
  },
  COMPLAINT_PHOTO_LIMIT: {
    status: 409,
    id: 'Pengaduan ini sudah memiliki jumlah foto terbanyak yang diizinkan.',
    en: 'This complaint already has the most photos allowed.',
  },
  OPEN311_KEY_INVALID: {
    status: 403,
    id: 'Kunci API Open311 tidak ada, salah, atau sudah dicabut untuk daerah ini.',
    en: 'The Open311 API key is missing, wrong or revoked for this jurisdiction.',
  },
  OUTSIDE_REPORTING_WINDOW: {
    status: 409,
    id: 'Jadwal pelaporan periode ini belum dibuka atau sudah ditutup, dan periode ini menolak usulan serta pengajuan di luar jadwal. Hubungi admin daerah bila jadwalnya diperpanjang.',
    en: "This period's reporting window is not open, and the period refuses proposals and submissions outside it. Ask the regional admin if the window is extended.",
  },
  // Events (acara).
  EVENT_REGISTRATION_CLOSED: {
    status: 409,
    id: 'Pendaftaran acara ini sudah ditutup. Buka kembali pendaftarannya pada halaman acara bila peserta masih boleh ditambah.',
    en: "This event's registration is closed. Reopen it on the event page if participants may still be added.",
  },
  EVENT_FULL: {
    status: 409,
    id: 'Kapasitas acara sudah penuh. Naikkan kapasitasnya pada halaman acara bila ruangan masih cukup.',
    en: 'The event is full. Raise its capacity on the event page if the room allows.',
  },
  EVENT_HAS_ATTENDANCE: {
    status: 409,
    id: 'Acara ini sudah punya daftar hadir atau materi, sehingga tidak dapat dihapus agar buktinya tetap utuh. Ubah judul atau tanggalnya saja.',
    en: 'This event already has attendance or materials, so it cannot be deleted: the record must stay whole. Edit its title or dates instead.',
  },
  EVENT_CHECKIN_CLOSED: {
    status: 409,
    id: 'Konfirmasi kehadiran hanya dapat dilakukan pada hari acara. Bila Anda hadir di luar waktu itu, minta panitia mencatat kehadiran Anda.',
    en: 'Attendance can be confirmed on the day of the event only. If you attended outside that time, ask the organisers to record it.',
  },
  CHECKIN_NOT_FOUND: {
    status: 404,
    id: 'Tautan atau kode kehadiran tidak dikenal. Periksa kembali kode QR pada undangan Anda, atau minta panitia mencarikan nama Anda.',
    en: 'Unknown check-in link or code. Check the QR code on your invitation, or ask the organisers to look up your name.',
  },
  // Kompetisi inovasi.
  COMPETITION_NOT_ELIGIBLE: {
    status: 422,
    id: 'Inovasi ini belum memenuhi syarat kompetisi. Lihat alasannya di bawah.',
    en: 'This innovation does not meet the competition rules. See the reasons below.',
  },
  COMPETITION_DEADLINE_PASSED: {
    status: 409,
    id: 'Batas waktu pendaftaran sudah lewat: proposal tidak dapat lagi diajukan atau diubah.',
    en: 'The registration deadline has passed: the proposal can no longer be submitted or changed.',
  },
  COMPETITION_WRONG_STAGE: {
    status: 409,
    id: 'Tindakan ini tidak berlaku pada tahap kompetisi saat ini. Muat ulang untuk melihat tahapnya.',
    en: "This action does not apply to the competition's current stage. Reload to see the stage.",
  },
  COMPETITION_ENTRY_LOCKED: {
    status: 409,
    id: 'Proposal yang sudah diajukan tidak dapat diubah lagi.',
    en: 'A submitted proposal can no longer be changed.',
  },
  COMPETITION_SHEET_SUBMITTED: {
    status: 409,
    id: 'Lembar nilai ini sudah dikirim. Minta admin membukanya kembali bila ada yang perlu diperbaiki.',
    en: 'This score sheet is submitted. Ask the admin to reopen it if something needs fixing.',
  },
  COMPETITION_SCORING_STARTED: {
    status: 409,
    id: 'Penilaian tahap ini sudah dimulai: penugasan juri tidak dapat diulang.',
    en: 'Scoring of this stage has started: the judge assignment cannot be run again.',
  },
  COMPETITION_SCREENING_PENDING: {
    status: 409,
    id: 'Masih ada proposal yang belum diseleksi administrasi. Tetapkan lolos atau tidak lolos untuk semuanya sebelum mengunci tahap.',
    en: 'Some proposals are not screened yet. Mark every one as passed or not before locking the stage.',
  },
  COMPETITION_SHEETS_PENDING: {
    status: 409,
    id: 'Masih ada lembar nilai yang belum dikirim juri. Tahap baru dapat dikunci setelah semua lembar dikirim.',
    en: 'Some score sheets are not submitted yet. The stage can be locked once every sheet is in.',
  },
  // The public vote of a competition.
  COMPETITION_VOTE_CLOSED: {
    status: 409,
    id: 'Pemilihan suara publik belum dibuka atau sudah ditutup.',
    en: 'The public vote is not open (not yet, or no longer).',
  },
  COMPETITION_VOTE_ALREADY: {
    status: 409,
    id: 'Alamat surel ini sudah memberikan suara pada kompetisi ini. Satu alamat hanya satu suara.',
    en: 'This e-mail address has already voted in this competition. One vote per address.',
  },
  COMPETITION_VOTE_CODE_WRONG: {
    status: 422,
    id: 'Kode konfirmasi salah. Periksa kembali kode 6 angka di surel Anda.',
    en: 'Wrong confirmation code. Check the 6-digit code in your e-mail.',
  },
  COMPETITION_VOTE_CODE_EXPIRED: {
    status: 410,
    id: 'Kode konfirmasi sudah kedaluwarsa atau terlalu sering salah. Minta kode baru.',
    en: 'The confirmation code has expired or was entered wrongly too often. Ask for a new code.',
  },
  COMPETITION_VOTE_TOO_MANY_CODES: {
    status: 429,
    id: 'Terlalu banyak kode diminta untuk alamat surel ini. Coba lagi dalam satu jam.',
    en: 'Too many codes were requested for this e-mail address. Try again in an hour.',
  },
  COMPETITION_VOTE_STILL_OPEN: {
    status: 409,
    id: 'Suara publik masih dibuka. Hasil akhir dapat ditetapkan setelah pemilihan ditutup.',
    en: 'The public vote is still open. The final ranking can be set once it has closed.',
  },
} as const satisfies Record<string, { status: number; id: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** One problem with one field of the input. `field` is a dotted path (`rows.3.name`). */
export interface FieldIssue {
  field: string;
  reason: string;
}

/** The body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    messageEn: string;
    issues?: FieldIssue[];
    requestId?: string;
  };
}
