/**
 * The biggest levers on a region's IID, beyond one-step raises: closing the yandas gate (the count
 * score is 0 until the innovations cover the framework's minimum of urusan pelayanan dasar), filling
 * an empty seat under the divisor (n < MAX(minDivisor, n) leaves seats that score 0) with a new or a
 * carried innovation, and dropping an ineligible innovation that the basis still counts (it may pull
 * the average down or hold up the count). Each lever re-computes the index exactly for the changed
 * list of innovations, so a lever that moves n, the divisor and the gate at once is still exact. Pure.
 *
 *   IID = (SPD + Σ_j s_j ÷ MAX(minDivisor, n) + C(n, urusan)) ÷ B × 100
 *
 * with C = MIN(n, cap) × perItem when the gate is met, else 0.
 */
import { Ratio, sumRatios } from '../scoring/decimal.ts';
import { classify } from '../scoring/engine.ts';
import { coveredUrusan } from '../scoring/iid.ts';
import { iidRulesOf } from './eligibility.ts';
import { type BasisProjection, type EligibilityCode, eligibilityProblems } from './projection.ts';
import { scoreAt } from './structure.ts';
import { exactIndex, whatIf } from './what-if.ts';

export const LEVER_KINDS = ['gate-one', 'gate-all', 'seat-new', 'seat-carry', 'drop-ineligible', 'raise', 'evidence'] as const;
export type LeverKind = (typeof LEVER_KINDS)[number];

/** One innovation as the index formula sees it: its score and the urusan the gate may read. */
export interface LeverInnovation {
  score: Ratio;
  urusanUtama: string | null;
  urusanIrisan: readonly string[];
}

/** Last period's verified innovation that has not been carried into this period. */
export interface CarryCandidate extends LeverInnovation {
  id: string;
  name: string;
}

export interface Lever {
  kind: LeverKind;
  /** Short label for the list, in Indonesian. */
  label: string;
  /** What to do, in one sentence. */
  action: string;
  innovationId: string | null;
  indicatorId: string | null;
  /** Gate urusan keys the lever covers (gate levers only). */
  urusan: string[];
  /** Exact change of the unrounded index; negative when the lever lowers it. */
  gain: Ratio;
  /** The published index after the lever. */
  indexAfter: string;
}

export interface LeverOptions {
  /**
   * The SID score assumed for an innovation that does not exist yet (the gate and seat levers). Left
   * out: the median of the counted innovations' scores (0 when none counts).
   */
  assumedScore?: Ratio;
  carryCandidates?: readonly CarryCandidate[];
  /** How many one-step raises to add to the list (the raises are many; the structural levers are few). */
  raiseLimit?: number;
}

export interface LeverResult {
  levers: Lever[];
  /** The score used for a new innovation, and whether it is the median (or the caller's). */
  assumedScore: Ratio;
  assumedIsMedian: boolean;
  /** Gate urusan not yet covered, by key and name; empty when the gate is met or absent. */
  missingUrusan: Array<{ key: string; name: string }>;
  /** How many more gate urusan are needed (0 when met or absent). */
  urusanShort: number;
  emptySeats: number;
}

/** The median of the scores, exactly (the mean of the two middle ones for an even count); 0 for none. */
export function medianScore(scores: readonly Ratio[]): Ratio {
  if (scores.length === 0) return Ratio.ZERO;
  const sorted = [...scores].sort((a, b) => a.cmp(b));
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Ratio.ZERO;
  if (sorted.length % 2 === 1) return upper;
  return upper.add(sorted[middle - 1] ?? Ratio.ZERO).div(Ratio.int(2));
}

/** The exact index of the projection's SPD with another list of innovations. */
export function indexWithInnovations(projection: BasisProjection, innovations: readonly LeverInnovation[]): Ratio {
  const { structure } = projection;
  const spd = sumRatios(structure.spd.map((i) => scoreAt(i, projection.spdLevels.get(i.id) ?? 0)));
  const n = innovations.length;
  const divisor = Math.max(structure.minDivisor, n);
  const average = sumRatios(innovations.map((i) => i.score)).div(Ratio.int(divisor));
  let count = Ratio.ZERO;
  const scale = structure.count?.scale;
  if (scale !== undefined) {
    const raw = Ratio.int(Math.min(n, scale.cap)).mul(Ratio.from(scale.perItem));
    const gate = scale.gate;
    const met =
      gate === undefined ||
      coveredUrusan(
        gate,
        innovations.map((i) => ({ utama: i.urusanUtama === null ? [] : [i.urusanUtama], irisan: i.urusanIrisan })),
      ).size >= gate.minimum;
    if (met) count = raw;
  }
  return spd.add(average).add(count).mul(Ratio.int(100)).div(structure.base);
}

const fmt = (r: Ratio) => r.toPlain(2).replace('.', ',');

/** Every lever of the projection's basis, largest gain first (losses last). */
export function iidLevers(projection: BasisProjection, options: LeverOptions = {}): LeverResult {
  const { structure } = projection;
  const framework = structure.framework;
  const rootKind = framework.root.kind;
  const now = exactIndex(projection);
  const current: LeverInnovation[] = projection.innovations.map((s) => ({
    score: s.score,
    urusanUtama: s.data.urusanUtama,
    urusanIrisan: s.data.urusanIrisan,
  }));
  const assumedIsMedian = options.assumedScore === undefined;
  const assumedScore = options.assumedScore ?? medianScore(current.map((c) => c.score));
  const levers: Array<Omit<Lever, 'indexAfter'> & { order: number }> = [];
  let order = 0;
  const push = (lever: Omit<Lever, 'gain' | 'indexAfter'>, after: readonly LeverInnovation[]) => {
    order += 1;
    levers.push({ ...lever, gain: indexWithInnovations(projection, after).sub(now), order });
  };
  const newInnovation = (urusanUtama: string | null): LeverInnovation => ({ score: assumedScore, urusanUtama, urusanIrisan: [] });
  const scoreText = `${assumedIsMedian ? 'skor median' : 'skor'} ${fmt(assumedScore)}`;

  // (a) The yandas gate: which missing urusan an innovation (as its urusan utama) would cover.
  const gate = structure.count?.scale.gate;
  let missingUrusan: Array<{ key: string; name: string }> = [];
  let urusanShort = 0;
  if (gate !== undefined) {
    const covered = coveredUrusan(
      gate,
      current.map((i) => ({ utama: i.urusanUtama === null ? [] : [i.urusanUtama], irisan: i.urusanIrisan })),
    );
    urusanShort = Math.max(0, gate.minimum - covered.size);
    if (urusanShort > 0) {
      missingUrusan = gate.urusan.filter((u) => !covered.has(u.key)).map((u) => ({ key: u.key, name: u.name }));
      for (const u of missingUrusan) {
        const closes = urusanShort === 1;
        push(
          {
            kind: 'gate-one',
            label: `Inovasi baru urusan ${u.name}`,
            action: closes
              ? `Ajukan satu inovasi terverifikasi yang layak dengan urusan utama ${u.name} (${scoreText}): syarat ${gate.minimum} urusan pelayanan dasar terpenuhi dan skor jumlah inovasi muncul.`
              : `Ajukan satu inovasi terverifikasi yang layak dengan urusan utama ${u.name} (${scoreText}); masih kurang ${urusanShort - 1} urusan lain agar skor jumlah inovasi muncul.`,
            innovationId: null,
            indicatorId: null,
            urusan: [u.key],
          },
          [...current, newInnovation(u.key)],
        );
      }
      const needed = missingUrusan.slice(0, urusanShort);
      if (needed.length > 1) {
        push(
          {
            kind: 'gate-all',
            label: `${needed.length} inovasi baru: ${needed.map((u) => u.name).join(', ')}`,
            action: `Ajukan satu inovasi terverifikasi yang layak untuk tiap urusan ${needed.map((u) => u.name).join(', ')} (${scoreText} masing-masing): syarat ${gate.minimum} urusan pelayanan dasar terpenuhi dan skor jumlah inovasi muncul.`,
            innovationId: null,
            indicatorId: null,
            urusan: needed.map((u) => u.key),
          },
          [...current, ...needed.map((u) => newInnovation(u.key))],
        );
      }
    }
  }

  // (b) Empty seats: below the divisor every seat scores 0, so any innovation adds its score ÷ divisor.
  const emptySeats = Math.max(0, structure.minDivisor - current.length);
  if (emptySeats > 0) {
    push(
      {
        kind: 'seat-new',
        label: 'Isi kursi kosong dengan inovasi baru',
        action: `Tambahkan satu inovasi baru (${scoreText}); masih ada ${emptySeats} kursi kosong di bawah pembagi ${structure.minDivisor}.`,
        innovationId: null,
        indicatorId: null,
        urusan: [],
      },
      [...current, newInnovation(null)],
    );
    for (const carried of options.carryCandidates ?? []) {
      push(
        {
          kind: 'seat-carry',
          label: `Lanjutkan "${carried.name}" dari periode lalu`,
          action: `Bawa inovasi "${carried.name}" (terverifikasi periode lalu, skor ${fmt(carried.score)}) ke periode ini dan perbarui jawabannya.`,
          innovationId: carried.id,
          indicatorId: null,
          urusan: carried.urusanUtama === null ? [] : [carried.urusanUtama],
        },
        [...current, carried],
      );
    }
  }

  // (c) An ineligible innovation the basis still counts: the verified index drops it anyway when the
  // framework counts eligible ones only, so this applies to the claimed basis or an all-verified rule.
  const rules = iidRulesOf(framework);
  projection.innovations.forEach((s, position) => {
    const problems: EligibilityCode[] = eligibilityProblems(structure, rules, s.data);
    if (problems.length === 0) return;
    push(
      {
        kind: 'drop-ineligible',
        label: `Tanpa "${s.data.name}" (belum layak)`,
        action: `"${s.data.name}" belum layak dilaporkan; perbaiki syaratnya atau jangan laporkan. Angka ini indeks bila inovasi itu tidak dihitung.`,
        innovationId: s.data.id,
        indicatorId: null,
        urusan: [],
      },
      current.filter((_, i) => i !== position),
    );
  });

  // (d) The one-step raises (their gains are exact by the additive formula, see what-if.ts).
  for (const item of whatIf(projection, { limit: options.raiseLimit ?? 20 })) {
    order += 1;
    const where = item.innovationName === null ? 'SPD' : `"${item.innovationName}"`;
    levers.push({
      kind: item.needsEvidence ? 'evidence' : 'raise',
      label: `${where}: indikator ${item.indicatorId} ke parameter ${item.next}`,
      action: item.needsEvidence
        ? `Lampirkan bukti dukung indikator ${item.indicatorId} (${item.indicatorName}) pada ${where}: parameter ${item.next} sudah diklaim tetapi dinilai 0 tanpa bukti.`
        : `Naikkan indikator ${item.indicatorId} (${item.indicatorName}) pada ${where} dari parameter ${item.current} ke ${item.next}, dengan bukti dukungnya.`,
      innovationId: item.innovationId,
      indicatorId: item.indicatorId,
      urusan: [],
      gain: item.gain,
      order,
    });
  }

  levers.sort((a, b) => b.gain.cmp(a.gain) || a.order - b.order);
  return {
    levers: levers.map(({ order: _order, ...lever }) => ({
      ...lever,
      indexAfter: classify(framework, rootKind, now.add(lever.gain)).published,
    })),
    assumedScore,
    assumedIsMedian,
    missingUrusan,
    urusanShort,
    emptySeats,
  };
}
