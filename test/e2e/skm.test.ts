/**
 * The satisfaction survey's staff pages in the browser, on the real server with the demo data in
 * Chromium: the admin of Kota Pangkalpinang opens the survey periods, opens the finished 2025 period and
 * sees the region's IKM exactly as the results API gives it, types a service's population and sees the
 * minimum sample of the Krejcie–Morgan table appear, adds a follow-up action, and downloads the report.
 * axe-core checks both pages on a desktop and a phone screen, and screenshots land in
 * test-results/skm-*.png for a person to look at.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimumSample } from '../../src/domain/services/sample-size.ts';
import { browserFlow, DEMO_PASSWORD, logIn } from './support.ts';

const REGION = '19.71';
const API = `/api/v1/regions/${REGION}/skm-periods`;

const VIEWPORTS = [
  { name: 'desktop', size: { width: 1280, height: 800 } },
  { name: 'phone', size: { width: 390, height: 844 } },
] as const;

interface PeriodItem {
  id: string;
  year: number;
  label: string;
  status: string;
}
interface Results {
  region: { index: string; grade: string; responses: number } | null;
  services: { serviceId: string; serviceName: string; population: number | null; responses: number }[];
}

const { openContext, check } = browserFlow('skm');

async function getJson<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), `GET ${url}`).toBe(200);
  return (await response.json()) as T;
}

async function period2025(page: Page): Promise<PeriodItem> {
  const list = await getJson<{ items: PeriodItem[] }>(page, API);
  const found = list.items.find((p) => p.year === 2025);
  if (!found) throw new Error(`The demo has no 2025 survey period: ${list.items.map((p) => p.label).join(', ')}`);
  return found;
}

/** A figure as the Indonesian interface writes it: the API's decimal text with a comma. */
const withComma = (decimal: string) => decimal.replace('.', ',');
const idNumber = new Intl.NumberFormat('id-ID');

describe('the satisfaction survey pages of a regional admin', () => {
  let context: BrowserContext | undefined;
  let page: Page;

  beforeAll(async () => {
    context = await openContext(VIEWPORTS[0].size);
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto('/');
    await logIn(page, 'admin.demo', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Kota Pangkal Pinang', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await context?.close();
  });

  it('lists the periods and opens 2025 with the region IKM exactly as the results API gives it', async () => {
    await page.goto('/skm');
    await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat', level: 1 }).waitFor();
    const period = await period2025(page);
    await page.getByRole('link', { name: `SKM ${period.label}`, exact: true }).click();
    await page.getByRole('heading', { name: `SKM ${period.label}`, level: 1 }).waitFor();

    const results = await getJson<Results>(page, `${API}/${period.id}/results`);
    expect(results.region, 'the demo 2025 period has answers').not.toBeNull();
    const shown = await page.locator('[data-region-ikm]').textContent();
    expect((shown ?? '').trim()).toBe(withComma(results.region?.index ?? ''));
    expect(await page.getByText(`dari ${idNumber.format(results.region?.responses ?? 0)} responden`).count()).toBeGreaterThan(0);
    // Nine unsur bars, the weakest on top.
    expect(await page.locator('[data-unsur]').count()).toBe(9);
  });

  it('saves a population typed in place and shows the minimum sample the Krejcie–Morgan table gives', async () => {
    const period = await period2025(page);
    const results = await getJson<Results>(page, `${API}/${period.id}/results`);
    const service = results.services[0];
    if (!service) throw new Error('The 2025 period covers no service');
    const population = service.population === 250 ? 260 : 250;
    const expected = minimumSample(population) ?? 0;

    const input = page.getByLabel(`Populasi ${service.serviceName}`, { exact: true });
    await input.fill(String(population));
    await input.press('Tab');
    const row = page.locator(`tr[data-service="${service.serviceName}"]`);
    await row.locator('[data-minimum]', { hasText: idNumber.format(expected) }).waitFor();
    await row.getByText(`${idNumber.format(service.responses)} dari ${idNumber.format(expected)}`).waitFor();

    const saved = await getJson<Results>(page, `${API}/${period.id}/results`);
    expect(saved.services.find((s) => s.serviceId === service.serviceId)?.population).toBe(population);
  });

  it('adds a follow-up action that the follow-up API then lists', async () => {
    const period = await period2025(page);
    const action = 'Uji tambah loket prioritas bagi lansia dan penyandang disabilitas';
    await page.getByRole('button', { name: 'Tambah rencana' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah rencana tindak lanjut' });
    await dialog.getByLabel('Rencana tindak lanjut').fill(action);
    await dialog.getByLabel('Penanggung jawab').fill('Kepala Bidang Pelayanan');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator(`[data-follow-up="${action}"]`).waitFor();

    const list = await getJson<{ items: { action: string; owner: string }[] }>(page, `${API}/${period.id}/follow-ups`);
    expect(list.items.find((i) => i.action === action)?.owner).toBe('Kepala Bidang Pelayanan');
  });

  it('downloads the report as a PDF', async () => {
    await page.getByRole('button', { name: 'Unduh' }).click();
    const href = await page.getByRole('menuitem', { name: 'Laporan SKM (PDF)' }).getAttribute('href');
    expect(href).toMatch(/\/report\.pdf$/);
    const response = await page.request.get(href ?? '');
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.keyboard.press('Escape');
  });
});

for (const viewport of VIEWPORTS) {
  describe(`accessibility of the survey pages on a ${viewport.name} screen`, () => {
    let context: BrowserContext | undefined;
    let page: Page;

    beforeAll(async () => {
      context = await openContext(viewport.size);
      page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto('/');
      await logIn(page, 'admin.demo', DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Kota Pangkal Pinang', level: 1 }).waitFor();
    });

    afterAll(async () => {
      await context?.close();
    });

    it('periods list', async () => {
      await page.goto('/skm');
      await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat', level: 1 }).waitFor();
      await page
        .getByRole('link', { name: /^SKM 2025/ })
        .first()
        .waitFor();
      await check(page, viewport.name, 'periods');
    });

    it('the form that opens a period', async () => {
      await page.getByRole('button', { name: 'Buka periode' }).click();
      await page.getByRole('dialog', { name: 'Buka periode survei' }).waitFor();
      await check(page, viewport.name, 'period-form');
      await page.keyboard.press('Escape');
    });

    it('one period with its results and follow-up plan', async () => {
      const period = await period2025(page);
      await page.goto(`/skm/${period.id}`);
      await page.getByRole('heading', { name: `SKM ${period.label}`, level: 1 }).waitFor();
      await page.locator('[data-region-ikm]').waitFor();
      await check(page, viewport.name, 'period');
    });

    it('the units of a period', async () => {
      await page.getByRole('tab', { name: 'Per perangkat daerah' }).click();
      await page.getByRole('table', { name: 'Per perangkat daerah' }).waitFor();
      await check(page, viewport.name, 'units');
    });

    it('the respondent groups of a period', async () => {
      await page.getByRole('tab', { name: 'Per kelompok responden' }).click();
      await page.getByRole('table', { name: /^IKM menurut/ }).waitFor();
      await check(page, viewport.name, 'groups');
    });
  });
}
