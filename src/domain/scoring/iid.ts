/**
 * Engine for the Indeks Inovasi Daerah (IID, Kemendagri/BSKDN). Input:
 * {"spd": {"<id>": <level 0–3>}, "innovations": [{"values": {"16": <level 0–3>, ...},
 * "urusanUtama": "pendidikan", "urusanIrisan": ["kesehatan", ...]}]}. The older form
 * "urusan": ["pendidikan", ...] is still read, each entry as an urusan utama. An innovation may also
 * carry "id" and "name" for the caller; the engine ignores them. Level 0 means not filled or without
 * evidence.
 *
 * SPD = Σ bobot × parameter over the region-level indicators.
 * SID = Σ over innovations of Σ bobot × parameter ÷ MAX(minDivisor, n) + skor jumlah inovasi,
 *       where the count score is MIN(n, cap) × perItem, and 0 unless the innovations cover the
 *       minimum number of urusan wajib pelayanan dasar (yandas) — by their urusan utama, or also by
 *       their irisan when the gate says so (`gate.counts`).
 * IID = (SPD + SID) ÷ maximum × 100.
 * The divisor, cap, per-item points, yandas gate and bands come from the framework file.
 */
import { evaluateTree, type LeafComputation } from './aggregate.ts';
import { formatId, formatTextId, Ratio, sumRatios } from './decimal.ts';
import { acceptsValue } from './framework-checks.ts';
import type { Framework, FrameworkNode, Scale } from './framework.schema.ts';
import { allowedText, describeRaw, isRecord, notAnObject, readNumber, unknownKeys } from './input.ts';
import { type ComputedNode, type Evaluation, type EvaluationWarning, finalize, type InputError } from './result.ts';
import { childrenOf, leaves, percentBase, weightOf } from './tree.ts';

type CountScale = Extract<Scale, { type: 'count' }>;

interface Chosen {
  level: number;
  score: Ratio;
  defaulted: boolean;
}

// bobot × points per (indicator, level), computed once per framework node: a national run scores
// the same twenty indicators for tens of thousands of innovations.
const SCORES = new WeakMap<FrameworkNode, Map<number, Ratio>>();

function scoreOf(node: FrameworkNode, level: number): Ratio {
  if (level === 0 || node.scale?.type !== 'parameters') return Ratio.ZERO;
  let byLevel = SCORES.get(node);
  if (byLevel === undefined) {
    byLevel = new Map();
    SCORES.set(node, byLevel);
  }
  const cached = byLevel.get(level);
  if (cached !== undefined) return cached;
  const parameter = node.scale.parameters.find((p) => p.level === level);
  const score = parameter === undefined ? Ratio.ZERO : Ratio.from(parameter.points).mul(weightOf(node));
  byLevel.set(level, score);
  return score;
}

/** Reads one indicator's level; pushes an error and returns null when it is not acceptable. */
function readLevel(node: FrameworkNode, raw: unknown, where: { id: string; en: string; innovation?: number }, errors: InputError[]): Chosen | null {
  const position = where.innovation === undefined ? {} : { innovation: where.innovation };
  if (raw === undefined || raw === null) {
    if (node.whenMissing !== undefined) {
      const level = Number(node.whenMissing.value);
      return { level, score: scoreOf(node, level), defaulted: true };
    }
    const allowed = allowedText(node);
    errors.push({
      indicator: node.id,
      ...position,
      code: 'MISSING_VALUE',
      message: `${where.id}indikator ${node.id} (${node.name}) wajib diisi; isi ${allowed.id} (0 bila belum ada bukti).`,
      messageEn: `${where.en}indicator ${node.id} (${node.name}) is mandatory; give ${allowed.en} (0 when there is no evidence yet).`,
    });
    return null;
  }
  const value = readNumber(raw);
  if (value === null || !value.isInteger() || !acceptsValue(node, value)) {
    const allowed = allowedText(node);
    errors.push({
      indicator: node.id,
      ...position,
      code: value === null ? 'INVALID_VALUE' : 'OUT_OF_RANGE',
      message: `${where.id}nilai indikator ${node.id} (${node.name}) = ${describeRaw(raw)} tidak sah; isi ${allowed.id}.`,
      messageEn: `${where.en}the value of indicator ${node.id} (${node.name}) = ${describeRaw(raw)} is invalid; give ${allowed.en}.`,
    });
    return null;
  }
  const level = value.num.toNumber();
  return { level, score: scoreOf(node, level), defaulted: false };
}

function describeChoice(node: FrameworkNode, chosen: Chosen): string {
  const scale = node.scale;
  if (scale?.type !== 'parameters') return '';
  if (chosen.level === 0) {
    const why = chosen.defaulted ? `tidak diisi (${node.whenMissing?.note ?? ''})` : (scale.zero?.label ?? 'tidak diisi');
    return `${node.name}: ${why}, skor 0.`;
  }
  const parameter = scale.parameters.find((p) => p.level === chosen.level);
  const weight = node.weight === undefined ? '1' : formatTextId(node.weight);
  return `${node.name}: parameter ${chosen.level}${parameter === undefined ? '' : ` ("${parameter.label}")`}, skor = bobot ${weight} × ${parameter === undefined ? '?' : formatTextId(parameter.points)} = ${formatId(chosen.score)}.`;
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function normalise(text: string): string {
  return text.trim().toLowerCase();
}

type Gate = NonNullable<CountScale['gate']>;

/** An innovation's urusan as the gate reads them: the utama (one, or several in the older list form) and the irisan. */
export interface InnovationUrusan {
  utama: readonly string[];
  irisan: readonly string[];
}

/**
 * The gate's urusan (by key) that the innovations cover: through their urusan utama, and through
 * their irisan only when the gate counts irisan. Keys and names match case-insensitively. Pure, so the
 * projection reports the same coverage the engine scored.
 */
export function coveredUrusan(gate: Gate, innovations: readonly InnovationUrusan[]): Set<string> {
  const byText = new Map<string, string>();
  for (const u of gate.urusan) {
    byText.set(normalise(u.key), u.key);
    byText.set(normalise(u.name), u.key);
  }
  const withIrisan = (gate.counts ?? 'utama') === 'utama-dan-irisan';
  const covered = new Set<string>();
  for (const innovation of innovations) {
    for (const u of withIrisan ? [...innovation.utama, ...innovation.irisan] : innovation.utama) {
      const key = byText.get(normalise(u));
      if (key !== undefined) covered.add(key);
    }
  }
  return covered;
}

const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every((u) => typeof u === 'string');

/** Reads the urusan keys of one innovation; pushes an error and returns null when they are malformed. */
function readUrusan(
  innovation: Record<string, unknown>,
  where: { id: string; en: string; innovation: number },
  errors: InputError[],
): InnovationUrusan | null {
  const list = own(innovation, 'urusan');
  const utama = own(innovation, 'urusanUtama');
  const irisan = own(innovation, 'urusanIrisan');
  const fail = (message: string, messageEn: string) => {
    errors.push({
      indicator: null,
      innovation: where.innovation,
      code: 'INVALID_INPUT',
      message: `${where.id}${message}`,
      messageEn: `${where.en}${messageEn}`,
    });
    return null;
  };
  if (list === undefined && utama === undefined && irisan === undefined) {
    return fail(
      'sebutkan urusannya: "urusanUtama" (satu kunci, mis. "pendidikan", boleh null) dan "urusanIrisan" (daftar, boleh kosong).',
      'give its urusan: "urusanUtama" (one key, e.g. "pendidikan", may be null) and "urusanIrisan" (a list, may be empty).',
    );
  }
  if (list !== undefined && !isTextList(list)) {
    return fail(
      '"urusan" harus berupa daftar teks, mis. ["pendidikan"] (boleh kosong).',
      '"urusan" must be a list of strings, e.g. ["pendidikan"] (may be empty).',
    );
  }
  if (utama !== undefined && utama !== null && typeof utama !== 'string') {
    return fail(
      '"urusanUtama" harus satu kunci urusan, mis. "pendidikan" (atau null).',
      '"urusanUtama" must be one urusan key, e.g. "pendidikan" (or null).',
    );
  }
  if (irisan !== undefined && !isTextList(irisan)) {
    return fail(
      '"urusanIrisan" harus berupa daftar teks, mis. ["kesehatan"] (boleh kosong).',
      '"urusanIrisan" must be a list of strings, e.g. ["kesehatan"] (may be empty).',
    );
  }
  return {
    utama: [...(list ?? []), ...(typeof utama === 'string' ? [utama] : [])],
    irisan: irisan ?? [],
  };
}

export function evaluateInnovations(framework: Framework, input: unknown): Evaluation {
  if (!isRecord(input)) return { ok: false, errors: [notAnObject('Input', 'The input')] };
  const errors: InputError[] = unknownKeys(input, ['spd', 'innovations']);
  const root = framework.root;
  const sid = childrenOf(root).find((c) => c.aggregation?.rule === 'innovation-average');
  if (sid === undefined || sid.aggregation?.rule !== 'innovation-average') {
    throw new Error(`Framework ${framework.id} has no innovation-average node`);
  }
  const minDivisor = sid.aggregation.minDivisor;
  const regionParts = childrenOf(root).filter((c) => c !== sid);
  const regionLeaves = regionParts.flatMap(leaves);
  const countLeaves = childrenOf(sid).filter((c) => c.scale?.type === 'count');
  const innovationParts = childrenOf(sid).filter((c) => c.scale?.type !== 'count');
  const innovationLeaves = innovationParts.flatMap(leaves);
  const regionIds = new Set(regionLeaves.map((l) => l.id));
  const innovationIds = new Set(innovationLeaves.map((l) => l.id));

  const spd = input.spd;
  if (!isRecord(spd)) {
    errors.push({
      indicator: null,
      code: 'INVALID_INPUT',
      message: 'Input harus memuat "spd": objek berisi parameter indikator tingkat daerah, mis. {"1": 3, "2a": 2}.',
      messageEn: 'The input needs "spd": an object of region-level indicator levels, e.g. {"1": 3, "2a": 2}.',
    });
  }
  const innovations = input.innovations;
  if (!Array.isArray(innovations)) {
    errors.push({
      indicator: null,
      code: 'INVALID_INPUT',
      message: 'Input harus memuat "innovations": daftar inovasi (kirim [] bila belum ada inovasi).',
      messageEn: 'The input needs "innovations": a list of innovations (send [] when there are none).',
    });
  }
  if (!isRecord(spd) || !Array.isArray(innovations)) return { ok: false, errors };

  for (const key of Object.keys(spd)) {
    if (regionIds.has(key)) continue;
    errors.push({
      indicator: key,
      code: 'UNKNOWN_INDICATOR',
      message: innovationIds.has(key)
        ? `Indikator ${key} dinilai per inovasi; isi di innovations[].values, bukan di spd.`
        : `Indikator "${key}" tidak ada di antara indikator SPD ${framework.name}.`,
      messageEn: innovationIds.has(key)
        ? `Indicator ${key} is scored per innovation; give it in innovations[].values, not in spd.`
        : `Indicator "${key}" is not an SPD indicator of ${framework.id}.`,
    });
  }
  const regionChoice = new Map<string, Chosen>();
  for (const leaf of regionLeaves) {
    const chosen = readLevel(leaf, own(spd, leaf.id), { id: 'SPD: ', en: 'SPD: ' }, errors);
    if (chosen !== null) regionChoice.set(leaf.id, chosen);
  }

  const gate = countLeaves.map((c) => c.scale).find((s): s is CountScale => s?.type === 'count')?.gate;
  const urusanOf: InnovationUrusan[] = [];
  const perInnovation: Array<Map<string, Chosen>> = [];
  innovations.forEach((innovation, position) => {
    const where = { id: `Inovasi ke-${position + 1}: `, en: `Innovation ${position + 1}: `, innovation: position };
    const choices = new Map<string, Chosen>();
    perInnovation.push(choices);
    if (!isRecord(innovation)) {
      errors.push({ ...notAnObject(`Inovasi ke-${position + 1}`, `Innovation ${position + 1}`), innovation: position });
      return;
    }
    for (const e of unknownKeys(innovation, ['values', 'urusan', 'urusanUtama', 'urusanIrisan', 'id', 'name'])) {
      errors.push({ ...e, innovation: position, message: `${where.id}${e.message}`, messageEn: `${where.en}${e.messageEn}` });
    }
    const values = innovation.values;
    if (!isRecord(values)) {
      errors.push({
        indicator: null,
        innovation: position,
        code: 'INVALID_INPUT',
        message: `${where.id}"values" harus berupa objek berisi parameter indikator 16–35.`,
        messageEn: `${where.en}"values" must be an object of indicator levels.`,
      });
      return;
    }
    const urusan = readUrusan(innovation, where, errors);
    if (urusan !== null) urusanOf.push(urusan);
    for (const key of Object.keys(values)) {
      if (innovationIds.has(key)) continue;
      errors.push({
        indicator: key,
        innovation: position,
        code: 'UNKNOWN_INDICATOR',
        message: regionIds.has(key)
          ? `${where.id}indikator ${key} adalah indikator SPD (tingkat daerah); isi di "spd".`
          : `${where.id}indikator "${key}" tidak ada di antara indikator SID ${framework.name}.`,
        messageEn: regionIds.has(key)
          ? `${where.en}indicator ${key} is a region-level SPD indicator; give it in "spd".`
          : `${where.en}indicator "${key}" is not an SID indicator of ${framework.id}.`,
      });
    }
    for (const leaf of innovationLeaves) {
      const chosen = readLevel(leaf, own(values, leaf.id), where, errors);
      if (chosen !== null) choices.set(leaf.id, chosen);
    }
  });
  if (errors.length > 0) return { ok: false, errors };

  // Everything below works on validated input.
  const covered = gate === undefined ? new Set<string>() : coveredUrusan(gate, urusanOf);
  const warnings: EvaluationWarning[] = [];
  const n = innovations.length;
  const divisor = Math.max(minDivisor, n);
  const divisorRatio = Ratio.int(divisor);
  const base = percentBase(root);
  const rootFactor = Ratio.int(100).div(base);

  for (const leaf of regionLeaves) {
    if (regionChoice.get(leaf.id)?.defaulted === true) {
      warnings.push({
        indicator: leaf.id,
        code: 'DEFAULT_USED',
        message: `SPD indikator ${leaf.id} (${leaf.name}) tidak diisi; dinilai ${node0(leaf)}.`,
        messageEn: `SPD indicator ${leaf.id} (${leaf.name}) was not given; scored ${leaf.whenMissing?.value ?? '0'}.`,
      });
    }
  }
  for (const leaf of innovationLeaves) {
    const missing = perInnovation.flatMap((m, i) => (m.get(leaf.id)?.defaulted === true ? [i + 1] : []));
    if (missing.length > 0) {
      warnings.push({
        indicator: leaf.id,
        code: 'DEFAULT_USED',
        message: `Indikator ${leaf.id} (${leaf.name}) tidak diisi pada ${missing.length} inovasi (ke-${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}); dinilai ${node0(leaf)}.`,
        messageEn: `Indicator ${leaf.id} (${leaf.name}) was not given for ${missing.length} innovations; scored ${leaf.whenMissing?.value ?? '0'}.`,
      });
    }
  }
  if (n < minDivisor) {
    warnings.push({
      indicator: sid.id,
      code: 'EMPTY_SEATS',
      message: `Baru ${n} inovasi: pembagi tetap ${minDivisor}, jadi ${minDivisor - n} kursi kosong menurunkan rata-rata skor SID.`,
      messageEn: `Only ${n} innovations: the divisor stays ${minDivisor}, so ${minDivisor - n} empty seats lower the SID average.`,
    });
  }

  const computed: ComputedNode[] = [];
  // Region-level parts (SPD): plain sums of bobot × parameter.
  const regionComputed = regionParts.map((part) =>
    evaluateTree(part, (leaf): LeafComputation => {
      const chosen = regionChoice.get(leaf.id);
      if (chosen === undefined) throw new Error(`SPD leaf ${leaf.id} was not validated`);
      return {
        value: chosen.score,
        input: chosen.defaulted ? null : String(chosen.level),
        how: describeChoice(leaf, chosen),
        details: { level: chosen.level },
      };
    }),
  );

  // Innovation parts (SID indicators): totals over innovations, divided by the divisor.
  const totals = new Map<string, Ratio>();
  const filled = new Map<string, number>();
  for (const leaf of innovationLeaves) {
    const scores = perInnovation.map((m) => m.get(leaf.id)?.score ?? Ratio.ZERO);
    totals.set(leaf.id, sumRatios(scores));
    filled.set(leaf.id, perInnovation.filter((m) => (m.get(leaf.id)?.level ?? 0) > 0).length);
  }
  const divisorText = `MAX(${minDivisor}, n = ${n}) = ${divisor}`;
  const innovationComputed = innovationParts.map((part) =>
    evaluateTree(part, (leaf): LeafComputation => {
      const total = totals.get(leaf.id) ?? Ratio.ZERO;
      const average = total.div(divisorRatio);
      return {
        value: average,
        how: `${leaf.name}: jumlah skor pada ${n} inovasi = ${formatId(total)}, dibagi ${divisorText}, hasilnya ${formatId(average)}.`,
        details: { total: total.toPlain(), filled: filled.get(leaf.id) ?? 0, divisor },
      };
    }),
  );

  // Count score (Jumlah Inovasi) with the yandas gate.
  const countComputed: ComputedNode[] = countLeaves.map((leaf) => {
    const scale = leaf.scale;
    if (scale?.type !== 'count') throw new Error(`Count leaf ${leaf.id} has no count scale`);
    const counted = Math.min(n, scale.cap);
    const raw = Ratio.int(counted).mul(Ratio.from(scale.perItem));
    const formula = `MIN(${n}, ${scale.cap}) × ${formatTextId(scale.perItem)} = ${formatId(raw)}`;
    let value = raw;
    let how = `${leaf.name} = ${formula}.`;
    if (scale.gate !== undefined) {
      const k = covered.size;
      const total = scale.gate.urusan.length;
      const by = (scale.gate.counts ?? 'utama') === 'utama' ? 'sebagai urusan utama' : 'sebagai urusan utama atau irisan';
      if (k >= scale.gate.minimum) {
        how = `${leaf.name}: ${k} dari ${total} urusan pelayanan dasar tercakup ${by} (minimal ${scale.gate.minimum}), jadi skor = ${formula}.`;
      } else {
        value = Ratio.ZERO;
        const lacking = scale.gate.urusan.filter((u) => !covered.has(u.key)).map((u) => u.name);
        how = `${leaf.name}: hanya ${k} dari ${total} urusan pelayanan dasar tercakup ${by} (minimal ${scale.gate.minimum}; belum: ${lacking.join(', ')}), jadi skor 0 (tanpa syarat ini ${formula}).`;
        const byEn = by === 'sebagai urusan utama' ? 'as urusan utama' : 'as urusan utama or irisan';
        warnings.push({
          indicator: leaf.id,
          code: 'YANDAS_SHORT',
          message: `Inovasi baru mencakup ${k} dari ${scale.gate.minimum} urusan pelayanan dasar yang disyaratkan ${by} (belum: ${lacking.join(', ')}); skor jumlah inovasi 0.`,
          messageEn: `The innovations cover ${k} of the ${scale.gate.minimum} basic-service urusan required ${byEn} (missing: ${lacking.join(', ')}); the count score is 0.`,
        });
      }
    }
    return {
      node: leaf,
      parentId: sid.id,
      value,
      factor: rootFactor,
      how,
      details: { innovations: n, yandas: covered.size },
    };
  });

  const regionValue = sumRatios(regionComputed.map((c) => c[0]?.value ?? Ratio.ZERO));
  const innovationAverage = sumRatios(innovationComputed.map((c) => c[0]?.value ?? Ratio.ZERO));
  const countValue = sumRatios(countComputed.map((c) => c.value));
  const sidValue = innovationAverage.add(countValue);
  const innovationSum = sumRatios([...totals.values()]);
  const rootValue = regionValue.add(sidValue).mul(rootFactor);

  const parts = childrenOf(root).map((child) => {
    const value = child === sid ? sidValue : (regionComputed[regionParts.indexOf(child)]?.[0]?.value ?? Ratio.ZERO);
    return `${child.name} ${formatId(value)}`;
  });
  computed.push({
    node: root,
    parentId: null,
    value: rootValue,
    factor: Ratio.ONE,
    how: `${root.name} = (${parts.join(' + ')}) ÷ ${formatId(base)} × 100 = ${formatId(rootValue)}.`,
  });
  for (const part of regionComputed) computed.push(...rescale(part, rootFactor, root.id));
  computed.push({
    node: sid,
    parentId: root.id,
    value: sidValue,
    factor: rootFactor,
    how: `${sid.name}: jumlah skor semua inovasi ${formatId(innovationSum)} dibagi ${divisorText}, hasilnya ${formatId(innovationAverage)}; ditambah skor jumlah inovasi ${formatId(countValue)}, jadi ${formatId(sidValue)}.`,
    details: { innovations: n, divisor },
  });
  for (const part of innovationComputed) computed.push(...rescale(part, rootFactor, sid.id));
  computed.push(...countComputed);

  const scores = perInnovation.map((m, position) => ({
    position,
    score: sumRatios(innovationLeaves.map((leaf) => m.get(leaf.id)?.score ?? Ratio.ZERO)).toPlain(12),
  }));
  return { ok: true, result: finalize(framework, computed, warnings, { innovations: scores }) };
}

function node0(leaf: FrameworkNode): string {
  return formatTextId(leaf.whenMissing?.value ?? '0');
}

/** Re-roots a subtree's factors under a parent whose own factor is `factor`. */
function rescale(nodes: readonly ComputedNode[], factor: Ratio, parentId: string): ComputedNode[] {
  return nodes.map((c, i) => (i === 0 ? { ...c, parentId, factor: c.factor.mul(factor) } : { ...c, factor: c.factor.mul(factor) }));
}
