/**
 * The public vote in the browser, on the real server with the demo data in Chromium and a real SMTP
 * conversation: the admin enables a vote on the 2026 KIPP pre-selection from the competition's "Suara
 * publik" tab; a citizen on a phone picks a finalist, gives an e-mail address, reads the 6-digit code
 * from the mail the server sent (a local smtp-server catches it) and confirms; the admin then sees the
 * vote counted. The finished 2025 award shows its closed vote: the voided burst on the admin's tab and
 * the vote column on the public results. axe-core checks each view; screenshots land in
 * test-results/kompetisi-suara-*.png (and SINERGI_SHOTS_DIR when set) for a person to look at.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFlow, DEMO_PASSWORD, logIn, PHONE } from './support.ts';

const VOTER = 'warga.pangkalpinang@example.id';

let smtp: SMTPServer | undefined;
const mails: { to: string[]; raw: string }[] = [];

/** The text of a received mail, whatever transfer encoding nodemailer chose. */
function textOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  if (/Content-Transfer-Encoding: base64/i.test(raw)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

// Before the server starts (browserFlow's own beforeAll comes next): its mail goes to a local SMTP server.
beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp?.listen(0, '127.0.0.1', () => resolve()));
  const port = (smtp.server.address() as AddressInfo).port;
  // The spawned server inherits the environment: its outbox job sends through the local SMTP server.
  process.env.SINERGI_SMTP_URL = `smtp://127.0.0.1:${port}`;
});

afterAll(async () => {
  delete process.env.SINERGI_SMTP_URL;
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

const { openContext, check, server } = browserFlow('kompetisi-suara');

async function competitionId(name: string): Promise<string> {
  const res = await fetch(`${server().baseUrl}/api/v1/public/regions/19.71/competitions`);
  const body = (await res.json()) as { items: { id: string; name: string }[] };
  const found = body.items.find((c) => c.name === name);
  if (!found) throw new Error(`no competition ${name}`);
  return found.id;
}

async function waitForCode(to: string): Promise<string> {
  // The outbox job sends once a minute.
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const mail = mails.find((m) => m.to.includes(to));
    const code = mail ? /Kode konfirmasi suara Anda: (\d{6})/.exec(textOf(mail.raw))?.[1] : undefined;
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`no code mailed to ${to}:\n${server().output()}`);
}

describe('suara publik', () => {
  let kippId = '';
  let admin: Page;

  it('lets the admin enable a vote on the 2026 KIPP pre-selection', async () => {
    kippId = await competitionId('Praseleksi KIPP 2026');
    const context = await openContext();
    admin = await context.newPage();
    await admin.goto(`/kompetisi/${kippId}?tab=suara`);
    await logIn(admin, 'admin.demo', DEMO_PASSWORD);
    await admin.getByRole('heading', { name: 'Suara publik belum diaktifkan' }).waitFor();
    await admin.getByLabel('Porsi nilai akhir (%)').fill('60');
    await admin.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await admin.getByText('Porsi suara publik paling besar 50 persen').waitFor();
    await admin.getByLabel('Porsi nilai akhir (%)').fill('25');
    await admin.getByLabel('Tampilkan jumlah suara selama pemilihan berlangsung').check({ force: true });
    await admin.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await admin.getByText('Pengaturan suara publik tersimpan.').waitFor();
    await admin.getByRole('heading', { name: 'Jumlah suara per finalis' }).waitFor();
    expect(await admin.getByText('Total 0 suara sah').count()).toBe(1);
    await check(admin, 'desktop', 'admin-setup');
  }, 90_000);

  it('lets a citizen on a phone vote with the code from the mail', async () => {
    const context = await openContext(PHONE);
    const page = await context.newPage();
    await page.goto(`/kompetisi/${kippId}/pilih`);
    await page.getByRole('heading', { name: 'Suara publik: Praseleksi KIPP 2026' }).waitFor();
    const choices = page.getByRole('button', { name: /^Pilih\s*:/ });
    expect(await choices.count()).toBeGreaterThan(1);
    await choices.first().click();
    await page.getByRole('button', { name: /^Dipilih\s*:/, pressed: true }).waitFor();
    await page.getByRole('button', { name: 'Kirim kode' }).waitFor();
    await check(page, 'phone', 'citizen-pick');
    await page.getByLabel('Alamat surel').fill(VOTER);
    await page.getByRole('button', { name: 'Kirim kode' }).click();
    await page.getByRole('heading', { name: 'Masukkan kode' }).waitFor();
    await check(page, 'phone', 'citizen-code');
    const code = await waitForCode(VOTER);
    await page.getByLabel('Angka ke-1 kode konfirmasi').click();
    await page.keyboard.type(code);
    await page.getByRole('button', { name: 'Konfirmasi suara' }).click();
    await page.getByText('Suara Anda tercatat').waitFor();
    // The counts are shown live on this vote: the chosen finalist has the one vote.
    await page.getByText('1 suara', { exact: true }).waitFor();
    await check(page, 'phone', 'citizen-counted');
    await context.close();
  }, 200_000);

  it('shows the admin the vote counted', async () => {
    await admin.reload();
    await admin.getByRole('heading', { name: 'Jumlah suara per finalis' }).waitFor();
    await admin.getByText('Total 1 suara sah').waitFor();
    await check(admin, 'desktop', 'admin-counted');
  }, 60_000);

  it('shows the 2025 award with its closed vote: the voided burst and the vote column', async () => {
    const lombaId = await competitionId('Lomba Inovasi Daerah 2025');
    await admin.goto(`/kompetisi/${lombaId}?tab=suara`);
    await admin.getByRole('heading', { name: 'Jumlah suara per finalis' }).waitFor();
    expect(await admin.getByRole('cell', { name: '7', exact: true }).count()).toBeGreaterThan(0);
    await check(admin, 'desktop', 'admin-closed');

    for (const [viewport, size] of [
      ['desktop', { width: 1280, height: 800 }],
      ['phone', PHONE],
    ] as const) {
      const context = await openContext(size);
      const page = await context.newPage();
      await page.goto(`/kompetisi/${lombaId}/pilih`);
      await page.getByText(/Pemilihan sudah ditutup/).waitFor();
      expect(await page.getByText(/\d+ suara$/).count()).toBe(12);
      await check(page, viewport, 'closed');
      await page.goto(`/hasil-kompetisi/${lombaId}`);
      await page.getByRole('heading', { name: /Hasil Lomba Inovasi Daerah 2025/ }).waitFor();
      expect(await page.getByText(/Suara publik \(20%\)/).count()).toBeGreaterThan(0);
      await check(page, viewport, 'results');
      await context.close();
    }
  }, 120_000);
});
