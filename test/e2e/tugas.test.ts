import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserFlow, DEMO_PASSWORD, logIn, PHONE } from './support.ts';

const REGION = '19.71';
const NOTE = 'Lengkapi daftar dataset yang sudah terbit di portal Satu Data.';

const { openContext, check, server } = browserFlow('tugas');
let innovationId = '';

/** A signed-in API caller for the setup steps (the same endpoints the web app calls). */
async function apiAs(username: string) {
  const base = server().baseUrl;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
}

beforeAll(async () => {
  // Diskominfo's carried-over draft of 2026: submitted by its operator, returned by the verifier with a note.
  const operator = await apiAs('operator.demo');
  const list = await operator<{ items: { id: string; name: string; status: string; year: number }[] }>(
    'GET',
    `/api/v1/regions/${REGION}/innovations?q=${encodeURIComponent('Pangkalpinang Satu Data')}&status=draft`,
  );
  const draft = list.items.find((i) => i.name === 'Pangkalpinang Satu Data');
  if (!draft) throw new Error('the demo has no Diskominfo draft');
  innovationId = draft.id;
  const before = await operator<{ version: number }>('GET', `/api/v1/regions/${REGION}/innovations/${innovationId}`);
  await operator('POST', `/api/v1/regions/${REGION}/innovations/${innovationId}/transition`, { action: 'submit', version: before.version });
  const verifier = await apiAs('verifikator.demo');
  const submitted = await verifier<{ version: number }>('GET', `/api/v1/regions/${REGION}/innovations/${innovationId}`);
  await verifier('POST', `/api/v1/regions/${REGION}/innovations/${innovationId}/transition`, {
    action: 'return',
    version: submitted.version,
    notes: { hasil: 'Sebutkan jumlah dataset sebelum dan sesudah.' },
    note: NOTE,
  });
});

async function logInAs(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await logIn(page, username, DEMO_PASSWORD);
  await page.getByRole('heading', { name: 'Tugas saya' }).waitFor();
}

async function seeOperatorTasks(page: Page): Promise<void> {
  const returned = page.getByRole('region', { name: 'Inovasi dikembalikan' });
  await returned.getByRole('link', { name: 'Pangkalpinang Satu Data' }).waitFor();
  expect(await returned.getByText(`Catatan verifikator: ${NOTE}`).count()).toBe(1);

  const reports = page.getByRole('region', { name: 'Laporan program kota cerdas' });
  await reports.waitFor();
  // Overdue in words (not colour alone), with the quarter the report is owed for.
  expect(await reports.getByText(/^Terlambat, tenggat /).count()).toBeGreaterThan(0);
  expect(await reports.getByText(/^Laporan \d{4} TW[1-4]$/).count()).toBeGreaterThan(0);
  expect(await reports.getByText(/\d+ terlambat/).count()).toBe(1);
  // The "modules will come" note is gone.
  expect(await page.getByText('akan muncul begitu tersedia').count()).toBe(0);
}

describe('Tugas saya', () => {
  it('the operator sees the returned innovation with the note and the overdue programme reports, and opens the innovation', async () => {
    const context = await openContext();
    const page = await context.newPage();
    await logInAs(page, 'operator.demo');
    await seeOperatorTasks(page);
    // The overdue kinds come first: the programme reports' card precedes the drafts'.
    const headings = await page.getByRole('heading', { level: 3 }).allTextContents();
    expect(headings.indexOf('Laporan program kota cerdas')).toBeLessThan(headings.indexOf('Draf inovasi unit'));
    await check(page, 'desktop', 'operator');

    await page.getByRole('region', { name: 'Inovasi dikembalikan' }).getByRole('link', { name: 'Pangkalpinang Satu Data' }).click();
    await page.waitForURL(`**/inovasi/${innovationId}`);
    await page.getByRole('heading', { name: 'Pangkalpinang Satu Data' }).first().waitFor();
    await context.close();
  });

  it('the same on a phone', async () => {
    const context = await openContext(PHONE);
    const page = await context.newPage();
    await logInAs(page, 'operator.demo');
    await seeOperatorTasks(page);
    await check(page, 'phone', 'operator');
    await context.close();
  });

  it('the verifier finds the queue, the judge the entries to score, and the leader is told there is nothing to do', async () => {
    const context = await openContext();
    const page = await context.newPage();
    await logInAs(page, 'verifikator.demo');
    const queue = page.getByRole('region', { name: 'Menunggu verifikasi' });
    await queue.waitFor();
    expect(await queue.getByRole('link').count()).toBeGreaterThan(0);
    await check(page, 'desktop', 'verifikator');
    await context.close();

    const judgeContext = await openContext(PHONE);
    const judgePage = await judgeContext.newPage();
    await logInAs(judgePage, 'juri.demo');
    const judging = judgePage.getByRole('region', { name: 'Peserta yang harus dinilai' });
    await judging.waitFor();
    expect(await judging.getByText(/^Praseleksi KIPP 2026 · Penilaian proposal$/).count()).toBeGreaterThan(0);
    await check(judgePage, 'phone', 'juri');
    await judgeContext.close();

    const phone = await openContext(PHONE);
    const leader = await phone.newPage();
    await logInAs(leader, 'pimpinan.demo');
    await leader.getByRole('heading', { name: 'Tidak ada tugas' }).waitFor();
    await check(leader, 'phone', 'pimpinan');
    await phone.close();
  });
});
