/**
 * What a region's staff asked for, seen as a new user sees it, on a desktop and a phone, in Indonesian
 * and English: the target dashboard keeps each unit's counts and status on screen (cards on a phone);
 * the innovation list keeps status on a phone and marks what is late after the window closed; a
 * returned innovation shows the verifier's general note in its banner; the audit log says actions in
 * words and names records with a link. axe-core finds no serious violation on these pages, and a
 * screenshot of each lands in test-results/targets-<page>-<language>-<viewport>.png.
 *
 * Needs `npm run build` first and Debian's chromium at /usr/bin/chromium.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFlow, DEMO_PASSWORD, logIn } from './support.ts';

const VIEWPORTS = [
  { name: 'desktop', size: { width: 1280, height: 900 } },
  { name: 'phone', size: { width: 390, height: 844 } },
] as const;

const { openContext, check } = browserFlow('targets');

for (const viewport of VIEWPORTS) {
  for (const language of ['id', 'en'] as const) {
    describe(`targets, innovations and audit on a ${viewport.name} screen in ${language}`, () => {
      let context: BrowserContext | undefined;
      let page: Page;
      const name = (page: string) => `${page}-${language}`;
      const isPhone = viewport.name === 'phone';
      const words = language === 'id' ? { meets: /Memenuhi|Kurang \d/, late: 'Terlambat' } : { meets: /Meets it|\d short/, late: 'Late' };

      beforeAll(async () => {
        context = await openContext(viewport.size);
        await context.addInitScript((lang) => window.localStorage.setItem('sinergi.language', lang), language);
        page = await context.newPage();
        page.setDefaultTimeout(20_000);
        await page.goto('/');
        if (language === 'id') await logIn(page, 'admin.demo', DEMO_PASSWORD);
        else {
          await page.getByLabel('Username or email').fill('admin.demo');
          await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
          await page.getByRole('button', { name: 'Log in', exact: true }).click();
        }
        await page.getByRole('heading', { name: 'Kota Pangkal Pinang', level: 1 }).waitFor();
      });

      afterAll(async () => {
        await context?.close();
      });

      it('keeps every unit with its counts and status on the target dashboard', async () => {
        await page.goto('/capaian-target');
        const units = isPhone ? page.locator('[data-unit-card]') : page.locator('table tbody tr').filter({ has: page.locator('[data-unit-status]') });
        await units.first().waitFor();
        const first = units.first();
        await expect.poll(() => first.locator('[data-unit-status]').textContent()).toMatch(words.meets);
        // The counts are on screen, not scrolled out of view.
        const box = await first.boundingBox();
        const status = await first.locator('[data-unit-status]').boundingBox();
        expect(box && status && status.x + status.width <= viewport.size.width).toBe(true);
        await check(page, viewport.name, name('dashboard'));
      });

      it('shows status on the innovation list and marks late ones', async () => {
        await page.goto('/inovasi?status=draft');
        const rows = isPhone ? page.locator('[data-innovation-card]') : page.locator('table[aria-busy="false"] tbody tr');
        await rows.first().waitFor();
        // The demo's newest period closed before today's date in the test run only when it did: then each draft is late.
        const late = await page.locator('[data-late]').count();
        const periodClosed = await page.evaluate(async () => {
          const res = await fetch('/api/v1/regions/19.71/periods');
          const body = (await res.json()) as { items: { closesOn: string }[] };
          const today = new Date().toISOString().slice(0, 10);
          return (body.items[0]?.closesOn ?? '9999') < today;
        });
        expect(late > 0).toBe(periodClosed);
        if (late > 0) expect(await page.locator('[data-late]').first().textContent()).toContain(words.late);
        if (isPhone) {
          const card = rows.first();
          const statusBox = await card.locator('.mantine-Badge-root').first().boundingBox();
          expect(statusBox && statusBox.x + statusBox.width <= viewport.size.width).toBe(true);
        }
        await check(page, viewport.name, name('innovations'));
      });

      it("shows the verifier's general note in the returned banner", async () => {
        // The demo's returned innovations carry field notes only: the verifier returns one more, with a general note.
        const returned = await page.evaluate(async (generalNote) => {
          const api = '/api/v1/regions/19.71/innovations';
          const find = async () => {
            const body = (await (await fetch(`${api}?status=dikembalikan&pageSize=50`)).json()) as { items: { id: string }[] };
            for (const item of body.items) {
              const detail = (await (await fetch(`${api}/${item.id}`)).json()) as { id: string; timeline: { action: string; note: string | null }[] };
              const note = detail.timeline.filter((e) => e.action === 'return' && e.note).at(-1)?.note;
              if (note) return { id: detail.id, note };
            }
            return null;
          };
          const found = await find();
          if (found) return found;
          const submitted = (await (await fetch(`${api}?status=diajukan&pageSize=1`)).json()) as { items: { id: string }[] };
          const first = submitted.items[0];
          if (!first) return null;
          const target = (await (await fetch(`${api}/${first.id}`)).json()) as { id: string; version: number };
          const res = await fetch(`${api}/${target.id}/transition`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ action: 'return', version: target.version, notes: { hasil: 'Tambahkan angka capaian.' }, note: generalNote }),
          });
          return res.ok ? find() : null;
        }, 'Secara umum inovasi ini baik; lengkapi data capaian sebelum dan sesudah, lalu ajukan lagi.');
        expect(returned, 'the demo has a returned innovation with a note').not.toBeNull();
        if (!returned) return;
        await page.goto(`/inovasi/${returned.id}`);
        const note = page.locator('[data-returned-notice] [data-returned-note]');
        await note.waitFor();
        expect(await note.textContent()).toContain(returned.note.trim().slice(0, 40));
        await check(page, viewport.name, name('returned'));
      });

      it('says actions in words and names records with a link in the audit log', async () => {
        await page.goto('/log-audit?entityType=innovation');
        const table = page.locator('table[aria-busy="false"]');
        await table.waitFor();
        const action = table.locator('[data-audit-action]').first();
        await action.waitFor();
        const code = (await action.getAttribute('data-audit-action')) ?? '';
        expect(await action.textContent()).not.toBe(code);
        expect(await action.textContent()).not.toMatch(/^[a-z_]+\.[a-z_.]+$/);
        const record = table.locator('a[data-audit-record]').first();
        await record.waitFor();
        expect(await record.getAttribute('href')).toMatch(/^\/inovasi\/[0-9a-f-]{36}/);
        await table.getByRole('button').first().click();
        await page.locator('[data-audit-values], [data-audit-diff]').first().waitFor();
        await check(page, viewport.name, name('audit'));
      });
    });
  }
}
