/**
 * The citizens' side of public services in a real browser, on the real server with the demo data of
 * Kota Pangkalpinang (a 2026 survey period open for every service), at phone size:
 *
 * - a citizen opens the survey link of a service (its QR code), is told which questions are missing,
 *   answers all nine with a profile, and the service's IKM counts exactly one more respondent;
 * - a counter kiosk loses its connection, takes two answers that wait in its outbox, and sends them
 *   when the connection is back; the reply to the first send is lost on the way back (the server has
 *   stored it), so the kiosk sends it again with the same key: each answer counts exactly once;
 * - a citizen files a complaint with a photo and gets a tracking code; the unit (the region admin,
 *   through the staff API) verifies it, acts on it and resolves it; the public status page shows it
 *   closed, with the unit's notes.
 *
 * axe-core checks every portal page on a phone and a desktop (no serious or critical violation), with
 * screenshots in test-results/portal-*.png.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import { describe, expect, it } from 'vitest';
import { browserFlow, choose, DEMO_PASSWORD, DESKTOP, logIn, PHONE } from './support.ts';

const REGION = '19.71';
const YEAR = 2026;
const SURVEY_SERVICE = 'Penerbitan Akta Kelahiran';
const KIOSK_SERVICE = 'Penerbitan KTP-el';
const COMPLAINT_TEXT = 'Lampu penerangan jalan di depan kantor kelurahan mati sejak seminggu, jalan gelap pada malam hari.';
const COMPLAINT_ADDRESS = 'Jl. Jenderal Sudirman depan Kantor Kelurahan Opas Indah';
const NOTES = {
  diverifikasi: 'Laporan sudah kami periksa dan benar.',
  ditindaklanjuti: 'Petugas dijadwalkan memperbaiki lampu pada hari Kamis.',
  selesai: 'Lampu sudah diganti dan menyala kembali. Terima kasih atas laporannya.',
};
/** A 1×1 PNG: the server checks a photo by its content, so it must be a real image. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const { openContext, check, server } = browserFlow('portal');
/** Pages to check on a desktop screen as well, once the flows have made them interesting. */
let trackingCode = '';

async function api<T>(pathname: string): Promise<T> {
  const response = await fetch(`${server().baseUrl}${pathname}`);
  if (!response.ok) throw new Error(`GET ${pathname}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function serviceId(name: string): Promise<string> {
  const list = await api<{ items: { id: string; name: string; surveyOpen: boolean }[] }>(
    `/api/v1/public/regions/${REGION}/services?q=${encodeURIComponent(name)}&pageSize=100`,
  );
  const found = list.items.find((s) => s.name === name);
  if (!found) throw new Error(`The demo service ${name} is missing`);
  expect(found.surveyOpen).toBe(true);
  return found.id;
}

/** How many answers the service's IKM of the year counts (0 before the first). */
async function responses(id: string): Promise<number> {
  const response = await fetch(`${server().baseUrl}/api/v1/public/services/${id}/ikm?year=${YEAR}`);
  if (response.status === 404) return 0;
  const body = (await response.json()) as { responses: number };
  return body.responses;
}

describe('public service portal at phone size', () => {
  it('a citizen opens the survey link, answers, and the IKM counts one more respondent', async () => {
    const id = await serviceId(SURVEY_SERVICE);
    const before = await responses(id);
    const context = await openContext(PHONE);
    try {
      const page = await context.newPage();
      // The portal: find the service, open it.
      await page.goto(`/portal/${REGION}`);
      await page.getByRole('heading', { name: 'Portal Layanan Publik', level: 1 }).waitFor();
      await expect.poll(() => page.locator('header').textContent()).toContain('Kota Pangkal Pinang');
      await check(page, 'phone', 'list');
      await page.getByRole('searchbox', { name: 'Cari layanan' }).fill('akta kelahiran');
      // Pick the card once the matches are on screen, not while the whole list can still move under it.
      await page.waitForURL((url) => url.searchParams.get('q') === 'akta kelahiran');
      await page.locator('section[aria-busy="false"]').waitFor();
      const card = page.locator('article').filter({ has: page.getByRole('link', { name: SURVEY_SERVICE }) });
      await card.waitFor();
      await card.getByRole('link', { name: SURVEY_SERVICE }).click();
      await page.getByRole('heading', { name: SURVEY_SERVICE, level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Standar pelayanan' }).waitFor();
      await check(page, 'phone', 'service');

      // The QR code's link: the survey itself.
      await page.goto(`/portal/${REGION}/layanan/${id}/survei`);
      await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat', level: 1 }).waitFor();
      const questions = page.locator('fieldset[data-question]');
      await expect.poll(() => questions.count()).toBe(9);
      await check(page, 'phone', 'survey');

      // Sending it unanswered names what is missing, next to each question.
      await page.getByRole('button', { name: 'Kirim jawaban' }).click();
      await page.getByRole('alert').filter({ hasText: 'Masih ada 9 pertanyaan yang belum dijawab.' }).waitFor();
      await expect.poll(() => page.getByText('Pilih salah satu jawaban').count()).toBe(9);

      for (let i = 0; i < 9; i += 1) {
        // Mostly "good" (3), the third "very good" (4): keyboard-reachable native radios inside the cards.
        await questions
          .nth(i)
          .getByRole('radio')
          .nth(i === 2 ? 3 : 2)
          .check();
      }
      await expect.poll(() => page.getByText('Pilih salah satu jawaban').count()).toBe(0);
      await page.getByRole('combobox', { name: 'Jenis kelamin' }).selectOption({ label: 'Perempuan' });
      await page.getByRole('combobox', { name: 'Usia' }).selectOption({ label: '30–39 tahun' });
      await page.getByRole('combobox', { name: 'Kelompok rentan / disabilitas' }).selectOption({ label: 'Penyandang disabilitas' });
      await page.getByLabel('Saran dan masukan').fill('Ruang tunggu sudah nyaman, antrean daring sangat membantu.');
      await page.getByRole('button', { name: 'Kirim jawaban' }).click();
      await page.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
      await check(page, 'phone', 'survey-thanks');

      expect(await responses(id)).toBe(before + 1);
      // The service page shows the new count too.
      await page.getByRole('link', { name: 'Kembali ke layanan' }).first().click();
      await page.getByRole('heading', { name: SURVEY_SERVICE, level: 1 }).waitFor();
      await expect.poll(() => page.locator('[data-ikm-responses]').getAttribute('data-ikm-responses')).toBe(String(before + 1));
    } finally {
      await context.close();
    }
  });

  it('a kiosk takes two answers offline and each counts once when it is back online, even when a reply is lost', async () => {
    const id = await serviceId(KIOSK_SERVICE);
    const before = await responses(id);
    const context = await openContext(PHONE);
    try {
      const page = await context.newPage();
      // The first answer reaches the server but its reply never comes back: the kiosk must send it again.
      let lostReplies = 0;
      let offline = false;
      await context.route('**/skm-responses', async (route) => {
        // The test's own forwarding (route.fetch) runs outside the browser: offline means no request at all.
        if (offline) {
          await route.abort('internetdisconnected');
          return;
        }
        if (lostReplies === 0) {
          lostReplies += 1;
          await route.fetch();
          await route.abort('connectionreset');
          return;
        }
        await route.continue();
      });
      await page.goto(`/kiosk/${id}`);
      await page.getByRole('button', { name: 'Mulai survei' }).waitFor();
      await page.getByText(KIOSK_SERVICE).first().waitFor();
      await check(page, 'phone', 'kiosk');

      offline = true;
      await context.setOffline(true);
      const answerOnce = async (score: number) => {
        await page.getByRole('button', { name: 'Mulai survei' }).click();
        for (let i = 0; i < 9; i += 1) {
          await page.getByText(`Pertanyaan ${i + 1} dari 9`).waitFor();
          await page.locator(`button[data-score="${score}"]`).click();
        }
        await page.getByRole('heading', { name: 'Ada saran untuk kami?' }).waitFor();
        await page.getByRole('button', { name: 'Laki-laki' }).click();
        await page.getByRole('button', { name: 'Kirim jawaban' }).click();
        await page.getByRole('heading', { name: 'Terima kasih atas penilaian Anda!' }).waitFor();
      };
      await answerOnce(4);
      await page.getByText('1 jawaban menunggu dikirim').waitFor();
      await page.getByText('Tidak ada koneksi. Jawaban disimpan di perangkat ini').waitFor();
      await check(page, 'phone', 'kiosk-offline');
      // The screen returns to the start by itself for the next citizen.
      await page.getByRole('button', { name: 'Mulai survei' }).waitFor({ timeout: 10_000 });
      await answerOnce(3);
      await page.getByText('2 jawaban menunggu dikirim').waitFor();
      expect(await responses(id)).toBe(before);

      offline = false;
      await context.setOffline(false);
      // Back online: the outbox empties (the lost reply is retried on the kiosk's interval).
      await page.getByText(/jawaban menunggu dikirim/).waitFor({ state: 'detached', timeout: 40_000 });
      expect(lostReplies).toBe(1);
      expect(await page.evaluate((key) => window.localStorage.getItem(key), `sinergi.kiosk.queue.${id}`)).toBeNull();
      expect(await responses(id)).toBe(before + 2);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('a citizen files a complaint with a photo, the unit resolves it, and the status page shows it closed', async () => {
    const categories = await api<{ items: { id: string; name: string; unitName: string }[] }>(
      `/api/v1/public/regions/${REGION}/complaint-categories`,
    );
    const category = categories.items[0];
    if (!category) throw new Error('The demo region has no complaint category');
    const context = await openContext(PHONE);
    try {
      const page = await context.newPage();
      await page.goto(`/portal/${REGION}`);
      await page.getByRole('heading', { name: 'Punya keluhan atau masukan?' }).waitFor();
      await page.getByRole('region', { name: 'Punya keluhan atau masukan?' }).getByRole('link', { name: 'Sampaikan pengaduan' }).click();
      await page.getByRole('heading', { name: 'Sampaikan pengaduan', level: 1 }).waitFor();
      await check(page, 'phone', 'complaint-form');

      // An empty form names its fields.
      await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
      await page.getByText('Kategori pengaduan wajib dipilih').waitFor();
      await page.getByText('Isi alamat atau pilih titik di peta').waitFor();

      await choose(page, page.locator('input').and(page.getByLabel(/^Kategori pengaduan/)), category.name);
      await page.getByText(`Ditangani oleh ${category.unitName}`).waitFor();
      await page.getByLabel('Uraian pengaduan').fill(COMPLAINT_TEXT);
      await page.getByLabel('Alamat atau patokan lokasi').fill(COMPLAINT_ADDRESS);
      await page.locator('input[type="file"]').setInputFiles({ name: 'lampu-mati.png', mimeType: 'image/png', buffer: PNG });
      await page.getByLabel('Nomor telepon/WhatsApp').fill('0812 7000 1234');
      await page.getByRole('button', { name: 'Kirim pengaduan' }).click();
      await page.getByRole('heading', { name: 'Pengaduan terkirim' }).waitFor();
      await page.getByText('Foto terlampir.').waitFor();
      trackingCode = (await page.locator('[data-tracking-code]').getAttribute('data-tracking-code')) ?? '';
      expect(trackingCode).toMatch(/^[A-Z]+-[A-Z0-9]+$/);
      await check(page, 'phone', 'complaint-sent');

      await page.getByRole('link', { name: 'Lihat status pengaduan' }).click();
      await page.getByRole('heading', { name: `Status pengaduan ${trackingCode}` }).waitFor();
      await page.getByText('Status saat ini: Diterima').waitFor();
      await page.getByText('Foto terlampir (hanya dapat dilihat petugas).').waitFor();
      // The contact is never public.
      expect(await page.locator('main').textContent()).not.toContain('0812');
      await check(page, 'phone', 'status-open');

      // The unit works on it (staff API, as the region admin).
      const staff = await openContext(DESKTOP);
      try {
        const staffPage = await staff.newPage();
        await staffPage.goto('/masuk');
        await logIn(staffPage, 'admin.demo', DEMO_PASSWORD);
        await staffPage.waitForURL((url) => url.pathname === '/');
        const moved = await staffPage.evaluate(
          async ({ region, code, notes }) => {
            const base = `/api/v1/regions/${region}/complaints`;
            const list = (await (await fetch(`${base}?q=${code}`)).json()) as { items: { id: string; trackingCode: string; version: number }[] };
            const found = list.items.find((c) => c.trackingCode === code);
            if (!found) return [`not in the inbox: ${code}`];
            let version = found.version;
            const statuses: string[] = [];
            for (const to of ['diverifikasi', 'ditindaklanjuti', 'selesai'] as const) {
              const response = await fetch(`${base}/${found.id}/transition`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ to, note: notes[to], version }),
              });
              const body = (await response.json()) as { status?: string; version?: number };
              statuses.push(`${response.status} ${body.status ?? JSON.stringify(body)}`);
              version = body.version ?? version;
            }
            return statuses;
          },
          { region: REGION, code: trackingCode, notes: NOTES },
        );
        expect(moved).toEqual(['200 diverifikasi', '200 ditindaklanjuti', '200 selesai']);
      } finally {
        await staff.close();
      }

      await page.reload();
      await page.getByText('Status saat ini: Selesai').waitFor();
      await page.getByText('Pengaduan ini sudah ditutup.').waitFor();
      for (const note of Object.values(NOTES)) await page.getByText(note).waitFor();
      await expect.poll(() => page.locator('li[aria-current="step"]').textContent()).toContain('Selesai');
      await check(page, 'phone', 'status-closed');

      // An unknown code says so and offers another look-up.
      await page.goto('/pengaduan/ADU-ZZZZZZ');
      await page.getByRole('heading', { name: 'Kode pengaduan tidak ditemukan' }).waitFor();
      await page.getByLabel('Kode pengaduan').fill(trackingCode.toLowerCase());
      await page.getByRole('button', { name: 'Lacak' }).click();
      await page.getByText('Status saat ini: Selesai').waitFor();
      await check(page, 'phone', 'status-unknown');
    } finally {
      await context.close();
    }
  });
});

describe('public service portal on a desktop screen', () => {
  it('every page passes axe-core', async () => {
    const id = await serviceId(SURVEY_SERVICE);
    const context = await openContext(DESKTOP);
    try {
      const page = await context.newPage();
      await page.goto(`/portal/${REGION}`);
      await page.locator('article').first().waitFor();
      await check(page, 'desktop', 'list');
      await page.goto(`/portal/${REGION}/layanan/${id}`);
      await page.getByRole('heading', { name: 'Tindak lanjut hasil survei' }).waitFor();
      await check(page, 'desktop', 'service');
      await page.goto(`/portal/${REGION}/layanan/${id}/survei`);
      await page.locator('fieldset[data-question]').first().waitFor();
      await check(page, 'desktop', 'survey');
      await page.goto(`/kiosk/${id}`);
      await page.getByRole('button', { name: 'Mulai survei' }).click();
      await page.getByText('Pertanyaan 1 dari 9').waitFor();
      await check(page, 'desktop', 'kiosk-question');
      await page.goto(`/portal/${REGION}/pengaduan?layanan=${id}`);
      await page.getByText(`Tentang layanan: ${SURVEY_SERVICE}`).waitFor();
      await check(page, 'desktop', 'complaint-form');
      if (trackingCode) {
        await page.goto(`/pengaduan/${trackingCode}`);
        await page.getByText('Status saat ini: Selesai').waitFor();
        await check(page, 'desktop', 'status-closed');
      }
    } finally {
      await context.close();
    }
  });
});
