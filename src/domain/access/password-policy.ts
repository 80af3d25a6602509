/**
 * What a new password must be, wherever one is set: an account an admin creates, an admin's reset, a
 * user's own change, and the first admin made with the CLI. The server refuses with these messages and
 * the web app shows the same verdict while the password is typed, so nobody learns the rules by trial.
 *
 * Length alone lets `aaaaaaaaaa`, `1234567890` or the username itself through, so the strength is
 * estimated the way an attacker guesses: zxcvbn-ts counts the guesses a password needs against lists
 * of leaked passwords, Indonesian words and names, keyboard rows, dates, repeats and sequences, plus
 * the account's own names and the words of government work that every region's staff reach for first.
 * Its dictionaries are large, so they load on first use (`loadPasswordEstimator`): once per server
 * process, and in the web app only when a password field appears.
 */

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
/** zxcvbn's scale: 3 is "safely unguessable" (about 10^8 guesses), enough behind argon2id and a lockout. */
export const PASSWORD_MIN_SCORE = 3;
/** The password of the demo accounts, printed in the README: never acceptable for a real account. */
export const DEMO_PASSWORD = 'sinergi-demo';

/**
 * Words the people of a pemda pick first and the estimator's Indonesian lists may rank too low or
 * miss: the app's own name, agencies, roles and the favourites of Indonesian password lists. Most
 * common first.
 */
export const LOCAL_PASSWORD_WORDS = [
  'sinergi',
  'bismillah',
  'sayang',
  'rahasia',
  'indonesia',
  'merdeka',
  'jakarta',
  'cinta',
  'ganteng',
  'cantik',
  'sukses',
  'admin',
  'pemda',
  'pemkot',
  'pemkab',
  'pemprov',
  'kominfo',
  'diskominfo',
  'bappeda',
  'bapperida',
  'setda',
  'dinas',
  'inovasi',
  'operator',
  'verifikator',
  'pimpinan',
  'juri',
  'spbe',
  'kemendagri',
  'pangkalpinang',
  'alhamdulillah',
  'katasandi',
  'sandi',
  'masuk',
];

export interface BilingualText {
  id: string;
  en: string;
}

/** Who the password is for: their own names must not be (or help guess) the password. */
export interface PasswordOwner {
  username: string;
  displayName?: string | null | undefined;
  email?: string | null | undefined;
}

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/** The estimator's answer: a score and its feedback as keys (see WARNINGS and SUGGESTIONS). */
export interface StrengthEstimate {
  score: StrengthScore;
  warning: string | null;
  suggestions: string[];
}

export type PasswordEstimator = (password: string, ownWords: string[]) => StrengthEstimate;

export type PasswordStrength = 'weak' | 'fair' | 'strong';
export type PasswordProblem = 'too_short' | 'too_long' | 'username' | 'demo' | 'weak';

export interface PasswordVerdict {
  acceptable: boolean;
  /** What the meter shows: the estimator's score, held low when a rule refuses the password. */
  score: StrengthScore;
  strength: PasswordStrength;
  problem: PasswordProblem | null;
  /** What to do, when refused. */
  message: BilingualText | null;
  /** Why the estimator finds it guessable and how to improve it. */
  hints: BilingualText[];
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, BilingualText> = {
  too_short: { id: `Kata sandi paling sedikit ${PASSWORD_MIN} karakter`, en: `The password needs at least ${PASSWORD_MIN} characters` },
  too_long: { id: `Kata sandi paling banyak ${PASSWORD_MAX} karakter`, en: `The password may have at most ${PASSWORD_MAX} characters` },
  username: {
    id: 'Kata sandi tidak boleh memuat nama pengguna. Pilih kata sandi yang tidak berhubungan dengan akun ini.',
    en: 'The password must not contain the username. Choose one that has nothing to do with this account.',
  },
  demo: {
    id: 'Kata sandi demo tidak boleh dipakai untuk akun sungguhan. Buat kata sandi sendiri.',
    en: 'The demo password may not be used for a real account. Make up your own.',
  },
  weak: {
    id: 'Kata sandi terlalu mudah ditebak. Gabungkan tiga atau empat kata yang tidak saling berhubungan, atau buat lebih panjang.',
    en: 'The password is too easy to guess. Combine three or four unrelated words, or make it longer.',
  },
};

const WARNINGS: Record<string, BilingualText> = {
  straightRow: { id: 'Deretan tombol papan ketik mudah ditebak.', en: 'A straight row of keys is easy to guess.' },
  keyPattern: { id: 'Pola papan ketik yang pendek mudah ditebak.', en: 'A short keyboard pattern is easy to guess.' },
  simpleRepeat: { id: 'Karakter berulang seperti "aaa" mudah ditebak.', en: 'Repeated characters like "aaa" are easy to guess.' },
  extendedRepeat: { id: 'Pola berulang seperti "abcabcabc" mudah ditebak.', en: 'Repeated patterns like "abcabcabc" are easy to guess.' },
  sequences: { id: 'Urutan seperti "abc" atau "123" mudah ditebak.', en: 'Sequences like "abc" or "123" are easy to guess.' },
  recentYears: { id: 'Tahun-tahun terakhir mudah ditebak.', en: 'Recent years are easy to guess.' },
  dates: { id: 'Tanggal mudah ditebak.', en: 'Dates are easy to guess.' },
  topTen: { id: 'Ini salah satu kata sandi yang paling sering dipakai.', en: 'This is one of the most used passwords.' },
  topHundred: { id: 'Ini kata sandi yang sangat sering dipakai.', en: 'This is a very often used password.' },
  common: { id: 'Ini kata sandi yang umum dipakai.', en: 'This is a commonly used password.' },
  similarToCommon: { id: 'Ini mirip kata sandi yang umum dipakai.', en: 'This is similar to a commonly used password.' },
  wordByItself: { id: 'Satu kata saja mudah ditebak.', en: 'A single word is easy to guess.' },
  namesByThemselves: { id: 'Nama saja mudah ditebak.', en: 'A name by itself is easy to guess.' },
  commonNames: { id: 'Nama yang umum mudah ditebak.', en: 'Common names are easy to guess.' },
  userInputs: {
    id: 'Kata sandi memuat data akun ini (nama, nama pengguna atau surel).',
    en: "It contains this account's own data (name, username or e-mail).",
  },
  pwned: { id: 'Kata sandi ini pernah bocor di internet.', en: 'This password has appeared in a data breach.' },
};

const SUGGESTIONS: Record<string, BilingualText> = {
  l33t: {
    id: "Mengganti huruf secara mudah ditebak (seperti '@' untuk 'a') tidak membantu.",
    en: "Predictable substitutions like '@' for 'a' do not help.",
  },
  reverseWords: { id: 'Kata umum yang dibalik tetap mudah ditebak.', en: 'Common words spelled backwards are still easy to guess.' },
  allUppercase: { id: 'Pakai huruf kapital pada sebagian huruf saja, bukan semuanya.', en: 'Capitalise some letters, not all of them.' },
  capitalization: { id: 'Huruf kapital di awal saja tidak banyak membantu.', en: 'A capital first letter alone does not help much.' },
  dates: { id: 'Hindari tanggal dan tahun yang berhubungan dengan Anda.', en: 'Avoid dates and years connected to you.' },
  recentYears: { id: 'Hindari tahun-tahun terakhir.', en: 'Avoid recent years.' },
  associatedYears: { id: 'Hindari tahun yang berhubungan dengan Anda.', en: 'Avoid years connected to you.' },
  sequences: { id: 'Hindari urutan karakter yang umum.', en: 'Avoid common character sequences.' },
  repeated: { id: 'Hindari kata dan karakter yang berulang.', en: 'Avoid repeated words and characters.' },
  longerKeyboardPattern: { id: 'Pola papan ketik perlu lebih panjang dan berganti arah.', en: 'Use longer keyboard patterns that change direction.' },
  anotherWord: { id: 'Tambahkan kata lain yang jarang dipakai.', en: 'Add another, less common word.' },
  useWords: { id: 'Pakai beberapa kata, tetapi hindari ungkapan yang umum.', en: 'Use several words, but avoid common phrases.' },
  noNeed: {
    id: 'Simbol, angka dan huruf kapital tidak wajib: panjang lebih penting.',
    en: 'Symbols, digits and capitals are not required: length matters more.',
  },
  pwned: { id: 'Jangan pakai lagi kata sandi yang pernah bocor.', en: 'Do not use a leaked password again.' },
};

function normalised(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The account's own words, whole and in parts (`ani.susanti` → `ani`, `susanti`), for the estimator. */
export function ownWordsOf(owner: PasswordOwner): string[] {
  const words = new Set<string>();
  const add = (text: string | null | undefined) => {
    if (!text) return;
    const t = text.trim().toLowerCase();
    if (t.length >= 3) words.add(t);
    for (const part of t.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  };
  add(owner.username);
  add(owner.displayName);
  if (owner.email) {
    add(owner.email);
    add(owner.email.split('@')[0]);
  }
  return [...words];
}

function strengthOf(score: StrengthScore): PasswordStrength {
  return score >= 4 ? 'strong' : score >= PASSWORD_MIN_SCORE ? 'fair' : 'weak';
}

function hintsOf(estimate: StrengthEstimate): BilingualText[] {
  const hints: BilingualText[] = [];
  const warning = estimate.warning ? WARNINGS[estimate.warning] : undefined;
  if (warning) hints.push(warning);
  for (const key of estimate.suggestions) {
    const suggestion = SUGGESTIONS[key];
    if (suggestion) hints.push(suggestion);
  }
  return hints;
}

/**
 * The verdict on `password` for `owner`. Rules first (length, the username, the demo password), then
 * the estimated strength. A username of three letters is only checked whole: inside a longer password
 * it would refuse ordinary words ("ani" in "kemanisan"), and the estimator still counts it as a
 * guessable part.
 */
export function judgePassword(password: string, owner: PasswordOwner, estimate: PasswordEstimator): PasswordVerdict {
  const estimated = estimate(password, ownWordsOf(owner));
  const hints = hintsOf(estimated);
  const refuse = (problem: PasswordProblem): PasswordVerdict => {
    const score = Math.min(estimated.score, 1) as StrengthScore;
    return { acceptable: false, score, strength: 'weak', problem, message: PASSWORD_MESSAGES[problem], hints };
  };
  const length = [...password].length;
  if (length < PASSWORD_MIN) return refuse('too_short');
  if (length > PASSWORD_MAX) return refuse('too_long');
  const username = normalised(owner.username);
  const plain = normalised(password);
  if (username && (plain === username || (username.length >= 4 && plain.includes(username)))) return refuse('username');
  if (plain.includes(normalised(DEMO_PASSWORD))) return refuse('demo');
  if (estimated.score < PASSWORD_MIN_SCORE) return refuse('weak');
  return { acceptable: true, score: estimated.score, strength: strengthOf(estimated.score), problem: null, message: null, hints };
}

/** The one sentence a refusal gives (a field reason on the server, a line under the field in the web app). */
export function refusalText(verdict: PasswordVerdict, language: 'id' | 'en' = 'id'): string | null {
  if (!verdict.message) return null;
  const first = verdict.problem === 'weak' ? verdict.hints[0] : undefined;
  return first ? `${verdict.message[language]} ${first[language]}` : verdict.message[language];
}

let loading: Promise<PasswordEstimator> | undefined;

/**
 * Loads zxcvbn-ts with the common and Indonesian dictionaries (once; later calls share the load).
 * Only the first 64 characters are estimated and letter substitutions are capped: a 200-character
 * password of symbols would otherwise take seconds of CPU, and a password whose first 64 characters
 * are strong is strong.
 */
export function loadPasswordEstimator(): Promise<PasswordEstimator> {
  loading ??= (async () => {
    const [{ ZxcvbnFactory }, common, indonesian] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-id'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...indonesian.dictionary, 'sinergi-id': LOCAL_PASSWORD_WORDS },
      graphs: common.adjacencyGraphs,
      maxLength: 64,
      l33tMaxSubstitutions: 10,
    });
    return (password: string, ownWords: string[]): StrengthEstimate => {
      const result = zxcvbn.check(password, ownWords);
      return { score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
    };
  })();
  // A load that failed (the web app went offline) is tried again next time.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
