/**
 * IGA nominee preparation and set-up editing in the browser, on the real server with the demo data:
 * the admin edits a competition's set-up from its page (prefilled form; a stale edit is told plainly;
 * a competition with a locked stage offers no edit), sees the demo preparation's "Gladi presentasi"
 * and its nominees' field validation; `juri.demo` fills part of a nominee's checklist from the judging
 * page and the readiness moves. axe-core checks each page on a desktop and a phone screen; screenshots
 * land in test-results/kompetisi-iga-*.png.
 *
 * Needs `npm run build` first and Debian's chromium at /usr/bin/chromium.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserFlow, choose, DEMO_PASSWORD, logIn, SCREENSHOTS } from './support.ts';

const REGION = '19.71';
const API = `/api/v1/regions/${REGION}/competitions`;
const IGA = 'Persiapan Nominee IGA 2026';

const VIEWPORTS = [
  { name: 'desktop', size: { width: 1280, height: 800 } },
  { name: 'phone', size: { width: 390, height: 844 } },
] as const;

const { openContext, check, server } = browserFlow('kompetisi-iga');

async function signedIn(
  username: string,
  size: { width: number; height: number } = VIEWPORTS[0].size,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await openContext(size);
  const page = await context.newPage();
  await page.goto('/masuk');
  await logIn(page, username, DEMO_PASSWORD);
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
  return { context, page };
}

async function api<T>(page: Page, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(url, { method, ...(data === undefined ? {} : { data }), headers: { origin: server().baseUrl } });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

interface Detail {
  id: string;
  name: string;
  version: number;
  kind: string;
  year: number;
  description: string;
  categories: unknown[];
  eligibility: Record<string, unknown>;
  sections: unknown[];
  stages: {
    code: string;
    startsOn: string;
    endsOn: string;
    rubricCode: string | null;
    judgesPerEntry: number;
    weight: string;
    normalise: boolean;
    advanceKind: string;
  }[];
}

function inputOf(d: Detail) {
  return {
    name: d.name,
    year: d.year,
    kind: d.kind,
    description: d.description,
    categories: d.categories,
    eligibility: d.eligibility,
    sections: d.sections,
    stages: d.stages.map((s) =>
      s.rubricCode
        ? {
            code: s.code,
            startsOn: s.startsOn,
            endsOn: s.endsOn,
            rubricCode: s.rubricCode,
            judgesPerEntry: s.judgesPerEntry,
            weight: s.weight,
            normalise: s.normalise,
          }
        : { code: s.code, startsOn: s.startsOn, endsOn: s.endsOn },
    ),
  };
}

async function igaId(page: Page): Promise<string> {
  const list = await api<{ items: { id: string; name: string }[] }>(page, 'GET', `${API}?pageSize=100`);
  const found = list.items.find((c) => c.name === IGA);
  if (!found) throw new Error('the demo IGA preparation is missing');
  return found.id;
}

describe('editing a set-up and preparing IGA nominees', () => {
  let draftId = '';

  it('the admin edits a competition set-up from its page, and is told plainly when someone else changed it first', async () => {
    const { context, page } = await signedIn('admin.demo');
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const created = await api<Detail>(page, 'POST', API, {
      name: 'Gladi Nominee IGA Uji',
      year: 2026,
      kind: 'iga_nominee',
      categories: [{ code: 'nominee', name: 'Calon nominee' }],
      eligibility: {
        requireVerified: true,
        allowedTahapan: ['penerapan'],
        minYearsSincePenerapan: 0,
        requireInnovatorSk: false,
        maxEntriesPerUnit: null,
      },
      sections: [{ code: 'ringkasan', title: 'Ringkasan', guidance: '', wordLimit: 300 }],
      stages: [
        { code: 'pendaftaran', startsOn: day(1), endsOn: day(10) },
        {
          code: 'presentasi',
          startsOn: day(11),
          endsOn: day(15),
          rubricCode: 'rubrik-iga-presentasi-2023',
          judgesPerEntry: 2,
          weight: '100',
          normalise: false,
        },
        { code: 'penetapan', startsOn: day(16), endsOn: day(20) },
      ],
    });
    draftId = created.id;
    await page.goto(`/kompetisi/${draftId}`);
    await page.getByRole('cell', { name: 'Gladi presentasi' }).waitFor();
    await page.getByRole('button', { name: 'Ubah pengaturan' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel('Nama kompetisi').inputValue()).toBe('Gladi Nominee IGA Uji');
    await dialog.getByLabel('Nama kompetisi').fill('Gladi Nominee IGA Uji (diubah)');
    await check(page, 'desktop', 'edit-form');
    await dialog.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Gladi Nominee IGA Uji (diubah)', level: 1 }).waitFor();
    const saved = await api<Detail>(page, 'GET', `${API}/${draftId}`);
    expect(saved.name).toBe('Gladi Nominee IGA Uji (diubah)');
    expect(saved.version).toBe(created.version + 1);
    expect(saved.stages.map((s) => s.code)).toEqual(['pendaftaran', 'presentasi', 'penetapan']);

    // Someone else saves while the form is open: the save is refused with a plain message.
    await page.getByRole('button', { name: 'Ubah pengaturan' }).click();
    await expect.poll(() => dialog.getByLabel('Nama kompetisi').inputValue()).toBe('Gladi Nominee IGA Uji (diubah)');
    await api(page, 'PUT', `${API}/${draftId}`, { ...inputOf(saved), description: 'Diubah admin lain.', version: saved.version });
    await dialog.getByLabel('Nama kompetisi').fill('Tabrakan');
    await dialog.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await dialog.getByText('Kompetisi sudah diubah orang lain').waitFor();
    expect((await api<Detail>(page, 'GET', `${API}/${draftId}`)).name).toBe('Gladi Nominee IGA Uji (diubah)');
    await context.close();
  });

  it('the admin cannot edit the demo preparation whose stages are locked, and sees its nominees and readiness', async () => {
    for (const viewport of VIEWPORTS) {
      const { context, page } = await signedIn('admin.demo', viewport.size);
      const id = await igaId(page);
      await page.goto(`/kompetisi/${id}`);
      await page.getByRole('cell', { name: 'Gladi presentasi' }).waitFor();
      await expect.poll(() => page.getByRole('button', { name: 'Ubah pengaturan' }).isDisabled()).toBe(true);
      await page.getByText('Pengaturan tidak dapat diubah lagi').waitFor();
      await check(page, viewport.name, 'overview');
      await page.getByRole('tab', { name: 'Validasi lapangan' }).click();
      await page
        .getByText(/Kesiapan \d/)
        .first()
        .waitFor();
      await expect.poll(() => page.getByText(/^Kesiapan \d/).count()).toBe(3);
      await check(page, viewport.name, 'nominees');
      await context.close();
    }
  });

  it('juri.demo fills part of a nominee checklist from the judging page and the readiness moves', async () => {
    const { context, page } = await signedIn('juri.demo');
    await page.goto('/penjurian');
    await page.getByRole('heading', { name: 'Validasi lapangan nominee IGA' }).waitFor();
    // The rehearsal sheets carry the preparation's own name for the presentation stage.
    await page.getByText('Gladi presentasi').first().waitFor();
    const mine = await api<{
      items: {
        competitionId: string;
        entryId: string;
        innovationName: string;
        counts: { belum_diperiksa: number };
        total: number;
        readiness: string;
      }[];
    }>(page, 'GET', `${API}/field-checks`);
    const fresh = mine.items.find((i) => i.counts.belum_diperiksa === i.total);
    if (!fresh) throw new Error('no unchecked nominee in the demo');
    await page.getByRole('region', { name: 'Validasi lapangan nominee', exact: true }).getByRole('link', { name: fresh.innovationName }).click();
    await page.waitForURL(/\/validasi\//);
    await page.getByText('Kesiapan 0%').first().waitFor();
    await check(page, 'desktop', 'checklist');
    const checklist = await api<{ lines: { indicatorId: string }[] }>(page, 'GET', `${API}/${fresh.competitionId}/field-checks/${fresh.entryId}`);
    const [a, b] = checklist.lines.map((l) => l.indicatorId);
    await choose(page, page.getByRole('combobox', { name: `Status indikator ${a}` }), 'Sesuai');
    await page.getByRole('textbox', { name: `Catatan indikator ${a}` }).fill('SK asli diperlihatkan.');
    await page
      .getByRole('region', { name: new RegExp(`^${a}\\. `) })
      .getByRole('button', { name: 'Simpan' })
      .click();
    await page.getByText(`Pemeriksaan indikator ${a} disimpan`).waitFor();
    await choose(page, page.getByRole('combobox', { name: `Status indikator ${b}` }), 'Perlu perbaikan');
    await page
      .getByRole('region', { name: new RegExp(`^${b}\\. `) })
      .getByRole('button', { name: 'Simpan' })
      .click();
    await page.getByText(`Pemeriksaan indikator ${b} disimpan`).waitFor();
    const total = checklist.lines.length;
    const expected = (Math.round((1 / total) * 1000 + 1e-9) / 10).toFixed(1);
    const after = await api<{ readiness: string; counts: Record<string, number> }>(
      page,
      'GET',
      `${API}/${fresh.competitionId}/field-checks/${fresh.entryId}`,
    );
    expect(after.readiness).toBe(expected);
    expect(after.counts).toMatchObject({ sesuai: 1, perlu_perbaikan: 1, belum_diperiksa: total - 2 });
    await page
      .getByText(`Kesiapan ${expected.replace('.', ',').replace(/,0$/, '')}%`)
      .first()
      .waitFor();
    await check(page, 'desktop', 'checklist-filled');
    await context.close();

    const phone = await signedIn('juri.demo', VIEWPORTS[1].size);
    await phone.page.goto(`/kompetisi/${fresh.competitionId}/validasi/${fresh.entryId}?dari=penjurian`);
    await phone.page.getByText('SK asli diperlihatkan.').waitFor({ state: 'attached' });
    await check(phone.page, 'phone', 'checklist');
    // The first screenful as a phone shows it, for a person to look at (the full page is very long).
    await phone.page.screenshot({ path: path.join(SCREENSHOTS, 'kompetisi-iga-checklist-phone-top.png') });
    await phone.context.close();
  });
});
