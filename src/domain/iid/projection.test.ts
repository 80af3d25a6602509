import { describe, expect, it } from 'vitest';
import { isEvidenceTarget } from '../evidence/file-type.ts';
import { Ratio } from '../scoring/decimal.ts';
import { node, scoreOk, shipped } from '../scoring/test-support.ts';
import { iidRulesOf } from './eligibility.ts';
import { figureOf, type IidOptions, projectIid } from './projection.ts';
import { chooseIidFramework, iidStructure, sidEvidenceTarget } from './structure.ts';
import { accepted, claim, corrected, innovation, patternLevel, period, SID_IDS, SPD_IDS, spdAnswers, words, YANDAS_KEYS } from './test-support.ts';

const iid2026 = shipped('iid-2026');
const iid2023 = shipped('iid-2023');
const OPTIONS: IidOptions = { evidenceRequired: true };

const spdLevel = (k: number) => (k % 3) + 1;
const MANDATORY_SID = iidStructure(iid2026)
  .sid.filter((i) => i.mandatory)
  .map((i) => i.id);
/** The raw engine values of innovation `i` as the test-support pattern sets them. */
const patternValues = (i: number) => Object.fromEntries(SID_IDS.map((id, k) => [id, patternLevel(i, k)]));

describe('the structure of an IID framework', () => {
  it('splits 2026 into 20 SPD rows and 20 SID indicators, levels 0–3, divisor 12, maximum 250', () => {
    const s = iidStructure(iid2026);
    expect(s.spd.map((i) => i.id)).toEqual(SPD_IDS);
    expect(s.sid.map((i) => i.id).sort((a, b) => Number(a) - Number(b))).toEqual(SID_IDS);
    expect(s.sid.every((i) => i.levels.join() === '0,1,2,3')).toBe(true);
    expect(s.minDivisor).toBe(12);
    expect(s.base.toPlain()).toBe('250');
    expect(s.count?.scale.gate?.minimum).toBe(5);
    expect(s.sid.find((i) => i.id === '16')?.variable).toBe('Infrastruktur');
    expect(iidStructure(iid2023).minDivisor).toBe(10);
  });

  it('writes SID evidence targets the way the evidence API accepts them', () => {
    expect(sidEvidenceTarget('16')).toBe('sid.16');
    expect(SID_IDS.every((id) => isEvidenceTarget(sidEvidenceTarget(id)))).toBe(true);
  });

  it('picks the framework whose years contain the period, else the latest earlier one, flagged as assumed', () => {
    const all = [iid2023, iid2026, shipped('spbe-2020')];
    expect(chooseIidFramework(all, 2026)).toEqual({ framework: iid2026, exact: true });
    expect(chooseIidFramework(all, 2023)).toEqual({ framework: iid2023, exact: true });
    expect(chooseIidFramework(all, 2025)).toEqual({ framework: iid2023, exact: false });
    expect(chooseIidFramework(all, 2029)).toEqual({ framework: iid2026, exact: false });
    expect(chooseIidFramework(all, 2020)).toEqual({ framework: iid2023, exact: false });
    expect(chooseIidFramework([shipped('spbe-2020')], 2026)).toBeNull();
  });
});

describe('the claimed projection equals the engine', () => {
  // 12 innovations covering 5 yandas (pendidikan … trantibum), known varied levels, all evidence
  // present; a 13th innovation was rejected and must not count (it alone covers the 6th, sosial).
  const innovations = Array.from({ length: 12 }, (_, i) => innovation(i, { status: i < 8 ? 'terverifikasi' : 'diajukan' }));
  const rejected = innovation(12, { status: 'ditolak', utama: 'sosial' });
  const data = period(
    spdAnswers((_id, k) => claim(spdLevel(k))),
    [...innovations, rejected],
  );
  const projection = projectIid(iid2026, data, OPTIONS);
  const expected = scoreOk(iid2026, {
    spd: Object.fromEntries(SPD_IDS.map((id, k) => [id, spdLevel(k)])),
    innovations: Array.from({ length: 12 }, (_, i) => ({ values: patternValues(i), urusan: [YANDAS_KEYS[i % 5]] })),
  });

  it('index, predicate, SPD, SID and Jumlah Inovasi as the engine computes them', () => {
    const figure = figureOf(projection.claimed);
    expect(Ratio.from(figure.value).gt(Ratio.int(20))).toBe(true);
    expect(figure).toEqual({
      index: expected.index,
      value: expected.value,
      predicate: expected.predicate,
      spd: node(expected, 'spd').index,
      sid: node(expected, 'sid').index,
      jumlah: '4.56', // 12 × 0.38, the gate met with 5 of 6 yandas
      innovations: 12,
      divisor: 12,
      yandasCovered: 5,
      yandasRequired: 5,
      urusanCounted: 'utama',
    });
  });

  it('per-innovation scores in order, without the rejected innovation', () => {
    expect(projection.innovations.map((i) => i.claimedScore)).toEqual(expected.innovations?.map((s) => s.score));
    expect(projection.innovations.map((i) => i.id)).not.toContain(rejected.id);
  });

  it('no empty seats and no yandas warning on the claimed basis', () => {
    const claimedCodes = projection.warnings.filter((w) => w.basis === 'claimed').map((w) => w.code);
    expect(claimedCodes).not.toContain('EMPTY_SEATS');
    expect(claimedCodes).not.toContain('YANDAS_SHORT');
  });
});

describe('the verified projection', () => {
  // Innovations 0–7 are verified, 8–11 only submitted. Everything is accepted except: innovation 0's
  // video (35) corrected from its claim to 0, innovation 1's regulation (16) still pending, SPD 6
  // corrected to 1 and SPD 7 pending.
  // Mandatory indicators are claimed (at least 1) so every innovation is eligible; eligibility has its own tests.
  const levelOf = (i: number, k: number) => (MANDATORY_SID.includes(SID_IDS[k] ?? '') ? Math.max(1, patternLevel(i, k)) : patternLevel(i, k));
  const verifiedValues = (i: number) => Object.fromEntries(SID_IDS.map((id, k) => [id, levelOf(i, k)]));
  const sidAnswers = (i: number) => Object.fromEntries(SID_IDS.map((id, k) => [id, accepted(levelOf(i, k))]));
  const innovations = Array.from({ length: 12 }, (_, i) => {
    const answers = sidAnswers(i);
    if (i === 0) answers['35'] = corrected(3, 0);
    if (i === 1) answers['16'] = claim(3);
    return innovation(i, { status: i < 8 ? 'terverifikasi' : 'diajukan', answers });
  });
  const spd = spdAnswers((id, k) => (id === '6' ? corrected(3, 1) : id === '7' ? claim(3) : accepted(spdLevel(k))));
  const projection = projectIid(iid2026, period(spd, innovations), OPTIONS);

  it('counts only terverifikasi innovations at their accepted or corrected levels; pending scores 0', () => {
    const expected = scoreOk(iid2026, {
      spd: Object.fromEntries(SPD_IDS.map((id, k) => [id, id === '6' ? 1 : id === '7' ? 0 : spdLevel(k)])),
      innovations: Array.from({ length: 8 }, (_, i) => ({
        values: { ...verifiedValues(i), ...(i === 0 ? { 35: 0 } : {}), ...(i === 1 ? { 16: 0 } : {}) },
        urusan: [YANDAS_KEYS[i % 5]],
      })),
    });
    const figure = figureOf(projection.verified);
    expect([figure.index, figure.value, figure.spd, figure.sid, figure.jumlah]).toEqual([
      expected.index,
      expected.value,
      node(expected, 'spd').index,
      node(expected, 'sid').index,
      node(expected, 'jumlah').index,
    ]);
    expect([figure.innovations, figure.divisor]).toEqual([8, 12]);
    expect(projection.innovations.filter((i) => i.countsForVerified).map((i) => i.id)).toEqual(innovations.slice(0, 8).map((i) => i.id));
    expect(projection.innovations[8]?.verifiedScore).toBe('0');
  });

  it('per innovation, differs from the claim exactly by the correction and the pending answer', () => {
    const claimed = Ratio.from(figureOf(projection.claimed).value);
    const verified = Ratio.from(figureOf(projection.verified).value);
    expect(verified.lt(claimed)).toBe(true);
    // Innovation 0: video (bobot 4) claimed 3, corrected to 0 → 12 points less; innovation 1:
    // regulation (bobot 3) claimed 3, not yet verified → 9 points less.
    const gap = (i: number) => {
      const row = projection.innovations[i];
      return Ratio.from(row?.claimedScore ?? '0')
        .sub(Ratio.from(row?.verifiedScore ?? '0'))
        .toPlain();
    };
    expect([gap(0), gap(1), gap(2)]).toEqual(['12', '9', '0']);
  });

  it('warns about the empty seats of the verified basis (8 of 12), not of the claimed one', () => {
    const seats = projection.warnings.filter((w) => w.code === 'EMPTY_SEATS');
    expect(seats.map((w) => w.basis)).toEqual(['verified']);
    expect(seats[0]?.message).toContain('terverifikasi');
  });
});

describe('evidence', () => {
  const answers = Object.fromEntries(SID_IDS.map((id) => [id, claim(3)]));
  const one = innovation(0, { answers, evidence: SID_IDS.filter((id) => id !== '16') });

  it('an indicator claimed without evidence scores 0 when evidence is required, with a warning naming its target', () => {
    const required = projectIid(iid2026, period(new Map(), [one]), OPTIONS);
    const relaxed = projectIid(iid2026, period(new Map(), [one]), { ...OPTIONS, evidenceRequired: false });
    expect(required.innovations[0]?.claimedScore).toBe('102'); // 111 − bobot 3 × 3
    expect(relaxed.innovations[0]?.claimedScore).toBe('111');
    const missing = required.warnings.filter((w) => w.code === 'EVIDENCE_MISSING');
    expect(missing.map((w) => [w.innovationId, w.indicatorId])).toEqual([[one.id, '16']]);
    expect(missing[0]?.message).toContain('sid.16');
    expect(relaxed.warnings.map((w) => w.code)).not.toContain('EVIDENCE_MISSING');
  });
});

describe('warnings before the national deadline', () => {
  const spd = spdAnswers((id, k) => (id === '1' || id === '2a' ? undefined : claim(spdLevel(k))));
  const complete = Object.fromEntries(SID_IDS.map((id) => [id, claim(2)]));
  const { 35: _video, ...withoutVideo } = complete;
  const innovations = [
    innovation(0, { utama: 'pendidikan', answers: complete, rancangBangun: words(299), waktuPenerapan: '2023-12-31' }),
    innovation(1, { utama: 'kesehatan', irisan: ['pariwisata'], answers: complete, rancangBangun: words(300), waktuPenerapan: '2024-01-01' }),
    innovation(2, { utama: 'pariwisata', answers: { ...withoutVideo, 16: claim(0) }, waktuPenerapan: '2026-01-01' }),
    innovation(3, { utama: 'pendidikan', answers: complete, waktuPenerapan: null }),
    innovation(4, { utama: 'kesehatan', answers: complete, waktuPenerapan: '2025-12-31' }),
  ];
  const result = projectIid(iid2026, period(spd, innovations), OPTIONS);
  const about = (code: string) => result.warnings.filter((w) => w.code === code);

  it('empty seats under the divisor and yandas coverage short of the gate', () => {
    const seats = about('EMPTY_SEATS').find((w) => w.basis === 'claimed');
    expect(seats?.message).toContain('Baru 5 inovasi');
    const yandas = about('YANDAS_SHORT').find((w) => w.basis === 'claimed');
    expect(yandas?.message).toContain('2 dari 5');
  });

  it('mandatory indicators unfilled (SPD and SID), not optional ones', () => {
    expect(about('MANDATORY_UNFILLED').map((w) => [w.innovationId, w.indicatorId])).toEqual([
      [null, '1'],
      ['inov-2', '16'],
      ['inov-2', '35'],
    ]);
  });

  it('rancang bangun under 300 words', () => {
    expect(about('RANCANG_BANGUN_SHORT').map((w) => w.innovationId)).toEqual(['inov-0']);
    expect(about('RANCANG_BANGUN_SHORT')[0]?.message).toContain('299 kata');
  });

  it('penerapan outside 1 Jan 2024 – 31 Dec 2025 (edges inside) or missing', () => {
    expect(about('PENERAPAN_OUTSIDE_WINDOW').map((w) => w.innovationId)).toEqual(['inov-0', 'inov-2']);
    expect(about('PENERAPAN_OUTSIDE_WINDOW')[0]?.message).toContain('pengembangan terbarunya (tanggal dan uraian)');
    // After the window a development does not help, so the message does not suggest one.
    expect(about('PENERAPAN_OUTSIDE_WINDOW')[1]?.message).not.toContain('pengembangan');
    expect(about('PENERAPAN_MISSING').map((w) => w.innovationId)).toEqual(['inov-3']);
  });

  it('no penerapan warnings for a framework without a known window', () => {
    expect(iidRulesOf(iid2023).window).toBeNull();
    const old = projectIid(iid2023, period(spd, innovations), OPTIONS);
    expect(old.warnings.some((w) => w.code.startsWith('PENERAPAN'))).toBe(false);
  });

  it('says when the rules of another year are assumed', () => {
    const assumed = projectIid(iid2023, period(spd, innovations), { ...OPTIONS, frameworkExact: false, year: 2025 });
    expect(assumed.warnings[0]).toMatchObject({ code: 'FRAMEWORK_ASSUMED' });
    expect(assumed.warnings[0]?.message).toContain('2025');
    expect(result.warnings.map((w) => w.code)).not.toContain('FRAMEWORK_ASSUMED');
  });
});
