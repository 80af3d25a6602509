import { describe, expect, it } from 'vitest';
import { browserFlow, choose, minimalPdf, PHONE } from './support.ts';

const { openContext, check, logInAs } = browserFlow('dewan');

describe('dewan kota cerdas', () => {
  it('the admin adds a member and a meeting with a follow-up, and marks the follow-up done', async () => {
    const context = await openContext();
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'admin.demo', '/kota-cerdas/dewan');
    await page.getByRole('heading', { name: 'Dewan Kota Cerdas', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Tim Pelaksana Smart City Kota Pangkalpinang' }).waitFor();
    // The demo's overdue follow-up is flagged in the open list.
    const overdueRows = page.locator('tr[data-overdue="true"]');
    await expect.poll(() => overdueRows.count()).toBeGreaterThan(0);
    await expect.poll(() => overdueRows.first().textContent()).toContain('Lewat batas waktu');
    await check(page, 'desktop', 'list');

    await page.getByRole('link', { name: 'Dewan Smart City Kota Pangkalpinang' }).click();
    await page.getByRole('heading', { name: 'Dewan Smart City Kota Pangkalpinang', level: 1 }).waitFor();
    await page.getByRole('cell', { name: 'Universitas Bangka Belitung' }).waitFor();

    // An outside member.
    await page.getByRole('button', { name: 'Tambah anggota' }).click();
    const memberDialog = page.getByRole('dialog', { name: 'Tambah anggota' });
    await memberDialog.getByText('Dari luar', { exact: true }).click();
    await expect.poll(() => memberDialog.getByRole('radio', { name: 'Dari luar' }).isChecked()).toBe(true);
    await memberDialog.getByLabel('Nama', { exact: false }).first().fill('Ir. Siti Rahmawati');
    await memberDialog.getByLabel('Organisasi').fill('Forum Komunitas Digital Bangka');
    await memberDialog.getByLabel('Jabatan').fill('Koordinator');
    await memberDialog.getByRole('button', { name: 'Simpan' }).click();
    await memberDialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: 'Forum Komunitas Digital Bangka' }).waitFor();
    await check(page, 'desktop', 'members');

    // A meeting, and a follow-up of it for Diskominfo.
    await page.getByRole('tab', { name: 'Rapat' }).click();
    await page.getByRole('button', { name: 'Catat rapat' }).click();
    const meetingDialog = page.getByRole('dialog', { name: 'Catat rapat' });
    await meetingDialog.getByLabel('Tanggal rapat').fill('2026-11-20');
    await meetingDialog.getByLabel('Tempat').fill('Ruang Rapat Bapperida');
    await meetingDialog.getByLabel('Agenda').fill('Persiapan evaluasi kota cerdas 2026');
    await meetingDialog.getByLabel('Keputusan').fill('Diskominfo mengunggah bukti dukung.');
    await meetingDialog.getByRole('button', { name: 'Simpan' }).click();
    await meetingDialog.waitFor({ state: 'detached' });
    const card = page.locator('.mantine-Card-root', { hasText: 'Persiapan evaluasi kota cerdas 2026' });
    // The signed notulen as a file, then deleted again after confirming.
    const chooser = page.waitForEvent('filechooser');
    await card.getByRole('button', { name: 'Unggah berkas notulen' }).click();
    await (await chooser).setFiles({ name: 'notulen-nov-2026.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await card.getByRole('link', { name: 'notulen-nov-2026.pdf' }).waitFor();
    await card.getByRole('button', { name: 'Hapus berkas notulen-nov-2026.pdf' }).click();
    const confirmDialog = page.getByRole('dialog', { name: 'Hapus berkas?' });
    await confirmDialog.getByRole('button', { name: 'Hapus' }).click();
    await confirmDialog.waitFor({ state: 'detached' });
    await card.getByRole('link', { name: 'notulen-nov-2026.pdf' }).waitFor({ state: 'detached' });
    await card.getByRole('button', { name: 'Tambah tindak lanjut' }).click();
    const followUpDialog = page.getByRole('dialog', { name: 'Tambah tindak lanjut' });
    await followUpDialog.getByLabel('Tindak lanjut').fill('Unggah bukti dukung evaluasi 2026');
    await choose(
      page,
      followUpDialog.getByLabel(/^Unit( \*)?$/).and(followUpDialog.locator('input:not([type=radio])')),
      'Dinas Komunikasi dan Informatika (Diskominfo)',
      'Komunikasi',
    );
    await followUpDialog.getByLabel('Batas waktu').fill('2027-01-15');
    await followUpDialog.getByRole('button', { name: 'Simpan' }).click();
    await followUpDialog.waitFor({ state: 'detached' });
    await card.getByRole('cell', { name: /Unggah bukti dukung evaluasi 2026/ }).waitFor();
    await check(page, 'desktop', 'meetings');

    // Marked done from the follow-ups tab.
    await page.getByRole('tab', { name: 'Tindak lanjut' }).click();
    const row = page.getByRole('row', { name: /Unggah bukti dukung evaluasi 2026/ });
    await row.getByRole('button', { name: 'Tandai selesai' }).click();
    const doneDialog = page.getByRole('dialog', { name: 'Tandai tindak lanjut selesai' });
    await doneDialog.getByRole('button', { name: 'Simpan' }).click();
    await doneDialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toMatch(/Selesai/);
    expect(await row.getByRole('button', { name: 'Tandai selesai' }).count()).toBe(0);
    await check(page, 'desktop', 'follow-ups');
    await context.close();
  });

  it('on a phone the members table scrolls in a region that takes keyboard focus', async () => {
    const context = await openContext(PHONE);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await logInAs(page, 'admin.demo', '/kota-cerdas/dewan');
    await page.getByRole('link', { name: 'Dewan Smart City Kota Pangkalpinang' }).waitFor();
    await check(page, 'phone', 'list');
    await page.getByRole('link', { name: 'Dewan Smart City Kota Pangkalpinang' }).click();
    const region = page.getByRole('region', { name: /Tabel anggota/ });
    await region.waitFor();
    expect(await region.getAttribute('tabindex')).toBe('0');
    const widths = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(widths.scroll).toBeGreaterThan(widths.client);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await check(page, 'phone', 'members');
    await page.getByRole('tab', { name: 'Tindak lanjut' }).click();
    await page.getByRole('region', { name: /Tabel tindak lanjut/ }).waitFor();
    await check(page, 'phone', 'follow-ups');
    await context.close();
  });
});
