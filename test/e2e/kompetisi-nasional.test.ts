/**
 * A national competition in the browser, on the real server with the demo data in Chromium: the
 * national admin sets one up on the national competitions page and opens registration, the Diskominfo
 * operator of Kota Pangkalpinang finds it under "Kompetisi nasional" and enters a verified innovation,
 * the national admin forms a panel of judges from two regions (Pangkalpinang's own judge is never
 * given Pangkalpinang's entry) and a judge of Kota Palangkaraya scores it. axe-core checks every page
 * on a desktop and a phone; screenshots land in test-results/kompetisi-nasional-*.png.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserFlow, choose, PHONE } from './support.ts';

const { openContext, check, logInAs, server } = browserFlow('kompetisi-nasional');
const NAME = 'Kompetisi Inovasi Nasional Uji Peramban';
const NATIONAL_API = '/api/v1/national/competitions';
let competitionId = '';

async function confirmIn(page: Page, name: string): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

async function api<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url, { headers: { origin: server().baseUrl } });
  expect(response.status(), `GET ${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

describe('a national competition', () => {
  it('the national admin sets it up and opens registration', async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'nasional.demo', '/kompetisi-nasional');
    await page.getByRole('heading', { name: 'Kompetisi Inovasi Nasional', level: 1 }).waitFor();
    await page
      .getByRole('link', { name: /Kompetisi Inovasi Pelayanan Publik Nasional 2026/ })
      .first()
      .waitFor();
    await check(page, 'desktop', 'list');
    await page.getByRole('button', { name: 'Buat kompetisi' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama kompetisi').fill(NAME);
    await dialog.getByLabel('Daerah peserta').waitFor();
    await check(page, 'desktop', 'form');
    await dialog.getByRole('checkbox', { name: 'Pakai tahap ini: Seleksi administrasi' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Pakai tahap ini: Presentasi' }).uncheck();
    await dialog.getByLabel('Bobot akhir (%)').fill('100');
    await dialog.getByLabel('Juri per peserta').fill('1');
    await dialog.getByRole('button', { name: 'Simpan kompetisi' }).click();
    await page.waitForURL(/\/kompetisi-nasional\/[0-9a-f-]{36}$/);
    competitionId = page.url().split('/').at(-1) ?? '';
    await page.getByRole('button', { name: 'Buka pendaftaran' }).click();
    await confirmIn(page, 'Buka pendaftaran');
    await page.getByRole('button', { name: 'Kunci tahap Pendaftaran' }).waitFor();
    const detail = await api<{ scope: string; currentStage: string }>(page, `${NATIONAL_API}/${competitionId}`);
    expect(detail).toMatchObject({ scope: 'national', currentStage: 'pendaftaran' });
    await check(page, 'desktop', 'detail');
    await context.close();
  });

  it('the operator of Kota Pangkalpinang finds it under "Kompetisi nasional" and enters', async () => {
    for (const [viewport, size] of [
      ['phone', PHONE],
      ['desktop', undefined],
    ] as const) {
      const context = await openContext(size);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await logInAs(page, 'operator.demo', '/kompetisi');
      await page.getByRole('heading', { name: 'Kompetisi nasional', level: 2 }).waitFor();
      await page.getByRole('link', { name: NAME }).waitFor();
      await check(page, viewport, 'regional-list');
      if (viewport === 'phone') {
        await context.close();
        continue;
      }
      await page.getByRole('link', { name: NAME }).click();
      await page.waitForURL(new RegExp(`/kompetisi/${competitionId}$`));
      await page.goto(`/kompetisi/${competitionId}?tab=peserta`);
      await page.getByRole('button', { name: 'Daftarkan inovasi' }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Memenuhi syarat').first().waitFor();
      await dialog
        .getByRole('radio', { name: /Pangkalpinang Satu Data/, disabled: false })
        .first()
        .check();
      await dialog.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await page.waitForURL(/\/peserta\/[0-9a-f-]{36}$/);
      await page.getByLabel('Ringkasan').fill('Portal data terpadu dengan wali data di setiap perangkat daerah.');
      await page.getByLabel('Latar belakang masalah').fill('Data sektoral tersebar di banyak perangkat daerah dan sering berbeda.');
      await page.getByLabel('Hasil dan manfaat').fill('Satu angka resmi untuk perencanaan; permintaan data dilayani dalam sehari.');
      await page.getByRole('button', { name: 'Ajukan proposal' }).click();
      await confirmIn(page, 'Ajukan proposal');
      await page.getByText('Proposal ini sudah diajukan dan tidak dapat diubah.').waitFor();
      await context.close();
    }
  });

  it('the national admin forms a panel from two regions; Pangkalpinang’s judge is not given Pangkalpinang’s entry', async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'nasional.demo', `/kompetisi-nasional/${competitionId}`);
    await page.getByRole('button', { name: 'Kunci tahap Pendaftaran' }).click();
    await confirmIn(page, 'Kunci tahap Pendaftaran');
    await page.getByRole('button', { name: 'Kunci tahap Penilaian proposal' }).waitFor();
    await page.goto(`/kompetisi-nasional/${competitionId}?tab=peserta`);
    await page
      .getByRole('cell', { name: /Kota Pangkal Pinang/ })
      .first()
      .waitFor();
    await check(page, 'desktop', 'entries');
    await page.goto(`/kompetisi-nasional/${competitionId}?tab=juri`);
    for (const [judge, username, region] of [
      ['Juri Kompetisi (Demo)', 'juri.demo', 'Kota Pangkal Pinang'],
      ['Dr. Yohanes Dambung, akademisi UPR (Demo)', 'juri.palangkaraya.demo', 'Kota Palangkaraya'],
    ] as const) {
      await choose(page, page.getByRole('combobox', { name: 'Pilih juri' }), `${judge} (${username}) · ${region}`, username);
      await page.getByRole('button', { name: 'Tambah juri' }).click();
      await page.getByRole('cell', { name: judge }).waitFor();
    }
    await page.getByRole('button', { name: 'Tugaskan juri' }).click();
    await page.getByRole('heading', { name: 'Lembar nilai' }).waitFor();
    await expect.poll(async () => page.getByRole('row').filter({ hasText: 'Belum dikirim' }).count()).toBe(1);
    await expect(page.getByRole('row').filter({ hasText: 'Belum dikirim' }).textContent()).resolves.toContain('Dr. Yohanes Dambung');
    await check(page, 'desktop', 'panel');
    await context.close();
  });

  it('the judge of Kota Palangkaraya scores the entry from their own region', async () => {
    for (const [viewport, size] of [
      ['phone', PHONE],
      ['desktop', undefined],
    ] as const) {
      const context = await openContext(size);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await logInAs(page, 'juri.palangkaraya.demo', '/penjurian');
      await page.getByRole('heading', { name: 'Penjurian', level: 1 }).waitFor();
      const home = await api<{ items: { sheetId: string; competitionName: string }[] }>(page, '/api/v1/regions/62.71/judging');
      const mine = home.items.filter((i) => i.competitionName === NAME).map((i) => i.sheetId);
      expect(mine).toHaveLength(1);
      await page.goto(`/penjurian/${mine[0]}`);
      const scores = page.getByRole('textbox', { name: /^Nilai — / });
      await scores.first().waitFor();
      if (viewport === 'phone') {
        await check(page, viewport, 'sheet');
        await context.close();
        continue;
      }
      const count = await scores.count();
      for (let i = 0; i < count; i++) await scores.nth(i).fill(String(75 + (i % 3)));
      await page.getByText('Draf tersimpan').waitFor();
      await page.getByRole('button', { name: 'Kirim lembar nilai' }).click();
      await confirmIn(page, 'Kirim lembar nilai');
      await page.getByText('Lembar nilai ini sudah dikirim.').waitFor();
      await check(page, viewport, 'sheet');
      await context.close();
    }
  });
});
