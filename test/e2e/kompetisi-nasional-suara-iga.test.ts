/**
 * A national competition's public vote and IGA nominee preparation in the browser, on the real server
 * with the demo data in Chromium and a real SMTP conversation. The set-up the national admin and the
 * regions' admins make through the pages is done through the API here (the flow of
 * kompetisi-nasional.test.ts shows those pages): a national KIPP pre-selection with entries of Kota
 * Palangka Raya and Kota Banjarmasin screened in, and a national IGA preparation with the same two
 * nominees. In the browser: the national admin enables the vote from the competition's "Suara publik"
 * tab; a citizen on a phone sees each finalist with its region, votes with the code from the mail and is
 * counted once (a second vote from the same address is refused); the national admin opens the "Validasi
 * lapangan" tab and records a check on a nominee's checklist; Pangkalpinang's judge, on the gladi's
 * panel, finds both nominees on their judging page. axe-core checks every view on a desktop and a phone;
 * screenshots land in test-results/kompetisi-nasional-suara-iga-*.png.
 *
 * Needs `npm run build` first (CI does it) and Debian's chromium at /usr/bin/chromium.
 */
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFlow, choose, DESKTOP, indonesianLeftovers, logInInEnglish, PHONE } from './support.ts';

const mails: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer | undefined;

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
  process.env.SINERGI_SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.SINERGI_SMTP_URL;
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

const { openContext, check, logInAs, server } = browserFlow('kompetisi-nasional-suara-iga');
const NATIONAL_API = '/api/v1/national/competitions';
const VOTE_NAME = 'Praseleksi KIPP Nasional Uji Suara';
const IGA_NAME = 'Persiapan Nominee IGA Nasional Uji';
const VOTER = 'warga.kalimantan@example.id';
/** The entering regions: their admins enter a unit's innovation on its behalf. */
const ENTRANTS = [
  { region: '62.71', admin: 'admin.palangkaraya.demo', regionName: 'Kota Palangkaraya' },
  { region: '63.71', admin: 'admin.banjarmasin.demo', regionName: 'Kota Banjarmasin' },
] as const;

let voteId = '';
let igaId = '';
/** The first nominee's field checklist page. */
let checklistPath = '';
const igaEntries: string[] = [];

/** The text of a received mail, whatever transfer encoding nodemailer chose. */
function textOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  if (/Content-Transfer-Encoding: base64/i.test(raw)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

async function waitForCode(to: string): Promise<string> {
  // Sent right after the request; the outbox job (once a minute) would be the retry.
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const mail = mails.find((m) => m.to.includes(to));
    const code = mail ? /Kode konfirmasi suara Anda: (\d{6})/.exec(textOf(mail.raw))?.[1] : undefined;
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no code mailed to ${to}:\n${server().output()}`);
}

/** A signed-in browser context whose page calls the API as that account (same origin, so writes pass). */
async function signedIn(username: string, size = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await openContext(size);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await logInAs(page, username, '/');
  return { context, page };
}

async function call<T>(page: Page, method: 'GET' | 'POST' | 'PUT', url: string, data?: object): Promise<T> {
  const response = await page.request.fetch(url, { method, headers: { origin: server().baseUrl }, ...(data ? { data } : {}) });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const setup = (name: string, kind: string, scored: object) => ({
  name,
  year: 2026,
  kind,
  categories: [{ code: 'umum', name: 'Kelompok umum' }],
  eligibility: { requireVerified: true, allowedTahapan: [], minYearsSincePenerapan: 0, requireInnovatorSk: false, maxEntriesPerUnit: null },
  sections: [{ code: 'tujuan', title: 'Tujuan', guidance: '', wordLimit: 100 }],
  stages: [
    { code: 'pendaftaran', startsOn: day(-3), endsOn: day(3) },
    ...(kind === 'iga_nominee' ? [] : [{ code: 'seleksi_administrasi', startsOn: day(4), endsOn: day(6) }]),
    { startsOn: day(7), endsOn: day(12), rubricCode: 'rubrik-iga-presentasi-2023', judgesPerEntry: 1, weight: '100', normalise: false, ...scored },
    { code: 'penetapan', startsOn: day(13), endsOn: day(15) },
  ],
  participantRegions: ['62', '63'],
});

type Detail = { id: string; stages: { id: string; code: string }[] };

/** Each entering region's admin enters its first eligible verified innovation and submits it. */
async function enterBoth(competitionId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const e of ENTRANTS) {
    const { context, page } = await signedIn(e.admin);
    const base = `/api/v1/regions/${e.region}/competitions/${competitionId}`;
    const candidates = await call<{ items: { id: string; eligible: boolean; alreadyEntered: boolean }[] }>(
      page,
      'GET',
      `${base}/candidates?category=umum`,
    );
    const pick = candidates.items.find((c) => c.eligible && !c.alreadyEntered);
    expect(pick, `an eligible innovation in ${e.region}`).toBeDefined();
    const entry = await call<{ id: string; version: number }>(page, 'POST', `${base}/entries`, { innovationId: pick?.id, category: 'umum' });
    await call(page, 'PUT', `${base}/entries/${entry.id}`, {
      sections: { tujuan: 'Mendekatkan layanan kepada warga di kelurahan yang jauh dari kantor dinas.' },
      version: entry.version,
    });
    await call(page, 'POST', `${base}/entries/${entry.id}/submit`);
    ids.push(entry.id);
    await context.close();
  }
  return ids;
}

describe('a national competition’s public vote', () => {
  it('the national admin enables it from the "Suara publik" tab', async () => {
    const { context, page } = await signedIn('nasional.demo');
    const created = await call<Detail>(page, 'POST', NATIONAL_API, setup(VOTE_NAME, 'kipp_preselection', { code: 'penilaian_proposal' }));
    voteId = created.id;
    await call(page, 'POST', `${NATIONAL_API}/${voteId}/open`);
    const entries = await enterBoth(voteId);
    const registration = created.stages.find((s) => s.code === 'pendaftaran')?.id;
    await call(page, 'POST', `${NATIONAL_API}/${voteId}/stages/${registration}/lock`);
    for (const entry of entries)
      await call(page, 'POST', `${NATIONAL_API}/${voteId}/entries/${entry}/screening`, { decision: 'lolos', reason: 'Berkas lengkap' });

    await page.goto(`/kompetisi-nasional/${voteId}?tab=suara`);
    await page.getByRole('heading', { name: 'Suara publik belum diaktifkan' }).waitFor();
    await check(page, 'desktop', 'vote-setup');
    await page.getByLabel('Porsi nilai akhir (%)').fill('20');
    await page.getByLabel('Tampilkan jumlah suara selama pemilihan berlangsung').check({ force: true });
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.getByText('Pengaturan suara publik tersimpan.').waitFor();
    await page.getByRole('heading', { name: 'Jumlah suara per finalis' }).waitFor();
    for (const e of ENTRANTS)
      await page
        .getByRole('cell', { name: new RegExp(e.regionName) })
        .first()
        .waitFor();
    await check(page, 'desktop', 'vote-admin');
    await context.close();
  }, 120_000);

  it('a citizen on a phone sees each finalist’s region, votes with the mailed code, and is counted once', async () => {
    const context = await openContext(PHONE);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`/kompetisi/${voteId}/pilih`);
    await page.getByRole('heading', { name: `Suara publik: ${VOTE_NAME}` }).waitFor();
    await page.getByText('Kompetisi tingkat nasional: finalis berasal dari berbagai daerah.').waitFor();
    for (const e of ENTRANTS) await page.getByText(new RegExp(`· ${e.regionName} ·`)).waitFor();
    const choices = page.getByRole('button', { name: /^Pilih\s*:/ });
    expect(await choices.count()).toBe(2);
    await choices.first().click();
    await page.getByRole('button', { name: /^Dipilih\s*:/, pressed: true }).waitFor();
    await check(page, 'phone', 'vote-citizen-pick');
    await page.getByLabel('Alamat surel').fill(VOTER);
    await page.getByRole('button', { name: 'Kirim kode' }).click();
    await page.getByRole('heading', { name: 'Masukkan kode' }).waitFor();
    const code = await waitForCode(VOTER);
    await page.getByLabel('Angka ke-1 kode konfirmasi').click();
    await page.keyboard.type(code);
    await page.getByRole('button', { name: 'Konfirmasi suara' }).click();
    await page.getByText('Suara Anda tercatat').waitFor();
    await page.getByText('1 suara', { exact: true }).waitFor();
    await check(page, 'phone', 'vote-citizen-counted');

    // The same address again, on the other finalist: refused.
    await page.reload();
    await page
      .getByRole('button', { name: /^Pilih\s*:/ })
      .last()
      .click();
    await page.getByLabel('Alamat surel').fill(VOTER.toUpperCase());
    await page.getByRole('button', { name: 'Kirim kode' }).click();
    await page.getByText('Alamat surel ini sudah memberikan suara pada kompetisi ini.', { exact: false }).waitFor();
    await check(page, 'phone', 'vote-citizen-again', { fromTop: true });
    const view = await call<{ finalists: { votes: number | null }[] }>(page, 'GET', `/api/v1/public/competitions/${voteId}/vote`);
    expect(view.finalists.map((f) => f.votes).reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(1);
    await context.close();

    const desktop = await openContext();
    const wide = await desktop.newPage();
    await wide.goto(`/kompetisi/${voteId}/pilih`);
    await wide.getByText('1 suara', { exact: true }).waitFor();
    await check(wide, 'desktop', 'vote-citizen');
    await desktop.close();
  }, 200_000);
});

describe('a national IGA nominee preparation', () => {
  it('the national admin sees both regions’ nominees and records a check on a checklist', async () => {
    const { context, page } = await signedIn('nasional.demo');
    const created = await call<Detail>(page, 'POST', NATIONAL_API, setup(IGA_NAME, 'iga_nominee', { code: 'presentasi' }));
    igaId = created.id;
    await call(page, 'POST', `${NATIONAL_API}/${igaId}/open`);
    igaEntries.push(...(await enterBoth(igaId)));
    await call(page, 'POST', `${NATIONAL_API}/${igaId}/stages/${created.stages.find((s) => s.code === 'pendaftaran')?.id}/lock`);
    // Pangkalpinang's judge sits on the gladi's panel: both nominees are of other regions.
    const rehearsal = created.stages.find((s) => s.code === 'presentasi')?.id;
    const candidates = await call<{ items: { id: string; username: string }[] }>(page, 'GET', `${NATIONAL_API}/${igaId}/judge-candidates`);
    const judge = candidates.items.find((c) => c.username === 'juri.demo');
    await call(page, 'POST', `${NATIONAL_API}/${igaId}/stages/${rehearsal}/panel`, { userId: judge?.id });
    await call(page, 'POST', `${NATIONAL_API}/${igaId}/stages/${rehearsal}/assignment`);

    await page.goto(`/kompetisi-nasional/${igaId}`);
    await page.getByRole('cell', { name: 'Gladi presentasi' }).waitFor();
    await page.goto(`/kompetisi-nasional/${igaId}?tab=validasi`);
    for (const e of ENTRANTS) await page.getByText(new RegExp(`· ${e.regionName}$`)).waitFor();
    await check(page, 'desktop', 'iga-nominees');
    await page.getByRole('region', { name: 'Validasi lapangan nominee', exact: true }).getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/kompetisi-nasional/${igaId}/validasi/[0-9a-f-]{36}$`));
    checklistPath = new URL(page.url()).pathname;
    await page.getByText('Kesiapan 0%').first().waitFor();
    const checklist = await call<{ lines: { indicatorId: string }[] }>(
      page,
      'GET',
      `${NATIONAL_API}/${igaId}/field-checks/${page.url().split('/').at(-1)}`,
    );
    const first = checklist.lines[0]?.indicatorId ?? '';
    await choose(page, page.getByRole('combobox', { name: `Status indikator ${first}` }), 'Sesuai');
    await page
      .getByRole('region', { name: new RegExp(`^${first}\\. `) })
      .getByRole('button', { name: 'Simpan' })
      .click();
    await page.getByText(`Pemeriksaan indikator ${first} disimpan`).waitFor();
    await page
      .getByText(/^Kesiapan [1-9]/)
      .first()
      .waitFor();
    await check(page, 'desktop', 'iga-checklist');
    await context.close();

    const phone = await signedIn('nasional.demo', PHONE);
    await phone.page.goto(`/kompetisi-nasional/${igaId}?tab=validasi`);
    await phone.page.getByText(new RegExp(`· ${ENTRANTS[0].regionName}$`)).waitFor();
    await check(phone.page, 'phone', 'iga-nominees');
    await phone.context.close();
  }, 150_000);

  it('Pangkalpinang’s judge finds both nominees on the judging page', async () => {
    for (const [viewport, size] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      const { context, page } = await signedIn('juri.demo', size);
      await page.goto('/penjurian');
      await page.getByRole('heading', { name: 'Penjurian', level: 1 }).waitFor();
      for (const e of ENTRANTS)
        await page
          .getByText(new RegExp(`· ${e.regionName}$`))
          .first()
          .waitFor();
      await check(page, viewport, 'iga-judge');
      await context.close();
    }
  }, 90_000);
});

describe('the same pages in English', () => {
  it('the vote’s set-up, the citizens’ vote page and the IGA nominees and checklist read in English and pass axe', async () => {
    const region = ENTRANTS[0].regionName;
    // Each view with what shows it has loaded (the checklist: the page's heading and a quiet network); the
    // citizens' page is opened before the national admin signs in.
    const views: { signedIn: boolean; to: string; name: string; ready?: (page: Page) => Locator }[] = [
      { signedIn: false, to: `/kompetisi/${voteId}/pilih`, name: 'en-vote-citizen', ready: (p) => p.getByText(new RegExp(`· ${region} ·`)) },
      {
        signedIn: true,
        to: `/kompetisi-nasional/${voteId}?tab=suara`,
        name: 'en-vote-admin',
        ready: (p) => p.getByRole('cell', { name: new RegExp(region) }),
      },
      {
        signedIn: true,
        to: `/kompetisi-nasional/${igaId}?tab=validasi`,
        name: 'en-iga-nominees',
        ready: (p) => p.getByText(new RegExp(`· ${region}$`)),
      },
      { signedIn: true, to: checklistPath, name: 'en-iga-checklist' },
    ];
    const leftovers: string[] = [];
    for (const [viewport, size] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const context = await openContext(size);
      await context.addInitScript(() => window.localStorage.setItem('sinergi.language', 'en'));
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      let signedIn = false;
      for (const view of views) {
        if (view.signedIn && !signedIn) {
          await logInInEnglish(page, 'nasional.demo');
          signedIn = true;
        }
        await page.goto(view.to);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await view.ready?.(page).first().waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe('en');
        await check(page, viewport, view.name);
        leftovers.push(...(await indonesianLeftovers(page)).map((found) => `${view.name} [${viewport}]: ${found}`));
      }
      await context.close();
    }
    expect(leftovers, leftovers.join('\n')).toEqual([]);
  }, 150_000);
});
