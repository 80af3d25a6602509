/**
 * Kota cerdas in the browser, on the real server with the demo data in Chromium: the admin of Kota
 * Pangkalpinang opens the demo masterplan, adds a programme led by Diskominfo with its funding and KPI
 * targets; Diskominfo's operator reports its first quarter with an evidence file; the programme page,
 * the masterplan page and its PDF then show the programme and its progress (4 of 10 in 2025, nothing
 * yet of 2026's 20: 20,0 %); the timeline bars are links reached by keyboard; citizens see the public
 * page. axe-core checks every page on a desktop and a phone screen; screenshots land in
 * test-results/kota-cerdas-*.png for a person to look at.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import { describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { browserFlow, choose, minimalPdf, PHONE } from './support.ts';

const NAME = 'Uji Kios Informasi Kelurahan';

const { openContext, check, logInAs } = browserFlow('kota-cerdas');
let programmeUrl = '';

describe('kota cerdas', () => {
  it('the admin sees the demo masterplan and adds a programme led by Diskominfo', async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await logInAs(page, 'admin.demo', '/kota-cerdas');
    await page.getByRole('heading', { name: 'Kota Cerdas', level: 1 }).waitFor();
    await page.getByRole('heading', { name: /Masterplan Smart City Kota Pangkalpinang 2022/ }).waitFor();
    // Six dimensions as cards, quick wins named with their stage.
    await expect(page.getByRole('heading', { level: 3 }).count()).resolves.toBe(6);
    await page.getByText('Mal Pelayanan Publik Digital').first().waitFor();
    await check(page, 'desktop', 'masterplan');

    await page.getByRole('button', { name: 'Tambah program' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah program' });
    await dialog.getByLabel(/^Nama program/).fill(NAME);
    await choose(page, dialog.getByRole('combobox', { name: /^Dimensi \/ elemen/ }), 'Layanan Publik (Smart Governance)');
    await choose(page, dialog.getByRole('combobox', { name: /^Unit pengampu/ }), 'Dinas Komunikasi dan Informatika (Diskominfo)', 'Diskominfo');
    await dialog.getByLabel(/^Mulai – Tahun/).fill('2025');
    await dialog.getByLabel(/^Selesai – Tahun/).fill('2026');
    await dialog.getByLabel('APBD 2025').fill('150000000');
    await dialog.getByLabel('APBD 2026').fill('175000000,50');
    await dialog.getByLabel(/^Keluaran/).fill('Kios informasi terpasang');
    await dialog.getByLabel(/^Indikator \(KPI\)/).fill('Jumlah kios');
    await dialog.getByLabel(/^Satuan/).fill('kios');
    await dialog.getByLabel('Target 2025').fill('10');
    await dialog.getByLabel('Target 2026').fill('20');
    await check(page, 'desktop', 'programme-form');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    programmeUrl = new URL(page.url()).pathname;
    expect(programmeUrl).toMatch(/^\/kota-cerdas\/program\//);
    await page.getByText('Belum ada laporan triwulan.').waitFor();
    // Funding: 150.000.000,00 + 175.000.000,50 = 325.000.000,50, summed by the server.
    await page.getByRole('cell', { name: '325.000.000,50' }).first().waitFor();
    await expect(page.getByRole('button', { name: 'Laporkan triwulan' }).count()).resolves.toBe(1);
    await context.close();
  });

  it('the operator of the lead unit reports a quarter with evidence', async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await logInAs(page, 'operator.demo', programmeUrl);
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Laporkan triwulan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Realisasi Jumlah kios/).fill('4');
    await dialog.getByLabel(/^Realisasi anggaran triwulan/).fill('30000000');
    await dialog.getByLabel(/^Catatan/).fill('Empat kios terpasang di kantor kelurahan.');
    await dialog.locator('input[type=file]').setInputFiles({ name: 'foto-kios.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await check(page, 'desktop', 'report-form');
    // Held up without a reason is refused next to the field.
    await dialog.getByRole('radio', { name: 'Terhambat' }).check();
    await dialog.getByRole('button', { name: 'Simpan laporan' }).click();
    await dialog.getByText('Status terhambat wajib disertai kendala/alasannya').waitFor();
    await dialog.getByRole('radio', { name: 'Berjalan' }).check();
    await dialog.getByRole('button', { name: 'Simpan laporan' }).click();
    await page.getByRole('heading', { name: 'TW1 2025' }).waitFor();
    await page.getByRole('link', { name: 'foto-kios.pdf' }).waitFor();
    // (4/10 + 0/20) / 2 = 20 %.
    await page.getByText('20,0%').first().waitFor();
    await check(page, 'desktop', 'programme');
    await context.close();
  });

  it('the masterplan page, its timeline and its PDF show the programme', async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await logInAs(page, 'pimpinan.demo', '/kota-cerdas?tab=program');
    await page.getByLabel('Cari program').fill('kios informasi');
    await page.getByRole('link', { name: NAME }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: NAME }) });
    await expect(row.getByText('20,0%').count()).resolves.toBe(1);
    await expect(row.getByText('Berjalan').count()).resolves.toBe(1);
    await check(page, 'desktop', 'programmes');

    await page.getByRole('tab', { name: 'Pendanaan' }).click();
    await page.getByRole('table').waitFor();
    await check(page, 'desktop', 'funding');

    await page.getByRole('tab', { name: 'Linimasa' }).click();
    const bar = page.getByRole('link', { name: new RegExp(`^${NAME}: TW1 2025 – TW4 2026, Berjalan`) });
    await bar.waitFor();
    await bar.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    await page.goBack();
    await page.getByRole('link', { name: new RegExp(`^${NAME}:`) }).waitFor();
    await check(page, 'desktop', 'timeline');

    const plan = page.getByRole('link', { name: 'Unduh PDF' });
    const href = await plan.getAttribute('href');
    const pdf = await page.request.get(href ?? '');
    expect(pdf.status()).toBe(200);
    const text = pdfText(Buffer.from(await pdf.body()));
    expect(text).toContain(NAME);
    expect(text).toContain('Mal Pelayanan Publik Digital');
    await context.close();
  });

  it('works on a phone, and citizens see the public page', async () => {
    const context = await openContext(PHONE);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto('/portal/19.71/kota-cerdas');
    await page.getByRole('heading', { name: 'Kota Cerdas', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Quick win', level: 2 }).waitFor();
    await page.getByText(NAME).first().waitFor();
    await check(page, 'phone', 'public');

    await logInAs(page, 'admin.demo', '/kota-cerdas');
    await page.getByRole('heading', { name: /Masterplan Smart City Kota Pangkalpinang 2022/ }).waitFor();
    await check(page, 'phone', 'masterplan');
    await page.goto(programmeUrl);
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    await check(page, 'phone', 'programme');
    await page.goto('/kota-cerdas?tab=linimasa');
    await page.getByRole('link', { name: new RegExp(`^${NAME}:`) }).waitFor();
    await check(page, 'phone', 'timeline');
    await context.close();
  });

  it("an innovation's page names the programmes it carries out, each a link to its programme", async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await logInAs(page, 'admin.demo', '/kota-cerdas');
    const found = await page.request.get('/api/v1/regions/19.71/innovations?q=Naskah%20Dinas%20Elektronik');
    expect(found.status()).toBe(200);
    const innovation = ((await found.json()) as { items: { id: string; name: string }[] }).items.find((i) => i.name === 'Naskah Dinas Elektronik');
    expect(innovation).toBeDefined();
    const linked = await page.request.get(`/api/v1/regions/19.71/smart-city/innovations/${innovation?.id}/programmes`);
    const programmes = ((await linked.json()) as { items: { id: string; name: string }[] }).items;
    expect(programmes.length).toBeGreaterThan(0);
    await page.goto(`/inovasi/${innovation?.id}`);
    const panel = page.locator('[data-innovation-programmes]');
    await panel.getByRole('heading', { name: 'Program kota cerdas' }).waitFor();
    for (const p of programmes) await panel.getByRole('link', { name: p.name }).waitFor();
    await check(page, 'desktop', 'innovation-programmes');
    await panel.getByRole('link', { name: programmes[0]?.name ?? '' }).click();
    await page.waitForURL(`**/kota-cerdas/program/${programmes[0]?.id}`);
    await page.getByRole('heading', { name: programmes[0]?.name ?? '', level: 1 }).waitFor();
    await context.close();
  });
});
