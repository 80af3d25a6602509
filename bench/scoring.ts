/**
 * CPU benchmark of the scoring engine (no server, no database): the pure `evaluate` of
 * src/domain/scoring/engine.ts with the shipped framework files, on deterministic national inputs.
 *
 * - IID 2026: every region (552) with its SPD answers (20 region-level indicators, parameters 0–3) and
 *   60 innovations, each with the 20 SID indicators (0–3) and one or two urusan (the yandas gate is met
 *   by most regions, not all).
 * - SPBE 2020: every region's self-assessment, 47 indicators at levels 1–5.
 * - IKM 2017: 552 service units × 200 survey responses (U1–U9, answers 1–4, an unsur now and then left
 *   unanswered).
 *
 * Each suite scores all its inputs once per round; a round's time covers `evaluate` only (the inputs are
 * built beforehand, as the API receives them parsed from JSON). Every result is checked to be `ok`.
 * Reported: the first (cold) round, then min / median / max of the other rounds, and per input (region or
 * service) and per scored item the median divided by the count.
 *
 * Run by scripts/bench.mjs (`--suite scoring`), or alone: `node --import tsx bench/scoring.ts [rounds]`.
 */
import { pathToFileURL } from 'node:url';
import { URUSAN, YANDAS } from '#domain/innovations/profile.ts';
import { evaluate } from '#domain/scoring/engine.ts';
import type { Framework, FrameworkNode, Scale } from '#domain/scoring/framework.schema.ts';
import { loadShipped } from '#domain/scoring/load-shipped.ts';
import { childrenOf, leaves } from '#domain/scoring/tree.ts';
import { failAndExit, tellParent } from './child.ts';
import { createRng, type Rng } from './dataset.ts';

const SEED = 20_260_401;
export const REGIONS = 552;
export const INNOVATIONS_PER_REGION = 60;
export const SERVICES = 552;
export const RESPONSES_PER_SERVICE = 200;

export interface ScoringSuiteResult {
  suite: string;
  framework: string;
  /** What one input is, and how many there are. */
  inputs: number;
  inputLabel: string;
  /** Scored items inside the inputs (innovations, indicators or responses). */
  items: number;
  itemLabel: string;
  rounds: number;
  coldMs: number;
  minMs: number;
  medianMs: number;
  maxMs: number;
  perInputMs: number;
  perItemUs: number;
  /** A sanity line: the spread of the published indices over the inputs. */
  indexRange: { min: string; max: string };
}

export interface ScoringSummary {
  rounds: number;
  suites: ScoringSuiteResult[];
  seconds: number;
}

// ---------------------------------------------------------------------------------------------------
// Inputs

function pickFrom<T>(rng: Rng, list: readonly T[]): T {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** The levels a leaf accepts, from its scale in the framework file (0 too where the scale allows it). */
function acceptedLevels(node: FrameworkNode): number[] {
  const scale: Scale | undefined = node.scale;
  switch (scale?.type) {
    case 'levels':
      return scale.levels.map((l) => l.level);
    case 'parameters':
      return [...(scale.zero === undefined ? [] : [0]), ...scale.parameters.map((p) => p.level)];
    case 'likert':
      return scale.options.map((o) => o.value);
    default:
      throw new Error(`indicator ${node.id}: no discrete scale`);
  }
}

/** A level skewed towards the middle and the top, as real answers are (few empty, few perfect). */
function skewedLevel(rng: Rng, levels: readonly number[], quality: number): number {
  const position = Math.min(levels.length - 1, Math.max(0, Math.round((quality + (rng() - 0.5) * 0.8) * (levels.length - 1))));
  const level = levels[position];
  if (level === undefined) throw new Error('no level');
  return level;
}

interface IidShape {
  spdLeaves: { id: string; levels: number[] }[];
  sidLeaves: { id: string; levels: number[] }[];
}

function iidShape(framework: Framework): IidShape {
  const parts = childrenOf(framework.root);
  const sid = parts.find((c) => c.aggregation?.rule === 'innovation-average');
  if (sid === undefined) throw new Error(`${framework.id}: no innovation-average node`);
  const describe = (n: FrameworkNode) => ({ id: n.id, levels: acceptedLevels(n) });
  return {
    spdLeaves: parts
      .filter((c) => c !== sid)
      .flatMap(leaves)
      .map(describe),
    sidLeaves: childrenOf(sid)
      .filter((c) => c.scale?.type !== 'count')
      .flatMap(leaves)
      .map(describe),
  };
}

const YANDAS_IDS = YANDAS.map((u) => u.id);
const OTHER_URUSAN = URUSAN.map((u) => u.id).filter((id) => !YANDAS_IDS.includes(id as (typeof YANDAS_IDS)[number]));

export function iidInputs(framework: Framework, rng: Rng, regions = REGIONS, perRegion = INNOVATIONS_PER_REGION) {
  const shape = iidShape(framework);
  return Array.from({ length: regions }, () => {
    const quality = rng();
    const spd = Object.fromEntries(shape.spdLeaves.map((l) => [l.id, skewedLevel(rng, l.levels, quality)]));
    // Most regions cover the six yandas urusan somewhere in their list; one in six stays short.
    const coversYandas = rng() < 0.83;
    const innovations = Array.from({ length: perRegion }, (_, i) => {
      const values = Object.fromEntries(shape.sidLeaves.map((l) => [l.id, skewedLevel(rng, l.levels, quality)]));
      const yandas = coversYandas ? YANDAS_IDS[i] : undefined;
      const main = yandas ?? (rng() < 0.45 ? pickFrom(rng, YANDAS_IDS.slice(0, 4)) : pickFrom(rng, OTHER_URUSAN));
      const urusan = rng() < 0.35 ? [main, pickFrom(rng, OTHER_URUSAN)] : [main];
      return { values, urusan };
    });
    return { spd, innovations };
  });
}

export function spbeInputs(framework: Framework, rng: Rng, regions = REGIONS) {
  const indicators = leaves(framework.root).map((n) => ({ id: n.id, levels: acceptedLevels(n) }));
  return Array.from({ length: regions }, () => {
    const quality = rng();
    return { values: Object.fromEntries(indicators.map((l) => [l.id, skewedLevel(rng, l.levels, quality)])) };
  });
}

export function ikmInputs(framework: Framework, rng: Rng, services = SERVICES, perService = RESPONSES_PER_SERVICE) {
  const unsur = leaves(framework.root).map((n) => ({ id: n.id, levels: acceptedLevels(n) }));
  return Array.from({ length: services }, () => {
    const quality = 0.5 + rng() * 0.5;
    const responses = Array.from({ length: perService }, () => {
      const answers: Record<string, number> = {};
      for (const u of unsur) if (rng() >= 0.02) answers[u.id] = skewedLevel(rng, u.levels, quality);
      return answers;
    });
    return { responses };
  });
}

// ---------------------------------------------------------------------------------------------------
// Timing

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  const a = sorted[mid] ?? Number.NaN;
  const b = sorted[mid - 1] ?? a;
  return sorted.length % 2 === 1 ? a : (a + b) / 2;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Scores every input once; returns the time and the range of the published indices. */
function scoreAll(framework: Framework, inputs: readonly unknown[]): { ms: number; min: string; max: string } {
  let min = '';
  let max = '';
  let minValue = Number.POSITIVE_INFINITY;
  let maxValue = Number.NEGATIVE_INFINITY;
  const started = performance.now();
  for (const [i, input] of inputs.entries()) {
    const out = evaluate(framework, input);
    if (!out.ok) throw new Error(`${framework.id}, input ${i}: ${out.errors.map((e) => e.messageEn).join('; ')}`);
    const value = Number(out.result.index);
    if (value < minValue) {
      minValue = value;
      min = out.result.index;
    }
    if (value > maxValue) {
      maxValue = value;
      max = out.result.index;
    }
  }
  return { ms: performance.now() - started, min, max };
}

function runSuite(
  suite: string,
  framework: Framework,
  inputs: readonly unknown[],
  labels: { input: string; item: string; itemsPerInput: number },
  rounds: number,
): ScoringSuiteResult {
  const cold = scoreAll(framework, inputs);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) times.push(scoreAll(framework, inputs).ms);
  times.sort((a, b) => a - b);
  const med = median(times);
  const items = inputs.length * labels.itemsPerInput;
  return {
    suite,
    framework: framework.id,
    inputs: inputs.length,
    inputLabel: labels.input,
    items,
    itemLabel: labels.item,
    rounds,
    coldMs: round(cold.ms, 1),
    minMs: round(times[0] ?? Number.NaN, 1),
    medianMs: round(med, 1),
    maxMs: round(times[times.length - 1] ?? Number.NaN, 1),
    perInputMs: round(med / inputs.length, 3),
    perItemUs: round((med / items) * 1000, 2),
    indexRange: { min: cold.min, max: cold.max },
  };
}

export function runScoring(rounds: number, log: (line: string) => void = () => {}): ScoringSummary {
  const started = performance.now();
  const rng = createRng(SEED);
  const iid = loadShipped('iid-2026');
  const spbe = loadShipped('spbe-2020');
  const ikm = loadShipped('ikm-2017');
  const spbeIndicators = leaves(spbe.root).length;
  const suites: ScoringSuiteResult[] = [];

  const iidIn = iidInputs(iid, rng);
  log(`IID 2026: ${iidIn.length} regions × ${INNOVATIONS_PER_REGION} innovations…`);
  suites.push(runSuite('IID 2026', iid, iidIn, { input: 'region', item: 'innovation', itemsPerInput: INNOVATIONS_PER_REGION }, rounds));

  const spbeIn = spbeInputs(spbe, rng);
  log(`SPBE 2020: ${spbeIn.length} regions × ${spbeIndicators} indicators…`);
  suites.push(runSuite('SPBE 2020', spbe, spbeIn, { input: 'region', item: 'indicator', itemsPerInput: spbeIndicators }, rounds));

  const ikmIn = ikmInputs(ikm, rng);
  log(`IKM 2017: ${ikmIn.length} services × ${RESPONSES_PER_SERVICE} responses…`);
  suites.push(runSuite('IKM 2017', ikm, ikmIn, { input: 'service', item: 'response', itemsPerInput: RESPONSES_PER_SERVICE }, rounds));

  return { rounds, suites, seconds: round((performance.now() - started) / 1000, 1) };
}

export function scoringTable(summary: ScoringSummary): string {
  const rows = [['suite', 'inputs', 'cold ms', 'min ms', 'median ms', 'max ms', 'per input ms', 'per item µs', 'index range']];
  for (const s of summary.suites) {
    rows.push([
      s.suite,
      `${s.inputs} ${s.inputLabel}s × ${s.items / s.inputs} ${s.itemLabel}s`,
      s.coldMs.toFixed(1),
      s.minMs.toFixed(1),
      s.medianMs.toFixed(1),
      s.maxMs.toFixed(1),
      s.perInputMs.toFixed(3),
      s.perItemUs.toFixed(2),
      `${s.indexRange.min}–${s.indexRange.max}`,
    ]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) => r.map((cell, i) => (i < 2 || i === 8 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  '))
    .map((line) => line.trimEnd())
    .join('\n');
}

async function main(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? process.argv[2] ?? '5');
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('rounds: a whole number ≥ 1');
  const summary = runScoring(rounds, process.send ? () => {} : (line) => console.log(line));
  if (process.send) await tellParent({ type: 'scored', summary: { ...summary, table: scoringTable(summary) } });
  else console.log(`\n${scoringTable(summary)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main().then(() => process.exit(0), failAndExit);
