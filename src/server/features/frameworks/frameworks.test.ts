/** The public scoring endpoint and the `sinergi evaluate` command give the published numbers. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, startTestApp, type TestApp } from '../../../../test/support/harness.ts';

/** Kementerian Kominfo, SPBE 2024: D1 5,00 D2 5,00 D3 3,45 (38/11) D4 5,00 → 4,75 Memuaskan (exactly 4.745). */
function kominfo2024(): Record<string, number> {
  const levels = [...Array(20).fill(5), 4, 4, 4, 3, 3, 3, 3, 4, 3, 4, 3, ...Array(16).fill(5)] as number[];
  return Object.fromEntries(levels.map((l, i) => [String(i + 1), l]));
}

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await startTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'sinergi-eval-'));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('POST /api/v1/frameworks/:id/evaluate (public, stores nothing)', () => {
  it('reproduces the published SPBE index of Kominfo 2024 with half-up rounding', async () => {
    const res = await anonymous(t.app).post('/api/v1/frameworks/spbe-2020/evaluate', { values: kominfo2024() });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.framework).toBe('spbe-2020');
    expect(body.index).toBe('4.75');
    expect(body.predicate).toBe('Memuaskan');
    expect(body.nodes.D3.index).toBe('3.45');
    expect(typeof body.nodes.D3.explanation).toBe('string');
  });

  it('names the indicator of a bad input instead of counting it as zero', async () => {
    const values = { ...kominfo2024(), '7': 6 };
    const res = await anonymous(t.app).post('/api/v1/frameworks/spbe-2020/evaluate', { values });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { field: string }) => i.field)).toEqual(['7']);
    const missing = { ...kominfo2024() };
    delete missing['12'];
    const res2 = await anonymous(t.app).post('/api/v1/frameworks/spbe-2020/evaluate', { values: missing });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.issues[0].field).toBe('12');
  });

  it('answers 404 for an unknown framework and lists the shipped ones', async () => {
    expect((await anonymous(t.app).post('/api/v1/frameworks/spbe-1999/evaluate', { values: {} })).statusCode).toBe(404);
    const list = await anonymous(t.app).get('/api/v1/frameworks');
    expect(
      list
        .json()
        .items.map((f: { id: string }) => f.id)
        .sort(),
    ).toEqual(['iid-2023', 'iid-2026', 'ikm-2017', 'pemdi-2026', 'smartcity-2021', 'spbe-2020'].sort());
  });
});

describe('sinergi evaluate', () => {
  it('prints the same result as JSON', () => {
    const input = path.join(dir, 'kominfo.json');
    writeFileSync(input, JSON.stringify({ values: kominfo2024() }));
    const out = execFileSync(process.execPath, ['bin/sinergi.js', 'evaluate', '--framework', 'spbe-2020', '--input', input], {
      encoding: 'utf8',
    });
    const result = JSON.parse(out);
    expect(result.index).toBe('4.75');
    expect(result.nodes.D3.index).toBe('3.45');
  });

  it('fails with the indicator named on bad input', () => {
    const input = path.join(dir, 'bad.json');
    writeFileSync(input, JSON.stringify({ values: { ...kominfo2024(), '99': 3 } }));
    const res = spawnSync(process.execPath, ['bin/sinergi.js', 'evaluate', '-f', 'spbe-2020', '-i', input], { encoding: 'utf8' });
    expect(res.status).not.toBe(0);
    expect(res.stderr).toMatch(/99/);
  });
});
