/**
 * Engine for frameworks scored from one value per indicator: maturity levels (SPBE 2020, levels
 * 1–5) and decimal values (Indeks Pemdi 2026, smart-city evaluation dimensions). Input:
 * {"values": {"<indicatorId>": <number>}}. Parents aggregate by their rule (weighted mean for all
 * three shipped frameworks); see docs/scoring/.
 */
import { evaluateTree, type LeafComputation } from './aggregate.ts';
import { acceptsValue } from './framework-checks.ts';
import type { Framework, FrameworkNode } from './framework.schema.ts';
import { formatId, formatTextId, Ratio } from './decimal.ts';
import { allowedText, describeRaw, isRecord, notAnObject, readNumber, unknownKeys } from './input.ts';
import { type EvaluationWarning, type Evaluation, finalize, type InputError } from './result.ts';
import { isLeaf, walk } from './tree.ts';

export function evaluateValues(framework: Framework, input: unknown): Evaluation {
  if (!isRecord(input)) return { ok: false, errors: [notAnObject('Input', 'The input')] };
  const errors: InputError[] = unknownKeys(input, ['values']);
  const values = input.values;
  if (!isRecord(values)) {
    errors.push({
      indicator: null,
      code: 'INVALID_INPUT',
      message: 'Input harus memuat "values": objek berisi nilai per indikator, mis. {"values": {"1": 3}}.',
      messageEn: 'The input needs "values": an object of values per indicator, e.g. {"values": {"1": 3}}.',
    });
    return { ok: false, errors };
  }

  const nodes = new Map(walk(framework.root).map((v) => [v.node.id, v.node]));
  for (const key of Object.keys(values)) {
    const node = nodes.get(key);
    if (node === undefined) {
      errors.push({
        indicator: key,
        code: 'UNKNOWN_INDICATOR',
        message: `Indikator "${key}" tidak ada dalam kerangka ${framework.name}.`,
        messageEn: `Indicator "${key}" does not exist in framework ${framework.id}.`,
      });
    } else if (!isLeaf(node)) {
      errors.push({
        indicator: key,
        code: 'UNKNOWN_INDICATOR',
        message: `"${key}" (${node.name}) bukan indikator: nilainya dihitung dari indikator di bawahnya.`,
        messageEn: `"${key}" (${node.name}) is not an indicator: its value is computed from the indicators below it.`,
      });
    }
  }

  const leafInputs = new Map<string, LeafComputation>();
  const warnings: EvaluationWarning[] = [];
  for (const { node } of walk(framework.root)) {
    if (!isLeaf(node)) continue;
    const raw = Object.hasOwn(values, node.id) ? values[node.id] : undefined;
    if (raw === undefined || raw === null) {
      if (node.whenMissing !== undefined) {
        const value = Ratio.from(node.whenMissing.value);
        leafInputs.set(node.id, {
          value,
          input: null,
          how: `${node.name}: tidak diisi, dipakai ${formatTextId(node.whenMissing.value)} (${node.whenMissing.note}).`,
        });
        warnings.push({
          indicator: node.id,
          code: 'DEFAULT_USED',
          message: `Indikator ${node.id} (${node.name}) tidak diisi; dipakai nilai ${formatTextId(node.whenMissing.value)}: ${node.whenMissing.note}`,
          messageEn: `Indicator ${node.id} (${node.name}) was not given; ${node.whenMissing.value} was used: ${node.whenMissing.note}`,
        });
        continue;
      }
      const allowed = allowedText(node);
      errors.push({
        indicator: node.id,
        code: 'MISSING_VALUE',
        message: `Indikator ${node.id} (${node.name}) belum diisi; isi ${allowed.id}.`,
        messageEn: `Indicator ${node.id} (${node.name}) has no value; give ${allowed.en}.`,
      });
      continue;
    }
    const value = readNumber(raw);
    if (value === null) {
      const allowed = allowedText(node);
      errors.push({
        indicator: node.id,
        code: 'INVALID_VALUE',
        message: `Nilai indikator ${node.id} (${describeRaw(raw)}) bukan angka; isi ${allowed.id} (desimal memakai titik).`,
        messageEn: `The value of indicator ${node.id} (${describeRaw(raw)}) is not a number; give ${allowed.en}.`,
      });
      continue;
    }
    if (!acceptsValue(node, value)) {
      const allowed = allowedText(node);
      errors.push({
        indicator: node.id,
        code: 'OUT_OF_RANGE',
        message: `Nilai indikator ${node.id} (${node.name}) = ${formatId(value, 12)} di luar skala; isi ${allowed.id}.`,
        messageEn: `The value of indicator ${node.id} (${node.name}) = ${value.toPlain()} is out of range; give ${allowed.en}.`,
      });
      continue;
    }
    leafInputs.set(node.id, { value, input: value.toPlain(12), how: describeLeaf(node, value) });
  }
  if (errors.length > 0) return { ok: false, errors };

  const computed = evaluateTree(framework.root, (leaf) => {
    const given = leafInputs.get(leaf.id);
    if (given === undefined) throw new Error(`Leaf ${leaf.id} was not validated`);
    return given;
  });
  return { ok: true, result: finalize(framework, computed, warnings) };
}

function describeLeaf(node: FrameworkNode, value: Ratio): string {
  const scale = node.scale;
  const weight = node.weight === undefined ? '' : ` Bobot ${formatTextId(node.weight)}.`;
  if (scale?.type === 'levels') {
    const level = scale.levels.find((l) => Ratio.int(l.level).eq(value));
    return `${node.name}: tingkat ${formatId(value)}${level === undefined ? '' : ` (${level.name})`}.${weight}`;
  }
  return `${node.name}: nilai ${formatId(value, 12)}.${weight}`;
}
