/** The password policy as a person meets it: which passwords pass, which are refused, and what they are told. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  judgePassword,
  loadPasswordEstimator,
  ownWordsOf,
  PASSWORD_MESSAGES,
  type PasswordEstimator,
  type PasswordOwner,
  refusalText,
} from './password-policy.ts';

let estimate: PasswordEstimator;
beforeAll(async () => {
  estimate = await loadPasswordEstimator();
});

const owner: PasswordOwner = { username: 'ani.susanti', displayName: 'Ani Susanti', email: 'ani.susanti@pangkalpinang.go.id' };
const judge = (password: string, who: PasswordOwner = owner) => judgePassword(password, who, estimate);

describe('the password policy', () => {
  it.each([
    ['aaaaaaaaaa', 'a repeated letter'],
    ['1234567890', 'a digit sequence'],
    ['          ', 'ten spaces'],
    ['qwertyuiop', 'a keyboard row'],
    ['password123', 'a leaked password'],
    ['bismillah123', 'an Indonesian favourite'],
    ['rahasia2025', 'an Indonesian word and a year'],
    ['sayangku123', 'an Indonesian word with a suffix'],
    ['kominfo2025', 'an agency and a year'],
    ['pemda123456', 'a government word and digits'],
  ])('refuses %j (%s) as too easy to guess and says what to do', (password) => {
    const verdict = judge(password);
    expect(verdict.acceptable).toBe(false);
    expect(verdict.problem).toBe('weak');
    expect(verdict.strength).toBe('weak');
    expect(verdict.message).toEqual(PASSWORD_MESSAGES.weak);
    expect(refusalText(verdict)).toMatch(/^Kata sandi terlalu mudah ditebak\. Gabungkan tiga atau empat kata/);
  });

  it('refuses the username itself, and any password containing it, in any case or spelling', () => {
    for (const password of ['ani.susanti', 'Ani-Susanti-kopi-hitam', 'ANISUSANTI#jeruk#2026']) {
      const verdict = judge(password);
      expect(verdict.problem, password).toBe('username');
      expect(refusalText(verdict)).toBe('Kata sandi tidak boleh memuat nama pengguna. Pilih kata sandi yang tidak berhubungan dengan akun ini.');
    }
  });

  it('counts the account name and e-mail as guessable words, so they do not make a password strong', () => {
    expect(ownWordsOf(owner)).toEqual(expect.arrayContaining(['ani.susanti', 'ani', 'susanti', 'ani.susanti@pangkalpinang.go.id']));
    for (const password of ['Susanti1990', 'Susanti#Ani']) {
      expect(judge(password).problem, password).toBe('weak');
      expect(judge(password).hints[0]?.id).toBe('Kata sandi memuat data akun ini (nama, nama pengguna atau surel).');
      // The same password for somebody else is only as weak as its words.
      expect(judge(password, { username: 'budi' }).acceptable, password).toBe(true);
    }
  });

  it('a username of three letters refuses only itself, not ordinary words that contain it', () => {
    expect(judge('ani', { username: 'ani' }).problem).toBe('too_short');
    expect(judge('kemanisan-buah-naga-77', { username: 'ani' }).acceptable).toBe(true);
  });

  it('refuses the demo password, also dressed up', () => {
    for (const password of [DEMO_PASSWORD, 'Sinergi-Demo-2026!', 'sinergi demo untuk kami']) {
      expect(judge(password).problem, password).toBe('demo');
    }
    expect(refusalText(judge(DEMO_PASSWORD), 'en')).toBe('The demo password may not be used for a real account. Make up your own.');
  });

  it('keeps the length limits with the messages of the form', () => {
    expect(refusalText(judge('Kq7#pZ'))).toBe('Kata sandi paling sedikit 10 karakter');
    expect(judge('Kq7#pZ').strength).toBe('weak');
    expect(judge(`${'kopi-tubruk-senja-'.repeat(12)}`).problem).toBe('too_long');
  });

  it('accepts unrelated words and long random strings, and grades them', () => {
    const fair = judge('merdeka-jakarta');
    expect(fair).toMatchObject({ acceptable: true, problem: null, message: null });
    expect(['fair', 'strong']).toContain(fair.strength);
    for (const password of ['kopi tubruk senja 7', 'jeruk-mangga-pisang', 'tanah-air-biru-laut-9', 'Xk4#vR9!qL2@']) {
      const verdict = judge(password);
      expect(verdict.acceptable, password).toBe(true);
      expect(verdict.score).toBeGreaterThanOrEqual(3);
    }
    expect(judge('tanah-air-biru-laut-9').strength).toBe('strong');
  });

  it('gives hints in both languages for a weak password', () => {
    const verdict = judge('aaaaaaaaaa');
    expect(verdict.hints.length).toBeGreaterThan(0);
    for (const hint of verdict.hints) {
      expect(hint.id).not.toBe('');
      expect(hint.en).not.toBe('');
    }
    expect(verdict.hints[0]?.id).toBe('Karakter berulang seperti "aaa" mudah ditebak.');
  });

  it('answers within a blink even for the longest, most symbol-laden password', () => {
    const started = performance.now();
    for (const password of ['!@#$%^&*()'.repeat(20), '4@55w0rd!1'.repeat(20), 'p@ssw0rd'.repeat(25)]) judge(password);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
