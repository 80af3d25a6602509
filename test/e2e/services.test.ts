/**
 * The service catalogue and the application inventory in the browser, on the real server with the
 * demo data in Chromium: the admin of Kota Pangkalpinang adds a service with only its name and unit,
 * completes its standar pelayanan, finds it by search and deletes it after confirming; a spreadsheet
 * with bad rows is refused in the dry run with each row's problem and nothing is imported; an operator
 * sees and adds only their own unit's services; a read-only leader sees no edit controls. axe-core
 * checks both pages (with their dialogs open) on a desktop and a phone screen, and screenshots land in
 * test-results/services-*.png for a person to look at.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserFlow, choose, DEMO_PASSWORD, logIn, logOut } from './support.ts';

const DUKCAPIL = 'Dinas Kependudukan dan Pencatatan Sipil';
const KOMINFO = 'Dinas Komunikasi dan Informatika';
const NAME = 'Uji Katalog Legalisir Akta Perkawinan';
const SURVEYED = 'Uji Katalog Surat Pindah Bersurvei';
const REQUIREMENTS = '1. Fotokopi akta perkawinan\n2. Akta asli untuk dicocokkan';
/** Two services that share a word, in two units: the operator of Diskominfo may see only the second. */
const OTHER_UNIT_SERVICE = 'Uji Lingkup Penerbitan KIA';
const OWN_UNIT_SERVICE = 'Uji Lingkup Hotspot Publik';

const { openContext, check } = browserFlow('services');

/** A text field by its label, with or without the required asterisk (a select's list carries the same label). */
const control = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`)).and(scope.locator('input, textarea'));

/** A spreadsheet as the template would look once filled in wrongly: an unknown unit, an online service without its address. */
async function badSheet(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Layanan');
  sheet.addRow(['Unit', 'Nama layanan', 'Kanal', 'Alamat daring']);
  sheet.addRow(['Dinas Antah Berantah', 'Surat Keterangan Uji', 'offline', '']);
  sheet.addRow(['Disdukcapil', 'Uji Layanan Daring Tanpa Alamat', 'online', '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Logs in and waits until the app shows the signed-in shell, so a following navigation does not cut the log-in short. */
async function logInAs(page: Page, username: string): Promise<void> {
  await logIn(page, username, DEMO_PASSWORD);
  await page.getByRole('button', { name: /^Menu akun/ }).waitFor();
}

async function searchServices(page: Page, text: string): Promise<void> {
  const search = page.getByLabel('Cari layanan');
  await search.fill(text);
  await page.waitForURL((url) => url.searchParams.get('q') === text);
}

describe('the service catalogue, as the admin of Kota Pangkalpinang', () => {
  let context: BrowserContext | undefined;
  let page: Page;
  const rowOf = (name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });

  beforeAll(async () => {
    context = await openContext({ width: 1280, height: 800 });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto('/layanan');
    await logIn(page, 'admin.demo', DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Layanan Publik', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await context?.close();
  });

  // Each step starts from the list, so a dialog a failed step left open does not fail the next ones too.
  beforeEach(async () => {
    await page.goto('/layanan');
  });

  it('adds a service with only its name and unit, completes its standard, finds it by search and deletes it', async () => {
    await page.getByRole('button', { name: 'Tambah layanan' }).first().click();
    const create = page.getByRole('dialog', { name: 'Tambah layanan' });
    await control(create, 'Nama layanan').fill(NAME);
    await choose(page, control(create, 'Unit pelayanan'), `${DUKCAPIL} (Disdukcapil)`, 'Disdukcapil');
    await check(page, 'desktop', 'create-dialog');
    await create.getByRole('button', { name: 'Simpan' }).click();
    await create.waitFor({ state: 'detached' });

    await searchServices(page, 'Legalisir Akta Perkawinan');
    const row = rowOf(NAME);
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe(DUKCAPIL);
    // A new service is offline and active until told otherwise.
    expect(await row.getByRole('cell').nth(3).textContent()).toBe('Tatap muka');
    expect(await row.getByRole('cell').nth(5).textContent()).toBe('Aktif');

    await row.getByRole('button', { name: `Ubah layanan ${NAME}` }).click();
    const edit = page.getByRole('dialog', { name: `Ubah layanan: ${NAME}` });
    await control(edit, 'Persyaratan').fill(REQUIREMENTS);
    await control(edit, 'Jangka waktu penyelesaian').fill('1 hari kerja');
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await edit.waitFor({ state: 'detached' });

    // Opened again, the dialog shows what was saved (read back from the server's list).
    await rowOf(NAME)
      .getByRole('button', { name: `Ubah layanan ${NAME}` })
      .click();
    const again = page.getByRole('dialog', { name: `Ubah layanan: ${NAME}` });
    expect(await control(again, 'Persyaratan').inputValue()).toBe(REQUIREMENTS);
    expect(await control(again, 'Jangka waktu penyelesaian').inputValue()).toBe('1 hari kerja');
    await again.getByRole('button', { name: 'Batal' }).click();
    await again.waitFor({ state: 'detached' });

    await rowOf(NAME)
      .getByRole('button', { name: `Tindakan lain untuk ${NAME}` })
      .click();
    await page.getByRole('menuitem', { name: 'Hapus layanan' }).click();
    const confirm = page.getByRole('dialog', { name: 'Hapus layanan?' });
    await confirm.getByText(`Layanan "${NAME}" akan dihapus`).waitFor();
    await confirm.getByRole('button', { name: 'Hapus', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Tidak ada yang cocok' }).waitFor();
    expect(await rowOf(NAME).count()).toBe(0);
  });

  it('shows a field error from the schema at its field: an online service needs its address', async () => {
    await page.getByRole('button', { name: 'Tambah layanan' }).first().click();
    const create = page.getByRole('dialog', { name: 'Tambah layanan' });
    await control(create, 'Nama layanan').fill('Uji Layanan Daring');
    await choose(page, control(create, 'Unit pelayanan'), `${DUKCAPIL} (Disdukcapil)`, 'Disdukcapil');
    await create.getByRole('radio', { name: 'Daring', exact: true }).check();
    await create.getByRole('button', { name: 'Simpan' }).click();
    const address = control(create, 'Alamat layanan daring');
    await create.getByText('Layanan daring wajib mencantumkan alamatnya').waitFor();
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    await create.getByRole('button', { name: 'Batal' }).click();
    await create.waitFor({ state: 'detached' });
  });

  it('offers to deactivate a service that citizens have already rated, instead of deleting it', async () => {
    // Set-up through the API: a new service and one citizen's survey answer (the year's survey opens by itself).
    const units = await (await page.request.get('/api/v1/regions/19.71/units?q=Disdukcapil')).json();
    const created = await page.request.post('/api/v1/regions/19.71/services', { data: { name: SURVEYED, unitId: units.items[0].id } });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`U${i + 1}`, 3]));
    const answered = await page.request.post(`/api/v1/public/services/${id}/skm-responses`, {
      headers: { 'Idempotency-Key': randomUUID() },
      data: { answers },
    });
    expect(answered.status()).toBe(201);

    await searchServices(page, SURVEYED);
    await rowOf(SURVEYED)
      .getByRole('button', { name: `Tindakan lain untuk ${SURVEYED}` })
      .click();
    await page.getByRole('menuitem', { name: 'Hapus layanan' }).click();
    const confirm = page.getByRole('dialog', { name: 'Hapus layanan?' });
    await confirm.getByRole('button', { name: 'Hapus', exact: true }).click();
    await confirm
      .getByRole('alert')
      .getByText(/Nonaktifkan saja/)
      .waitFor();
    await check(page, 'desktop', 'delete-in-use');
    await confirm.getByRole('button', { name: 'Nonaktifkan layanan' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText(`Layanan "${SURVEYED}" dinonaktifkan.`, { exact: false }).waitFor();
    await expect.poll(async () => rowOf(SURVEYED).getByRole('cell').nth(5).textContent()).toBe('Nonaktif');
  });

  it('refuses a spreadsheet with bad rows in the dry run, naming each row, and imports nothing', async () => {
    await page.getByRole('button', { name: 'Impor XLSX' }).click();
    const dialog = page.getByRole('dialog', { name: 'Impor layanan dari XLSX' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Berkas XLSX' }).click()]);
    await chooser.setFiles({
      name: 'layanan.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await badSheet(),
    });
    const errors = dialog.getByRole('table');
    await errors.waitFor();
    const rows = errors.getByRole('row');
    const texts = (await rows.allTextContents()).slice(1);
    expect(texts.some((t) => t.startsWith('2') && t.includes('Dinas Antah Berantah'))).toBe(true);
    expect(texts.some((t) => t.startsWith('3') && t.includes('alamat'))).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Impor', exact: true }).isDisabled()).toBe(true);
    await check(page, 'desktop', 'import-errors');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await dialog.waitFor({ state: 'detached' });
    await searchServices(page, 'Uji Layanan Daring Tanpa Alamat');
    await page.getByRole('heading', { name: 'Tidak ada yang cocok' }).waitFor();
  });

  it('lets an operator see and add only their own unit’s services', async () => {
    for (const [name, unit, short] of [
      [OTHER_UNIT_SERVICE, DUKCAPIL, 'Disdukcapil'],
      [OWN_UNIT_SERVICE, KOMINFO, 'Diskominfo'],
    ] as const) {
      await page.getByRole('button', { name: 'Tambah layanan' }).first().click();
      const create = page.getByRole('dialog', { name: 'Tambah layanan' });
      await control(create, 'Nama layanan').fill(name);
      await choose(page, control(create, 'Unit pelayanan'), `${unit} (${short})`, short);
      await create.getByRole('button', { name: 'Simpan' }).click();
      await create.waitFor({ state: 'detached' });
    }
    await searchServices(page, 'Uji Lingkup');
    await rowOf(OTHER_UNIT_SERVICE).waitFor();
    await rowOf(OWN_UNIT_SERVICE).waitFor();

    await logOut(page);
    await logInAs(page, 'operator.demo');
    await page.goto('/layanan?q=Uji+Lingkup');
    await page.getByRole('heading', { name: 'Layanan Publik', level: 1 }).waitFor();
    await rowOf(OWN_UNIT_SERVICE).waitFor();
    expect(await rowOf(OTHER_UNIT_SERVICE).count()).toBe(0);
    // Unfiltered, every row the operator sees is their unit's.
    await page.goto('/layanan');
    await rowOf(OWN_UNIT_SERVICE).waitFor();
    const units = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set([KOMINFO]));
    // Their new services belong to their unit: the field shows it and cannot be changed.
    await page.getByRole('button', { name: 'Tambah layanan' }).first().click();
    const create = page.getByRole('dialog', { name: 'Tambah layanan' });
    const unit = control(create, 'Unit pelayanan');
    expect(await unit.inputValue()).toBe(KOMINFO);
    expect(await unit.getAttribute('readonly')).not.toBeNull();
    await create.getByRole('button', { name: 'Batal' }).click();
    await logOut(page);
  });

  it('shows a read-only leader the catalogue without edit controls', async () => {
    await logInAs(page, 'pimpinan.demo');
    await page.goto('/layanan?q=Uji+Lingkup');
    await rowOf(OWN_UNIT_SERVICE).waitFor();
    expect(await page.getByRole('button', { name: 'Tambah layanan' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Impor XLSX' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Ubah layanan / }).count()).toBe(0);
    // The sharing links stay: a leader may print the poster too.
    await rowOf(OWN_UNIT_SERVICE)
      .getByRole('button', { name: `Tindakan lain untuk ${OWN_UNIT_SERVICE}` })
      .click();
    await page.getByRole('menuitem', { name: 'Poster QR (PDF)' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Hapus layanan' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.goto('/aplikasi');
    await page.getByRole('heading', { name: 'Aplikasi', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Tambah aplikasi' }).count()).toBe(0);
    await logOut(page);
  });
});

for (const viewport of [
  { name: 'desktop', size: { width: 1280, height: 800 } },
  { name: 'phone', size: { width: 390, height: 844 } },
] as const) {
  describe(`accessibility of the catalogue pages on a ${viewport.name} screen`, () => {
    let context: BrowserContext | undefined;
    let page: Page;

    beforeAll(async () => {
      context = await openContext(viewport.size);
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto('/layanan');
      await logIn(page, 'admin.demo', DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Layanan Publik', level: 1 }).waitFor();
    });

    afterAll(async () => {
      await context?.close();
    });

    it('services list and its edit dialog', async () => {
      await page.goto('/layanan');
      await page.getByRole('heading', { name: 'Layanan Publik', level: 1 }).waitFor();
      await page
        .getByRole('button', { name: /^Ubah layanan / })
        .first()
        .waitFor();
      await check(page, viewport.name, 'list');
      await page
        .getByRole('button', { name: /^Ubah layanan / })
        .first()
        .click();
      await page.getByRole('dialog', { name: /^Ubah layanan: / }).waitFor();
      await check(page, viewport.name, 'edit-dialog');
      await page.keyboard.press('Escape');
    });

    it('applications list and its new-application dialog', async () => {
      await page.goto('/aplikasi');
      await page.getByRole('heading', { name: 'Aplikasi', level: 1 }).waitFor();
      await check(page, viewport.name, 'applications');
      await page.getByRole('button', { name: 'Tambah aplikasi' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Tambah aplikasi' });
      // The served services are searched on the server; a chosen one shows as a pill with its name.
      await control(dialog, 'Layanan yang dilayani').fill('Akta');
      await page.getByRole('option', { name: /^Penerbitan Akta Kelahiran/ }).click();
      await dialog.getByText('Penerbitan Akta Kelahiran', { exact: true }).waitFor();
      await dialog.getByRole('heading', { name: 'Tambah aplikasi' }).click();
      await check(page, viewport.name, 'application-dialog');
      await page.keyboard.press('Escape');
    });
  });
}
