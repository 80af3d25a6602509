/**
 * The English pages, as an English-reading user (a ministry's foreign adviser, a donor's auditor) sees
 * them: every page of the navigation opened in English at desktop and phone size, screenshot and axe
 * checked, and no Indonesian interface word left in its controls. Data (innovation, unit and service
 * names) stays Indonesian, so only the interface's own text is read: buttons, tabs, table headers,
 * form labels, the navigation and the page heading's companions.
 */
import { describe, expect, it } from 'vitest';
import { browserFlow, DESKTOP, INDONESIAN_PREDICATES, indonesianLeftovers, logInInEnglish, PHONE } from './support.ts';

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
      await logInInEnglish(page, 'admin.demo');
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
        leftovers.push(...(await indonesianLeftovers(page)).map((found) => `${to}: ${found}`));
      }
      expect(leftovers, leftovers.join('\n')).toEqual([]);
      await context.close();
    }, 600_000);
  });
}
