/**
 * The IID rules that are framework data rather than code: which urusan cover the yandas gate, which
 * verified innovations count, the eligibility window with its documented-development branch, and
 * indicator 33's measurement bases. Each rule is checked on the shipped file and on a variant that
 * changes only that setting, so the setting (not a constant) decides.
 */
import { describe, expect, it } from 'vitest';
import { parseFramework } from '../scoring/framework-registry.ts';
import { readShippedJson } from '../scoring/load-shipped.ts';
import { node, scoreErrors, scoreOk, shipped } from '../scoring/test-support.ts';
import { checkWindow, DEFAULT_IID_RULES, iidRulesOf } from './eligibility.ts';
import { figureOf, type IidOptions, projectIid } from './projection.ts';
import { iidStructure } from './structure.ts';
import { accepted, claim, gateOf, innovation, period, SID_IDS, SPD_IDS, variantOf, words, YANDAS_KEYS } from './test-support.ts';

const iid2026 = shipped('iid-2026');
const iid2023 = shipped('iid-2023');
const OPTIONS: IidOptions = { evidenceRequired: true };
const spdAt = (level: number) => Object.fromEntries(SPD_IDS.map((id) => [id, level]));
const sidAt = (level: number) => Object.fromEntries(SID_IDS.map((id) => [id, level]));

describe('yandas gate: which urusan count', () => {
  // Twelve innovations of Diskominfo, each naming all six yandas only as irisan.
  const kominfo = Array.from({ length: 12 }, () => ({ values: sidAt(1), urusanUtama: 'kominfo', urusanIrisan: [...YANDAS_KEYS] }));
  const withIrisan = variantOf('iid-2026', (json) => {
    gateOf(json).counts = 'utama-dan-irisan';
  });

  it('iid-2026 counts urusan utama only: yandas named only as irisan give no count score', () => {
    expect(iidRulesOf(iid2026).urusanCounted).toBe('utama');
    const result = scoreOk(iid2026, { spd: spdAt(1), innovations: kominfo });
    expect(node(result, 'jumlah').value).toBe('0');
    expect(node(result, 'jumlah').details).toEqual({ innovations: 12, yandas: 0 });
    expect(result.warnings.find((w) => w.code === 'YANDAS_SHORT')?.message).toContain('sebagai urusan utama');
  });

  it('a framework that counts irisan too gives the same twelve innovations 12 × 0.38', () => {
    const result = scoreOk(withIrisan, { spd: spdAt(1), innovations: kominfo });
    expect(node(result, 'jumlah').value).toBe('4.56');
    expect(result.warnings.map((w) => w.code)).not.toContain('YANDAS_SHORT');
  });

  it('five yandas as urusan utama meet the 2026 gate, whatever the irisan', () => {
    const five = Array.from({ length: 12 }, (_, i) => ({ values: sidAt(1), urusanUtama: YANDAS_KEYS[i % 5] ?? null, urusanIrisan: ['kominfo'] }));
    expect(node(scoreOk(iid2026, { spd: spdAt(1), innovations: five }), 'jumlah').value).toBe('4.56');
  });

  it('still reads the older "urusan" list, each entry as an urusan utama', () => {
    const old = Array.from({ length: 12 }, (_, i) => ({ values: sidAt(1), urusan: ['kominfo', YANDAS_KEYS[i % 5] ?? ''] }));
    expect(node(scoreOk(iid2026, { spd: spdAt(1), innovations: old }), 'jumlah').value).toBe('4.56');
  });

  it('refuses malformed urusan keys and an innovation that names none', () => {
    const base = { values: sidAt(1) };
    const first = (innovation: object) => scoreErrors(iid2026, { spd: spdAt(1), innovations: [innovation] })[0];
    expect(first({ ...base, urusanUtama: ['pendidikan'] })?.message).toContain('"urusanUtama" harus satu kunci');
    expect(first({ ...base, urusanUtama: 'kominfo', urusanIrisan: 'pendidikan' })?.message).toContain('"urusanIrisan" harus berupa daftar');
    expect(first(base)).toMatchObject({ innovation: 0, code: 'INVALID_INPUT' });
    // null utama with an empty irisan list is a valid innovation without urusan.
    expect(scoreOk(iid2026, { spd: spdAt(1), innovations: [{ ...base, urusanUtama: null, urusanIrisan: [] }] }).index).toBeDefined();
  });

  it('the projection counts coverage the way the engine does', () => {
    const innovations = Array.from({ length: 12 }, (_, i) => innovation(i, { utama: 'kominfo', irisan: [...YANDAS_KEYS] }));
    const data = period(new Map(), innovations);
    const strict = figureOf(projectIid(iid2026, data, OPTIONS).claimed);
    const loose = figureOf(projectIid(withIrisan, data, OPTIONS).claimed);
    expect([strict.yandasCovered, strict.jumlah, strict.urusanCounted]).toEqual([0, '0.00', 'utama']);
    expect([loose.yandasCovered, loose.jumlah, loose.urusanCounted]).toEqual([6, '4.56', 'utama-dan-irisan']);
  });
});

describe('verified basis: which verified innovations count', () => {
  const complete = Object.fromEntries(SID_IDS.map((id) => [id, accepted(2)]));
  // Fourteen verified innovations covering five yandas; one (the last) has a rancang bangun of 120 words.
  const innovations = Array.from({ length: 14 }, (_, i) =>
    innovation(i, { status: 'terverifikasi', answers: complete, rancangBangun: i === 13 ? words(120) : words(320) }),
  );
  const data = period(new Map(), innovations);
  const allVerified = variantOf('iid-2026', (json) => {
    (json.innovationRules as Record<string, unknown>).verifiedCounts = 'all-verified';
  });

  it('iid-2026 counts only eligible verified innovations in n, the divisor and the count score', () => {
    expect(iidRulesOf(iid2026).verifiedCounts).toBe('eligible-verified');
    const projection = projectIid(iid2026, data, OPTIONS);
    const figure = figureOf(projection.verified);
    expect([figure.innovations, figure.divisor, figure.jumlah]).toEqual([13, 13, '4.94']); // 13 × 0.38
    const short = projection.innovations.find((i) => i.id === 'inov-13');
    expect(short).toMatchObject({ countsForVerified: false, eligibilityProblems: ['RANCANG_BANGUN_SHORT'] });
    const warning = projection.warnings.find((w) => w.code === 'NOT_COUNTED_VERIFIED');
    expect(warning).toMatchObject({ basis: 'verified', innovationId: 'inov-13' });
    // The claimed basis still counts all fourteen.
    expect(figureOf(projection.claimed).innovations).toBe(14);
  });

  it('a framework that counts all verified innovations counts the fourteenth too', () => {
    const projection = projectIid(allVerified, data, OPTIONS);
    const figure = figureOf(projection.verified);
    expect([figure.innovations, figure.divisor, figure.jumlah]).toEqual([14, 14, '5.32']);
    expect(projection.warnings.map((w) => w.code)).not.toContain('NOT_COUNTED_VERIFIED');
  });

  it('a verified innovation with a mandatory indicator unclaimed is not eligible', () => {
    const { 35: _video, ...withoutVideo } = complete;
    const one = innovation(0, { status: 'terverifikasi', answers: withoutVideo });
    const projection = projectIid(iid2026, period(new Map(), [one]), OPTIONS);
    expect(projection.innovations[0]).toMatchObject({ countsForVerified: false, eligibilityProblems: ['MANDATORY_UNFILLED'] });
  });

  it('iid-2023 states its own setting: every verified innovation counts', () => {
    expect(iidRulesOf(iid2023).verifiedCounts).toBe('all-verified');
    expect(figureOf(projectIid(iid2023, data, OPTIONS).verified).innovations).toBe(14);
  });
});

describe('eligibility window, with the documented-development branch', () => {
  const window = iidRulesOf(iid2026).window;
  if (window === null) throw new Error('iid-2026 has no window');
  const dated = (waktuPenerapan: string | null, waktuPengembangan: string | null = null, uraianPengembangan = '') => ({
    waktuPenerapan,
    waktuPengembangan,
    uraianPengembangan,
  });

  it('is read from the framework file', () => {
    expect(window).toMatchObject({ from: '2024-01-01', to: '2025-12-31', developmentQualifies: true });
    expect(window.source).toContain('IV.B');
  });

  it('a first penerapan inside the window qualifies, edges included; after it never does', () => {
    expect(checkWindow(dated('2024-01-01'), window)).toEqual({ ok: true, through: 'penerapan' });
    expect(checkWindow(dated('2025-12-31'), window)).toEqual({ ok: true, through: 'penerapan' });
    expect(checkWindow(dated('2026-01-01', '2025-06-01', 'Diperluas'), window)).toMatchObject({ ok: false, reason: 'after' });
    expect(checkWindow(dated(null), window)).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('an innovation first applied before the window qualifies through a dated and described development inside it', () => {
    expect(checkWindow(dated('2021-03-01', '2025-02-10', 'Diperluas ke seluruh puskesmas'), window)).toEqual({ ok: true, through: 'pengembangan' });
    expect(checkWindow(dated('2021-03-01'), window)).toMatchObject({ ok: false, reason: 'before', development: 'none' });
    expect(checkWindow(dated('2021-03-01', '2023-12-31', 'Versi 2'), window)).toMatchObject({ ok: false, development: 'outside' });
    expect(checkWindow(dated('2021-03-01', '2025-02-10', '   '), window)).toMatchObject({ ok: false, development: 'undocumented' });
  });

  it('in the projection: the development keeps the old innovation eligible and counted as verified', () => {
    const complete = Object.fromEntries(SID_IDS.map((id) => [id, accepted(1)]));
    const old = innovation(0, { status: 'terverifikasi', answers: complete, waktuPenerapan: '2021-03-01' });
    const developed = { ...old, waktuPengembangan: '2025-02-10', uraianPengembangan: 'Diperluas ke seluruh puskesmas' };
    const before = projectIid(iid2026, period(new Map(), [old]), OPTIONS);
    const after = projectIid(iid2026, period(new Map(), [developed]), OPTIONS);
    expect(before.innovations[0]).toMatchObject({ countsForVerified: false, eligibilityProblems: ['PENERAPAN_OUTSIDE_WINDOW'] });
    expect(before.warnings.find((w) => w.code === 'PENERAPAN_OUTSIDE_WINDOW')?.message).toContain('pengembangan terbarunya');
    expect(after.innovations[0]).toMatchObject({ countsForVerified: true, eligibilityProblems: [] });
    expect(after.warnings.map((w) => w.code)).not.toContain('PENERAPAN_OUTSIDE_WINDOW');
  });

  it('a framework without the development branch refuses the same innovation', () => {
    const strict = variantOf('iid-2026', (json) => {
      const rules = json.innovationRules as { eligibility: { window: Record<string, unknown> } };
      rules.eligibility.window.developmentQualifies = false;
    });
    const rules = iidRulesOf(strict);
    if (rules.window === null) throw new Error('no window');
    expect(checkWindow(dated('2021-03-01', '2025-02-10', 'Diperluas'), rules.window)).toMatchObject({ ok: false, reason: 'before' });
  });

  it('a different window in an uploaded file moves the check without code', () => {
    const later = variantOf('iid-2026', (json) => {
      const rules = json.innovationRules as { eligibility: { window: Record<string, unknown> } };
      rules.eligibility.window.from = '2025-01-01';
      rules.eligibility.window.to = '2026-12-31';
    });
    const one = innovation(0, { waktuPenerapan: '2026-06-01', answers: { 16: claim(1) } });
    expect(projectIid(iid2026, period(new Map(), [one]), OPTIONS).innovations[0]?.eligibilityProblems).toContain('PENERAPAN_OUTSIDE_WINDOW');
    expect(projectIid(later, period(new Map(), [one]), OPTIONS).innovations[0]?.eligibilityProblems).not.toContain('PENERAPAN_OUTSIDE_WINDOW');
  });
});

describe('indicator 33: measurement bases a–f', () => {
  it('the 2026 file lists six bases, each describing levels 1–3 on the same points', () => {
    const i33 = iidStructure(iid2026).sid.find((i) => i.id === '33');
    expect(i33?.bases.map((b) => b.key)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(i33?.bases.every((b) => b.levels.map((l) => l.level).join() === '1,2,3')).toBe(true);
    expect(i33?.bases[0]?.levels[2]?.label).toContain('501');
  });

  it('a claim of 33 without its basis is warned about; with one it is not', () => {
    const answers = Object.fromEntries(SID_IDS.map((id) => [id, claim(2)]));
    const without = innovation(0, { answers });
    const withBasis = innovation(1, { answers: { ...answers, 33: { ...claim(2), basisUkur: 'b' } } });
    const warnings = projectIid(iid2026, period(new Map(), [without, withBasis]), OPTIONS).warnings.filter((w) => w.code === 'BASIS_UKUR_MISSING');
    expect(warnings.map((w) => [w.innovationId, w.indicatorId])).toEqual([['inov-0', '33']]);
  });

  it('the schema refuses a basis that does not describe exactly the scale levels, or a duplicated key', () => {
    const broken = structuredClone(readShippedJson('iid-2026')) as Record<string, unknown>;
    const text = JSON.stringify(broken).replace('"levels":[{"level":1,"label":"1–200 penerima manfaat"},', '"levels":[');
    const parsed = parseFramework(JSON.parse(text));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.message).join()).toContain('Basis ukur "a"');
  });
});

describe('rules a file leaves out take the documented default', () => {
  it('no innovationRules and no gate.counts: utama only, eligible verified only, 300 words, mandatory claimed, no window', () => {
    const bare = variantOf('iid-2026', (json) => {
      delete json.innovationRules;
      delete gateOf(json).counts;
    });
    expect(iidRulesOf(bare)).toEqual(DEFAULT_IID_RULES);
  });

  it('innovationRules belong to IID files only', () => {
    const spbe = structuredClone(readShippedJson('spbe-2020')) as Record<string, unknown>;
    spbe.innovationRules = { verifiedCounts: 'all-verified' };
    const parsed = parseFramework(spbe);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => e.path)).toContain('innovationRules');
  });
});
