/**
 * The English pages, as an English-reading user (a ministry's foreign adviser, a donor's auditor) sees
 * them: every page of the navigation opened in English at desktop and phone size, screenshot and axe
 * checked, and no Indonesian interface word left in its controls. Data (innovation, unit and service
 * names) stays Indonesian, so only the interface's own text is read: buttons, tabs, table headers,
 * form labels, the navigation and the page heading's companions.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserFlow, DEMO_PASSWORD, DESKTOP, PHONE } from './support.ts';

const { openContext, check } = browserFlow('english');

/** Pages of the navigation an admin daerah of the demo city opens (the region's own pages). */
const PAGES = [
  '/',
  '/dasbor',
  '/liga-opd',
  '/inovasi',
  '/capaian-target',
  '/periode',
  '/kompetisi',
  '/penilaian',
  '/iid',
  '/layanan',
  '/aplikasi',
  '/skm',
  '/pengaduan-masuk',
  '/acara',
  '/kota-cerdas',
  '/kota-cerdas/dewan',
  '/rpjmd',
  '/perangkat-daerah',
  '/pengguna',
  '/log-audit',
  '/pengaturan/token-api',
  '/notifikasi',
  '/akun',
] as const;

/**
 * Indonesian words the interface uses on its own controls and never in an English one. Whole words,
 * matched case-sensitively as the interface writes them, so "Pangkalpinang" or a unit's name never match.
 */
const INDONESIAN_UI_WORDS = [
  'Simpan',
  'Batal',
  'Tambah',
  'Hapus',
  'Unduh',
  'Ubah',
  'Cari',
  'Belum',
  'Tidak ada',
  'Sebelumnya',
  'Berikutnya',
  'Halaman',
  'Terlambat',
  'Tahun',
  'Kembali',
  'Keluar',
  'Pilih',
  'Semua',
  'Impor',
  'Ekspor',
  'Nama',
  'Jumlah',
];
/**
 * The bands the frameworks name in Indonesian (data), which an English page shows by their English
 * name wherever they appear, badges and sentences included.
 */
const INDONESIAN_PREDICATES = ['Tidak Dapat Dinilai', 'Sangat Inovatif', 'Kurang Inovatif', 'Memuaskan'];

const WORD = new RegExp(`(^|[^\\p{L}])(${INDONESIAN_UI_WORDS.join('|')})($|[^\\p{L}])`, 'u');

/** The interface's own text on the page: controls, headers, labels and the navigation. */
async function interfaceTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    // Controls: their visible text, unless they wrap data (a table, a card of records).
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, [role="tab"], thead th, label, nav a, [role="menuitem"], legend'))) {
      if (el.closest('tbody') || el.querySelector('table, [data-record]')) continue;
      const text = (el.textContent || '').trim();
      if (text) texts.push(text);
    }
    // Names given to assistive technology are the interface's own words too.
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[aria-label]'))) {
      if (el.closest('tbody')) continue;
      const label = el.getAttribute('aria-label');
      if (label) texts.push(label);
    }
    return texts;
  });
}

async function signInInEnglish(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('heading', { name: 'Log in to Sinergi' }).waitFor();
  await page.getByLabel('Username or email').fill('admin.demo');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByRole('button', { name: /^Account menu/ }).waitFor();
}

for (const [viewport, size] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  describe(`English pages on a ${viewport}`, () => {
    it('every page of the navigation reads in English and passes axe', async () => {
      const context = await openContext(size);
      await context.addInitScript(() => window.localStorage.setItem('sinergi.language', 'en'));
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await signInInEnglish(page);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      const leftovers: string[] = [];
      for (const to of PAGES) {
        await page.goto(to);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        // Every page is judged in one run: an axe finding is collected, not thrown, so one page's fault
        // does not hide the next page's.
        await check(page, viewport, to === '/' ? 'home' : to.slice(1).replaceAll('/', '-')).catch((e: unknown) =>
          leftovers.push(e instanceof Error ? e.message : String(e)),
        );
        const body = (await page.locator('main').textContent()) ?? '';
        for (const predicate of INDONESIAN_PREDICATES) {
          if (body.toLowerCase().includes(predicate.toLowerCase())) leftovers.push(`${to}: the predicate "${predicate}" untranslated`);
        }
        for (const text of await interfaceTexts(page)) {
          const found = WORD.exec(text);
          if (found) leftovers.push(`${to}: "${text.slice(0, 80)}" (${found[2]})`);
        }
      }
      expect(leftovers, leftovers.join('\n')).toEqual([]);
      await context.close();
    }, 600_000);
  });
}
