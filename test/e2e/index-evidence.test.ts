/**
 * "Lampirkan ke indikator" in a real browser, on the real server with the demo data: the admin of Kota
 * Pangkalpinang opens the finished 2025 survey period, attaches its SKM report to an Indeks Pemdi
 * indicator in one click, sees the place marked attached with a link to it, and the API then lists it
 * attached; a closed assessment cannot take it and says why. On the complaint statistics of this year
 * the admin attaches them to an innovation's IID indicator; the API lists them attached for that range
 * (and not for all time, which is another document). axe-core checks both dialogs on a desktop and a
 * phone screen, in Indonesian and in English, with screenshots in test-results/index-evidence-*.png.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFlow, choose, DEMO_PASSWORD, logIn } from './support.ts';

const REGION = '19.71';
const EVIDENCE_API = `/api/v1/regions/${REGION}/index-evidence`;
/** The statistics tab offers this year and the two before; the demo's complaints are recent. */
const THIS_YEAR = new Date().getFullYear();
const YEAR_RANGE = { from: `${THIS_YEAR}-01-01`, to: `${THIS_YEAR}-12-31` };

const VIEWPORTS = [
  { name: 'desktop', size: { width: 1280, height: 800 } },
  { name: 'phone', size: { width: 390, height: 844 } },
] as const;

const TEXTS = {
  id: { button: 'Lampirkan ke indikator', dialog: 'Lampirkan ke indikator', statsTab: 'Statistik' },
  en: { button: 'Attach to indicators', dialog: 'Attach to indicators', statsTab: 'Statistics' },
} as const;

interface PeriodItem {
  id: string;
  year: number;
  label: string;
}
interface Targets {
  assessmentItems: {
    assessmentId: string;
    itemId: string;
    frameworkId: string;
    year: number;
    indicatorId: string;
    indicatorName: string;
    open: boolean;
    attached: boolean;
  }[];
  innovations: { innovationId: string; name: string; indicatorId: string; open: boolean; attached: boolean }[];
}

const { openContext, check } = browserFlow('index-evidence');

async function getJson<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), `GET ${url}`).toBe(200);
  return (await response.json()) as T;
}

async function period2025(page: Page): Promise<PeriodItem> {
  const list = await getJson<{ items: PeriodItem[] }>(page, `/api/v1/regions/${REGION}/skm-periods`);
  const found = list.items.find((p) => p.year === 2025);
  if (!found) throw new Error(`The demo has no 2025 survey period: ${list.items.map((p) => p.label).join(', ')}`);
  return found;
}

async function logInAsAdmin(page: Page): Promise<void> {
  await page.goto('/');
  await logIn(page, 'admin.demo', DEMO_PASSWORD);
  await page.getByRole('heading', { name: 'Kota Pangkal Pinang', level: 1 }).waitFor();
}

async function openSkmPeriod(page: Page, period: PeriodItem): Promise<void> {
  await page.goto(`/skm/${period.id}`);
  await page.getByRole('heading', { name: `SKM ${period.label}`, level: 1 }).waitFor();
}

async function openStatistics(page: Page, tab: string): Promise<void> {
  await page.goto('/pengaduan-masuk?tab=statistik');
  await page.getByRole('tab', { name: tab, selected: true }).waitFor();
}

/** Opens the dialog and waits until its places (or its empty state) are on screen. */
async function openDialog(page: Page, texts: (typeof TEXTS)['id' | 'en']): Promise<Locator> {
  await page.getByRole('button', { name: texts.button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: texts.dialog });
  await dialog.locator('li[data-target], [data-empty]').first().waitFor();
  return dialog;
}

/** The row of one place in the dialog: the list item holding its heading. */
const rowOf = (dialog: Locator, text: string) => dialog.getByRole('listitem').filter({ hasText: text });

describe('a regional admin attaches public-service documents to the indicators that ask for them', () => {
  let context: BrowserContext | undefined;
  let page: Page;

  beforeAll(async () => {
    context = await openContext(VIEWPORTS[0].size);
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logInAsAdmin(page);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('attaches the 2025 SKM report to an open Pemdi indicator, sees it attached, and the API agrees', async () => {
    const period = await period2025(page);
    const url = `${EVIDENCE_API}/skm/${period.id}/targets`;
    const before = await getJson<Targets>(page, url);
    const target = before.assessmentItems.find((i) => i.open && !i.attached);
    if (!target) throw new Error(`No open assessment item takes the SKM report: ${JSON.stringify(before.assessmentItems)}`);

    await openSkmPeriod(page, period);
    const dialog = await openDialog(page, TEXTS.id);
    await dialog.getByText('Sinergi membuat PDF Laporan SKM 2025 saat ini').waitFor();
    const row = rowOf(dialog, target.indicatorName);
    expect(await row.count(), `one row for ${target.indicatorName}`).toBe(1);
    await row.getByRole('button', { name: /^Lampirkan ke indikator/ }).click();

    await row.getByText('Sudah dilampirkan').waitFor();
    const view = row.getByRole('link', { name: /^Lihat di indikator/ });
    expect(await view.getAttribute('href')).toBe(`/penilaian/${target.assessmentId}?indikator=${target.indicatorId}`);
    // The notification says where it went and links there.
    const notice = page.getByRole('alert').filter({ hasText: 'Dilampirkan' });
    await notice.getByText(/dilampirkan pada indikator/).waitFor();
    expect(await notice.getByRole('link', { name: /^Buka indikator/ }).count()).toBe(1);
    // Its close button is named, in the interface's language.
    expect(await notice.getByRole('button', { name: 'Tutup', exact: true }).count()).toBe(1);
    await check(page, 'desktop', 'skm-attached-id');

    const after = await getJson<Targets>(page, url);
    expect(after.assessmentItems.find((i) => i.itemId === target.itemId)?.attached).toBe(true);
    // Only that place: the others are as they were.
    const othersBefore = before.assessmentItems.filter((i) => i.itemId !== target.itemId).map((i) => i.attached);
    expect(after.assessmentItems.filter((i) => i.itemId !== target.itemId).map((i) => i.attached)).toEqual(othersBefore);

    // A reopened dialog reads the server again and still shows it attached, with no button to send a second copy.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const again = await openDialog(page, TEXTS.id);
    const rowAgain = rowOf(again, target.indicatorName);
    await rowAgain.getByText('Sudah dilampirkan').waitFor();
    expect(await rowAgain.getByRole('button', { name: /^Lampirkan/ }).count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('attaches this year’s complaint statistics to an innovation’s IID indicator; a closed assessment says why it cannot', async () => {
    const rangeUrl = `${EVIDENCE_API}/complaints/targets?from=${YEAR_RANGE.from}&to=${YEAR_RANGE.to}`;
    const before = await getJson<Targets>(page, rangeUrl);
    const target = before.innovations.find((i) => i.open && !i.attached);
    if (!target) throw new Error(`No open innovation takes the complaint statistics: ${JSON.stringify(before.innovations)}`);
    const closed = before.assessmentItems.find((i) => !i.open);
    if (!closed) throw new Error('The demo has no finished assessment asking for the complaint statistics (SPBE 2025)');

    await openStatistics(page, TEXTS.id.statsTab);
    await choose(page, page.getByRole('combobox', { name: 'Periode', exact: true }), String(THIS_YEAR));
    const dialog = await openDialog(page, TEXTS.id);
    await dialog.getByText(`Sinergi membuat PDF Statistik penanganan pengaduan tahun ${THIS_YEAR} saat ini`).waitFor();

    // The finished SPBE assessment is listed, but its button is off and the reason is on screen.
    const closedName = new RegExp(`^Lampirkan ke indikator ${closed.indicatorId} .* ${closed.year}$`);
    const closedRow = dialog.getByRole('listitem').filter({ has: page.getByRole('button', { name: closedName }) });
    await closedRow.getByText('tidak lagi pada tahap penilaian mandiri').waitFor();
    expect(await dialog.getByRole('button', { name: closedName }).isDisabled()).toBe(true);

    const row = rowOf(dialog, target.name);
    await row.getByRole('button', { name: `Lampirkan ke indikator IID ${target.indicatorId} inovasi ${target.name}` }).click();
    await row.getByText('Sudah dilampirkan').waitFor();
    expect(await row.getByRole('link', { name: /^Lihat di indikator IID/ }).getAttribute('href')).toBe(`/inovasi/${target.innovationId}?tab=iid`);

    const after = await getJson<Targets>(page, rangeUrl);
    const found = after.innovations.find((i) => i.innovationId === target.innovationId && i.indicatorId === target.indicatorId);
    expect(found?.attached).toBe(true);
    // The statistics of all time are another document, not attached by this click.
    const allTime = await getJson<Targets>(page, `${EVIDENCE_API}/complaints/targets`);
    expect(allTime.innovations.find((i) => i.innovationId === target.innovationId && i.indicatorId === target.indicatorId)?.attached).toBe(false);

    // The link from the notification goes to the innovation's IID indicators, inside the app, where the
    // document named in the notification is now among the evidence.
    const notice = page.getByRole('alert').filter({ hasText: /dilampirkan pada indikator IID/ });
    const title = /“(.+)”/.exec((await notice.textContent()) ?? '')?.[1];
    expect(title, 'the notification names the document').toMatch(/^Statistik penanganan pengaduan/);
    await notice.getByRole('link', { name: /^Buka indikator IID/ }).click();
    await page.waitForURL(`**/inovasi/${target.innovationId}?tab=iid`);
    await page.getByRole('tab', { name: /Indikator IID/, selected: true }).waitFor();
    await page.locator(`[data-evidence="${title ?? ''}"]`).waitFor();
  });
});

for (const language of ['id', 'en'] as const) {
  for (const viewport of VIEWPORTS) {
    describe(`the attach dialogs in ${language === 'id' ? 'Indonesian' : 'English'} on a ${viewport.name} screen`, () => {
      const texts = TEXTS[language];
      let context: BrowserContext | undefined;
      let page: Page;

      beforeAll(async () => {
        context = await openContext(viewport.size);
        page = await context.newPage();
        page.setDefaultTimeout(20_000);
        await logInAsAdmin(page);
        if (language === 'en') await page.evaluate(() => window.localStorage.setItem('sinergi.language', 'en'));
      });

      afterAll(async () => {
        await context?.close();
      });

      it('the SKM report dialog', async () => {
        await openSkmPeriod(page, await period2025(page));
        await openDialog(page, texts);
        await check(page, viewport.name, `skm-${language}`);
        await page.keyboard.press('Escape');
      });

      it('the complaint statistics dialog', async () => {
        await openStatistics(page, texts.statsTab);
        await openDialog(page, texts);
        await check(page, viewport.name, `complaints-${language}`);
        await page.keyboard.press('Escape');
      });
    });
  }
}
