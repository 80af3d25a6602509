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
  ROUTE_NOT_FOUND: { status: 404, id: 'Alamat API tidak dikenal.', en: 'Unknown API address.' },
  CONFLICT: { status: 409, id: 'Data bentrok dengan data yang sudah ada.', en: 'Conflicts with existing data.' },
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
  INTERNAL: {
    status: 500,
    id: 'Terjadi kesalahan pada server. Kejadian ini sudah dicatat.',
    en: 'Something went wrong on the server. It has been logged.',
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
