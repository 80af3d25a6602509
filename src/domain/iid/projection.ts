/**
 * The region's projected Indeks Inovasi Daerah for a period, as claimed and as verified, from the
 * stored answers (SPD per region, SID per innovation), with the warnings a region needs before the
 * national deadline. Pure: the caller loads the rows; scoring is the engine's (`evaluate`), so the
 * projection is exactly what the engine gives for the same levels.
 *
 * Which innovations count:
 * - claimed: every innovation of the period that is not `ditolak` (draft, diajukan, dikembalikan,
 *   terverifikasi) at the level its owner claimed;
 * - verified: only `terverifikasi` innovations, each indicator at the level the verifier accepted
 *   (the claim) or corrected; an indicator not yet verified scores 0. SPD answers likewise. When the
 *   framework says so (`innovationRules.verifiedCounts`, by default), only the eligible ones among
 *   them: they alone make n, the divisor and the count score of the verified index.
 * With `evidenceRequired` (the period's setting, on by default) an SID indicator without evidence
 * attached to its target (`sid.<id>`) scores 0, as the regional apps do (domain doc §2.7).
 */
import { isYandas } from '../innovations/profile.ts';
import type { InnovationStatus } from '../innovations/workflow.ts';
import { Ratio, sumRatios } from '../scoring/decimal.ts';
import { evaluate } from '../scoring/engine.ts';
import type { Framework } from '../scoring/framework.schema.ts';
import { coveredUrusan } from '../scoring/iid.ts';
import type { EvaluationResult } from '../scoring/result.ts';
import { childrenOf } from '../scoring/tree.ts';
import { checkWindow, type DatedInnovation, formatDateId, type IidRules, iidRulesOf, rancangBangunShortBy } from './eligibility.ts';
import { acceptsLevel, type IidIndicator, type IidStructure, iidStructure, scoreAt, sidEvidenceTarget } from './structure.ts';

export const IID_BASES = ['claimed', 'verified'] as const;
export type IidBasis = (typeof IID_BASES)[number];

export type IidVerification = 'pending' | 'accepted' | 'corrected';

export interface IidAnswer {
  claimedLevel: number | null;
  verification: IidVerification;
  verifiedLevel: number | null;
  /** The measurement basis chosen with the claim, for an indicator that offers several (2026: 33). */
  basisUkur?: string | null;
}

/** Innovation statuses whose innovations count, per basis. */
export const COUNTED_STATUSES: Readonly<Record<IidBasis, readonly InnovationStatus[]>> = {
  claimed: ['draft', 'diajukan', 'dikembalikan', 'terverifikasi'],
  verified: ['terverifikasi'],
};

export interface IidInnovationData extends DatedInnovation {
  id: string;
  name: string;
  status: InnovationStatus;
  /** The yandas among these cover the gate: the utama always, the irisan when the framework counts them. */
  urusanUtama: string | null;
  urusanIrisan: readonly string[];
  /** Answers by SID indicator id. */
  answers: ReadonlyMap<string, IidAnswer>;
  /** Evidence targets that have at least one file or link (`sid.16`, ...). */
  evidenceTargets: ReadonlySet<string>;
  rancangBangun: string;
}

export interface IidPeriodData {
  /** SPD answers by indicator id. */
  spd: ReadonlyMap<string, IidAnswer>;
  innovations: readonly IidInnovationData[];
}

export interface IidOptions {
  evidenceRequired: boolean;
  /** False when no framework covers the period's year and a neighbour's rules are assumed. */
  frameworkExact?: boolean;
  year?: number;
}

export type IidWarningCode =
  | 'EMPTY_SEATS'
  | 'YANDAS_SHORT'
  | 'DEFAULT_USED'
  | 'MANDATORY_UNFILLED'
  | 'EVIDENCE_MISSING'
  | 'RANCANG_BANGUN_SHORT'
  | 'PENERAPAN_OUTSIDE_WINDOW'
  | 'PENERAPAN_MISSING'
  | 'BASIS_UKUR_MISSING'
  | 'NOT_COUNTED_VERIFIED'
  | 'FRAMEWORK_ASSUMED';

export interface IidWarning {
  code: IidWarningCode;
  /** The basis an index warning is about; null for warnings about the data itself. */
  basis: IidBasis | null;
  innovationId: string | null;
  indicatorId: string | null;
  message: string;
}

export interface ScoredInnovation {
  data: IidInnovationData;
  /** The level the engine scored, per SID indicator (after the evidence rule). */
  levels: ReadonlyMap<string, number>;
  /** Indicators zeroed only for lack of evidence, with the level they would have had. */
  withoutEvidence: ReadonlyMap<string, number>;
  /** Σ bobot × points: the innovation's score (kematangan). */
  score: Ratio;
}

export interface BasisProjection {
  basis: IidBasis;
  structure: IidStructure;
  result: EvaluationResult;
  /** The counted innovations, in the order given to the engine. */
  innovations: ScoredInnovation[];
  spdLevels: ReadonlyMap<string, number>;
  divisor: number;
}

/** The level an answer stands for on a basis, before the evidence rule; unanswered is 0. */
export function answerLevel(answer: IidAnswer | undefined, basis: IidBasis): number {
  if (answer === undefined) return 0;
  if (basis === 'claimed') return answer.claimedLevel ?? 0;
  switch (answer.verification) {
    case 'accepted':
      return answer.claimedLevel ?? 0;
    case 'corrected':
      return answer.verifiedLevel ?? 0;
    case 'pending':
      return 0;
  }
}

/** A stored level the framework does not accept (the period's framework changed since) counts as 0. */
function validLevel(indicator: IidIndicator, level: number): number {
  return acceptsLevel(indicator, level) ? level : 0;
}

function scoreInnovation(structure: IidStructure, data: IidInnovationData, basis: IidBasis, evidenceRequired: boolean): ScoredInnovation {
  const levels = new Map<string, number>();
  const withoutEvidence = new Map<string, number>();
  for (const indicator of structure.sid) {
    const level = validLevel(indicator, answerLevel(data.answers.get(indicator.id), basis));
    if (level > 0 && evidenceRequired && !data.evidenceTargets.has(sidEvidenceTarget(indicator.id))) {
      withoutEvidence.set(indicator.id, level);
      levels.set(indicator.id, 0);
    } else {
      levels.set(indicator.id, level);
    }
  }
  const score = sumRatios(structure.sid.map((i) => scoreAt(i, levels.get(i.id) ?? 0)));
  return { data, levels, withoutEvidence, score };
}

export type EligibilityCode = 'PENERAPAN_MISSING' | 'PENERAPAN_OUTSIDE_WINDOW' | 'RANCANG_BANGUN_SHORT' | 'MANDATORY_UNFILLED';

/** Why an innovation is not eligible to be reported under the framework's rules; empty when it is. */
export function eligibilityProblems(structure: IidStructure, rules: IidRules, data: IidInnovationData): EligibilityCode[] {
  const problems: EligibilityCode[] = [];
  if (rules.window !== null) {
    const check = checkWindow(data, rules.window);
    if (!check.ok) problems.push(check.reason === 'missing' ? 'PENERAPAN_MISSING' : 'PENERAPAN_OUTSIDE_WINDOW');
  }
  if (rancangBangunShortBy(data.rancangBangun, rules.rancangBangunMinWords).short) problems.push('RANCANG_BANGUN_SHORT');
  if (rules.mandatoryIndicatorsFilled && structure.sid.some((i) => i.mandatory && isUnfilled(data.answers.get(i.id)))) {
    problems.push('MANDATORY_UNFILLED');
  }
  return problems;
}

/** Whether an innovation counts on a basis: its status, and on the verified basis its eligibility when the framework asks. */
export function countsOn(structure: IidStructure, data: IidInnovationData, basis: IidBasis): boolean {
  if (!COUNTED_STATUSES[basis].includes(data.status)) return false;
  if (basis === 'claimed') return true;
  const rules = iidRulesOf(structure.framework);
  return rules.verifiedCounts === 'all-verified' || eligibilityProblems(structure, rules, data).length === 0;
}

/** Scores one basis with the engine. Every indicator is given explicitly (0 when unanswered). */
export function projectBasis(framework: Framework, data: IidPeriodData, basis: IidBasis, evidenceRequired: boolean): BasisProjection {
  const structure = iidStructure(framework);
  const counted = data.innovations.filter((i) => countsOn(structure, i, basis));
  const innovations = counted.map((i) => scoreInnovation(structure, i, basis, evidenceRequired));
  const spdLevels = new Map(structure.spd.map((i) => [i.id, validLevel(i, answerLevel(data.spd.get(i.id), basis))]));
  const input = {
    spd: Object.fromEntries(spdLevels),
    innovations: innovations.map((i) => ({
      values: Object.fromEntries(i.levels),
      urusanUtama: i.data.urusanUtama,
      urusanIrisan: [...i.data.urusanIrisan],
    })),
  };
  const evaluation = evaluate(framework, input);
  if (!evaluation.ok) {
    // Levels were checked against the same framework above, so this is a programming error.
    throw new Error(`IID projection input rejected by the engine: ${JSON.stringify(evaluation.errors.slice(0, 3))}`);
  }
  return {
    basis,
    structure,
    result: evaluation.result,
    innovations,
    spdLevels,
    divisor: Math.max(structure.minDivisor, innovations.length),
  };
}

export interface IidFigure {
  /** The published index (2 decimals) and its unrounded value. */
  index: string;
  value: string;
  predicate: string | null;
  spd: string;
  sid: string;
  jumlah: string;
  innovations: number;
  divisor: number;
  yandasCovered: number;
  yandasRequired: number | null;
  /** Which urusan of an innovation cover the gate: its utama only, or its irisan too. */
  urusanCounted: IidRules['urusanCounted'];
}

/** The headline numbers of a basis: index, predicate and the SPD, SID and Jumlah Inovasi nodes. */
export function figureOf(projection: BasisProjection): IidFigure {
  const { result, structure } = projection;
  const root = structure.framework.root;
  const sidNode = childrenOf(root).find((c) => c.aggregation?.rule === 'innovation-average');
  const regionParts = childrenOf(root).filter((c) => c !== sidNode);
  const published = (id: string | undefined) => (id === undefined ? '0' : (result.nodes[id]?.index ?? '0'));
  const spdIndex =
    regionParts.length === 1
      ? published(regionParts[0]?.id)
      : sumRatios(regionParts.map((p) => Ratio.from(result.nodes[p.id]?.value ?? '0'))).toPlain(12);
  const countNode = structure.count === null ? undefined : result.nodes[structure.count.id];
  // The engine's own rule where the framework has a gate; without one, the six yandas as urusan utama.
  const gate = structure.count?.scale.gate;
  const urusan = projection.innovations.map((i) => ({
    utama: i.data.urusanUtama === null ? [] : [i.data.urusanUtama],
    irisan: i.data.urusanIrisan,
  }));
  const covered = gate === undefined ? new Set(urusan.flatMap((u) => u.utama).filter((u) => isYandas(u))) : coveredUrusan(gate, urusan);
  return {
    index: result.index,
    value: result.value,
    predicate: result.predicate,
    spd: spdIndex,
    sid: published(sidNode?.id),
    jumlah: countNode?.index ?? '0',
    innovations: projection.innovations.length,
    divisor: projection.divisor,
    yandasCovered: covered.size,
    yandasRequired: structure.count?.scale.gate?.minimum ?? null,
    urusanCounted: iidRulesOf(structure.framework).urusanCounted,
  };
}

export interface IidProjectionResult {
  claimed: BasisProjection;
  verified: BasisProjection;
  innovations: Array<{
    id: string;
    name: string;
    status: InnovationStatus;
    claimedScore: string;
    verifiedScore: string;
    countsForVerified: boolean;
    /** Why it is not eligible to be reported (empty: eligible). */
    eligibilityProblems: EligibilityCode[];
  }>;
  warnings: IidWarning[];
}

function isUnfilled(answer: IidAnswer | undefined): boolean {
  return answer === undefined || answer.claimedLevel === null || answer.claimedLevel === 0;
}

const quote = (name: string) => `"${name}"`;

/** Both bases, the per-innovation scores and every warning. */
/**
 * The claimed and verified projections alone, without the warnings, the eligibility problems and the
 * per-innovation listing the IID page shows: what a figure needs when many regions are scored at once
 * (the national roll-up). The same two projections projectIid starts from, so the figures are the same.
 */
export function projectIidBases(framework: Framework, data: IidPeriodData, options: Pick<IidOptions, 'evidenceRequired'>) {
  return {
    claimed: projectBasis(framework, data, 'claimed', options.evidenceRequired),
    verified: projectBasis(framework, data, 'verified', options.evidenceRequired),
  };
}

export function projectIid(framework: Framework, data: IidPeriodData, options: IidOptions): IidProjectionResult {
  const claimed = projectBasis(framework, data, 'claimed', options.evidenceRequired);
  const verified = projectBasis(framework, data, 'verified', options.evidenceRequired);
  const structure = claimed.structure;
  const warnings: IidWarning[] = [];

  if (options.frameworkExact === false) {
    warnings.push({
      code: 'FRAMEWORK_ASSUMED',
      basis: null,
      innovationId: null,
      indicatorId: null,
      message: `Tidak ada pedoman IID untuk tahun ${options.year ?? '?'}; proyeksi memakai aturan ${framework.name}. Pilih kerangka periode bila pedoman tahun ini berbeda.`,
    });
  }
  for (const projection of [claimed, verified]) {
    const prefix = projection.basis === 'verified' ? 'Menurut nilai terverifikasi: ' : '';
    for (const w of projection.result.warnings) {
      warnings.push({
        code: w.code as IidWarningCode,
        basis: projection.basis,
        innovationId: null,
        indicatorId: w.indicator,
        message: `${prefix}${w.message}`,
      });
    }
  }
  for (const indicator of structure.spd) {
    if (indicator.mandatory && isUnfilled(data.spd.get(indicator.id))) {
      warnings.push({
        code: 'MANDATORY_UNFILLED',
        basis: null,
        innovationId: null,
        indicatorId: indicator.id,
        message: `SPD: indikator wajib ${indicator.id} (${indicator.name}) belum diisi.`,
      });
    }
  }

  const rules = iidRulesOf(framework);
  const scoredClaimed = new Map(claimed.innovations.map((s) => [s.data.id, s]));
  const verifiedIds = new Set(verified.innovations.map((s) => s.data.id));
  const problemsOf = new Map<string, EligibilityCode[]>();
  for (const innovation of data.innovations) {
    const scored = scoredClaimed.get(innovation.id);
    if (scored === undefined) continue;
    const who = `Inovasi ${quote(innovation.name)}`;
    const problems = eligibilityProblems(structure, rules, innovation);
    problemsOf.set(innovation.id, problems);
    for (const indicator of structure.sid) {
      const answer = innovation.answers.get(indicator.id);
      if (indicator.mandatory && isUnfilled(answer)) {
        warnings.push({
          code: 'MANDATORY_UNFILLED',
          basis: null,
          innovationId: innovation.id,
          indicatorId: indicator.id,
          message: `${who}: indikator wajib ${indicator.id} (${indicator.name}) belum diisi.`,
        });
      }
      if (indicator.bases.length > 0 && !isUnfilled(answer) && !indicator.bases.some((b) => b.key === answer?.basisUkur)) {
        warnings.push({
          code: 'BASIS_UKUR_MISSING',
          basis: null,
          innovationId: innovation.id,
          indicatorId: indicator.id,
          message: `${who}: indikator ${indicator.id} (${indicator.name}) diisi tanpa basis ukur; pilih salah satu (${indicator.bases.map((b) => b.key).join(', ')}) agar parameternya dapat diperiksa.`,
        });
      }
      const level = scored.withoutEvidence.get(indicator.id);
      if (level !== undefined) {
        warnings.push({
          code: 'EVIDENCE_MISSING',
          basis: 'claimed',
          innovationId: innovation.id,
          indicatorId: indicator.id,
          message: `${who}: indikator ${indicator.id} (${indicator.name}) diisi parameter ${level} tanpa bukti dukung, jadi dinilai 0; lampirkan bukti pada sasaran ${sidEvidenceTarget(indicator.id)}.`,
        });
      }
    }
    const rancang = rancangBangunShortBy(innovation.rancangBangun, rules.rancangBangunMinWords);
    if (rancang.short) {
      warnings.push({
        code: 'RANCANG_BANGUN_SHORT',
        basis: null,
        innovationId: innovation.id,
        indicatorId: null,
        message: `${who}: rancang bangun baru ${rancang.words} kata; minimal ${rules.rancangBangunMinWords} kata.`,
      });
    }
    if (rules.window !== null) {
      const window = rules.window;
      const check = checkWindow(innovation, window);
      const range = `${formatDateId(window.from)} – ${formatDateId(window.to)}`;
      if (!check.ok && check.reason === 'missing') {
        warnings.push({
          code: 'PENERAPAN_MISSING',
          basis: null,
          innovationId: innovation.id,
          indicatorId: null,
          message: `${who}: waktu penerapan belum diisi; penerapan pertama harus dalam rentang ${range}.`,
        });
      } else if (!check.ok) {
        const development =
          !window.developmentQualifies || check.reason === 'after'
            ? ''
            : check.development === 'outside'
              ? ` Pengembangan terbaru (${formatDateId(innovation.waktuPengembangan ?? '')}) juga di luar rentang itu.`
              : check.development === 'undocumented'
                ? ' Pengembangan terbaru dalam rentang itu belum diuraikan: tulis uraiannya agar inovasi tetap layak.'
                : ' Inovasi yang diterapkan lebih awal tetap layak bila pengembangan terbarunya (tanggal dan uraian) dalam rentang itu.';
        warnings.push({
          code: 'PENERAPAN_OUTSIDE_WINDOW',
          basis: null,
          innovationId: innovation.id,
          indicatorId: null,
          message: `${who}: waktu penerapan ${formatDateId(innovation.waktuPenerapan ?? '')} di luar rentang ${range}.${development}`,
        });
      }
    }
    if (COUNTED_STATUSES.verified.includes(innovation.status) && !verifiedIds.has(innovation.id)) {
      warnings.push({
        code: 'NOT_COUNTED_VERIFIED',
        basis: 'verified',
        innovationId: innovation.id,
        indicatorId: null,
        message: `${who} sudah terverifikasi tetapi tidak dihitung pada indeks terverifikasi karena belum memenuhi syarat kelayakan (${problems.map(describeProblem).join('; ')}).`,
      });
    }
  }

  // The engine reports each innovation's score by position, in the order it was given.
  const engineScores = (projection: BasisProjection) =>
    new Map(projection.innovations.map((s, position) => [s.data.id, projection.result.innovations?.[position]?.score ?? s.score.toPlain(12)]));
  const claimedScores = engineScores(claimed);
  const verifiedScores = engineScores(verified);
  const innovations = claimed.innovations.map((s) => ({
    id: s.data.id,
    name: s.data.name,
    status: s.data.status,
    claimedScore: claimedScores.get(s.data.id) ?? '0',
    verifiedScore: verifiedScores.get(s.data.id) ?? '0',
    countsForVerified: verifiedScores.has(s.data.id),
    eligibilityProblems: problemsOf.get(s.data.id) ?? [],
  }));
  return { claimed, verified, innovations, warnings };
}

function describeProblem(code: EligibilityCode): string {
  switch (code) {
    case 'PENERAPAN_MISSING':
      return 'waktu penerapan belum diisi';
    case 'PENERAPAN_OUTSIDE_WINDOW':
      return 'penerapan di luar rentang waktu';
    case 'RANCANG_BANGUN_SHORT':
      return 'rancang bangun terlalu pendek';
    case 'MANDATORY_UNFILLED':
      return 'indikator wajib belum diisi';
  }
}

/** One innovation's score on a basis (for its answer sheet), without the period around it. */
export function innovationScore(framework: Framework, data: IidInnovationData, basis: IidBasis, evidenceRequired: boolean): ScoredInnovation {
  return scoreInnovation(iidStructure(framework), data, basis, evidenceRequired);
}
