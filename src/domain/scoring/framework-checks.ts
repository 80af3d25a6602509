/**
 * Semantic checks of a framework file, after its shape has passed the schema: rules a schema
 * cannot state, such as unique node ids, weights that add up to their parent's, a scale on every
 * leaf, bands without overlaps or gaps, and a declared maximum that matches the tree.
 */
import { checkBands } from './bands.ts';
import { formatId, Ratio, sumRatios } from './decimal.ts';
import type { Framework, FrameworkNode } from './framework.schema.ts';
import { childrenOf, isLeaf, maxValue, roundingFor, walk, weightOf } from './tree.ts';

export interface FrameworkIssue {
  /** Where in the file, e.g. root.children[1].weight. */
  path: string;
  message: string;
  messageEn: string;
}

const LEAF_SCALES: Record<Framework['inputKind'], readonly string[]> = {
  values: ['levels', 'decimal'],
  survey: ['likert'],
  innovations: ['parameters', 'count'],
};

const RULES: Record<Framework['inputKind'], readonly string[]> = {
  values: ['weighted-mean', 'weighted-sum', 'sum'],
  survey: ['weighted-mean', 'weighted-sum'],
  innovations: ['sum', 'innovation-average', 'percent-of-max'],
};

function label(node: FrameworkNode): string {
  return `"${node.id}"`;
}

export function checkFramework(framework: Framework): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const add = (path: string, message: string, messageEn: string) => {
    issues.push({ path, message, messageEn });
  };
  const visits = walk(framework.root);
  const kinds = new Set(visits.map((v) => v.node.kind));

  if (framework.effectiveYears.to !== null && framework.effectiveYears.to < framework.effectiveYears.from) {
    add('effectiveYears', 'Tahun berlaku "to" lebih awal dari "from".', 'effectiveYears.to is earlier than effectiveYears.from.');
  }

  const seen = new Map<string, string>();
  for (const { node, parent, path } of visits) {
    const first = seen.get(node.id);
    if (first !== undefined) {
      add(`${path}.id`, `Id simpul ${label(node)} sudah dipakai di ${first}.`, `Node id ${label(node)} is already used at ${first}.`);
    } else {
      seen.set(node.id, path);
    }

    if (isLeaf(node)) {
      if (node.scale === undefined) {
        add(path, `Indikator ${label(node)} tidak punya skala (scale).`, `Leaf ${label(node)} has no scale.`);
      } else if (!LEAF_SCALES[framework.inputKind].includes(node.scale.type)) {
        add(
          `${path}.scale.type`,
          `Skala "${node.scale.type}" tidak dapat dipakai pada kerangka dengan input "${framework.inputKind}".`,
          `Scale "${node.scale.type}" cannot be used in a framework with input "${framework.inputKind}".`,
        );
      }
      if (node.aggregation !== undefined) {
        add(
          `${path}.aggregation`,
          `Indikator ${label(node)} tidak punya anak, jadi tidak boleh punya aturan agregasi.`,
          `Leaf ${label(node)} has no children, so it cannot have an aggregation rule.`,
        );
      }
    } else {
      if (node.scale !== undefined) {
        add(
          `${path}.scale`,
          `Simpul ${label(node)} punya anak, jadi nilainya dihitung dan tidak boleh punya skala.`,
          `Node ${label(node)} has children, so it is computed and cannot have a scale.`,
        );
      }
      if (node.aggregation === undefined) {
        add(
          path,
          `Simpul ${label(node)} punya anak tetapi tidak punya aturan agregasi (aggregation).`,
          `Node ${label(node)} has children but no aggregation rule.`,
        );
      } else if (!RULES[framework.inputKind].includes(node.aggregation.rule)) {
        add(
          `${path}.aggregation.rule`,
          `Aturan "${node.aggregation.rule}" tidak dapat dipakai pada kerangka dengan input "${framework.inputKind}".`,
          `Rule "${node.aggregation.rule}" cannot be used in a framework with input "${framework.inputKind}".`,
        );
      }
    }

    if (node.weight !== undefined && Ratio.from(node.weight).isZero()) {
      add(`${path}.weight`, `Bobot ${label(node)} tidak boleh nol.`, `The weight of ${label(node)} must not be zero.`);
    }
    const parentRule = parent?.aggregation?.rule;
    if ((parentRule === 'weighted-mean' || parentRule === 'weighted-sum') && node.weight === undefined) {
      add(
        path,
        `Simpul ${label(node)} perlu bobot (weight) karena induknya memakai "${parentRule}".`,
        `Node ${label(node)} needs a weight because its parent uses "${parentRule}".`,
      );
    }
    if (node.scale?.type === 'parameters' && node.weight === undefined) {
      add(
        path,
        `Indikator ${label(node)} perlu bobot: skornya bobot × poin parameter.`,
        `Leaf ${label(node)} needs a weight: its score is weight × parameter points.`,
      );
    }
    if (node.scale?.type === 'count' && parentRule !== 'innovation-average') {
      add(
        path,
        `Indikator jumlah ${label(node)} harus langsung di bawah simpul "innovation-average".`,
        `Count leaf ${label(node)} must sit directly under an "innovation-average" node.`,
      );
    }
    if (node.aggregation?.rule === 'innovation-average' && parent?.aggregation?.rule !== 'percent-of-max') {
      add(
        path,
        `Simpul ${label(node)} ("innovation-average") harus langsung di bawah akar "percent-of-max".`,
        `Node ${label(node)} ("innovation-average") must sit directly under a "percent-of-max" root.`,
      );
    }

    checkScale(node, path, add);
  }

  if (framework.inputKind === 'innovations') {
    const averages = visits.filter((v) => v.node.aggregation?.rule === 'innovation-average');
    if (averages.length !== 1) {
      add(
        'root',
        'Kerangka inovasi perlu tepat satu simpul "innovation-average" (SID).',
        'An innovations framework needs exactly one "innovation-average" node (SID).',
      );
    }
    if (framework.root.aggregation?.rule !== 'percent-of-max') {
      add(
        'root.aggregation',
        'Akar kerangka inovasi harus memakai "percent-of-max".',
        'The root of an innovations framework must use "percent-of-max".',
      );
    }
  }

  const rules = framework.innovationRules;
  if (rules !== undefined && framework.inputKind !== 'innovations') {
    add(
      'innovationRules',
      'Aturan inovasi (innovationRules) hanya untuk kerangka dengan input "innovations".',
      'innovationRules belong only to a framework with input "innovations".',
    );
  }
  const window = rules?.eligibility?.window;
  if (window !== undefined && window !== null && window.to < window.from) {
    add(
      'innovationRules.eligibility.window',
      'Jendela kelayakan: tanggal "to" lebih awal dari "from".',
      'Eligibility window: "to" is earlier than "from".',
    );
  }

  checkWeights(framework, add);
  checkDeclaredMaximum(framework, add);

  framework.rounding.forEach((rule, i) => {
    for (const kind of rule.appliesTo) {
      if (!kinds.has(kind)) {
        add(`rounding[${i}].appliesTo`, `Jenis simpul "${kind}" tidak ada di pohon kerangka.`, `Node kind "${kind}" does not occur in the tree.`);
      }
      const earlier = framework.rounding.findIndex((r) => r.appliesTo.includes(kind));
      if (earlier !== i) {
        add(
          `rounding[${i}].appliesTo`,
          `Jenis simpul "${kind}" sudah punya aturan pembulatan di rounding[${earlier}].`,
          `Node kind "${kind}" already has a rounding rule at rounding[${earlier}].`,
        );
      }
    }
  });

  const predicates = framework.predicates;
  if (predicates !== null) {
    let grid: number | null = null;
    for (const kind of predicates.appliesTo) {
      if (!kinds.has(kind)) {
        add('predicates.appliesTo', `Jenis simpul "${kind}" tidak ada di pohon kerangka.`, `Node kind "${kind}" does not occur in the tree.`);
      }
      if (predicates.basis === 'rounded') {
        const rule = roundingFor(framework, kind);
        if (rule === undefined) {
          add(
            'predicates.basis',
            `Predikat dihitung dari nilai yang dibulatkan, tetapi jenis "${kind}" tidak punya aturan pembulatan.`,
            `Predicates use the rounded value, but kind "${kind}" has no rounding rule.`,
          );
        } else {
          grid = Math.max(grid ?? 0, rule.places);
        }
      }
    }
    for (const problem of checkBands(predicates.bands, predicates.basis === 'rounded' ? grid : null)) {
      add(`predicates.bands[${problem.index}]`, problem.message, problem.messageEn);
    }
  }
  return issues;
}

type Add = (path: string, message: string, messageEn: string) => void;

function checkScale(node: FrameworkNode, path: string, add: Add): void {
  const scale = node.scale;
  if (scale === undefined) return;
  const duplicates = (values: number[]) => values.filter((v, i) => values.indexOf(v) !== i);
  switch (scale.type) {
    case 'levels': {
      const levels = scale.levels.map((l) => l.level);
      if (duplicates(levels).length > 0 || levels.some((l, i) => i > 0 && l <= (levels[i - 1] ?? l))) {
        add(
          `${path}.scale.levels`,
          `Tingkat pada ${label(node)} harus unik dan berurutan naik.`,
          `Levels of ${label(node)} must be unique and ascending.`,
        );
      }
      break;
    }
    case 'parameters': {
      const levels = scale.parameters.map((p) => p.level);
      if (duplicates(levels).length > 0 || levels.some((l, i) => i > 0 && l <= (levels[i - 1] ?? l))) {
        add(
          `${path}.scale.parameters`,
          `Parameter pada ${label(node)} harus unik dan berurutan naik.`,
          `Parameters of ${label(node)} must be unique and ascending.`,
        );
      }
      const keys = (scale.bases ?? []).map((b) => b.key);
      scale.bases?.forEach((basis, i) => {
        if (keys.indexOf(basis.key) !== i) {
          add(
            `${path}.scale.bases[${i}].key`,
            `Basis ukur "${basis.key}" pada ${label(node)} ganda.`,
            `Basis "${basis.key}" of ${label(node)} is duplicated.`,
          );
        }
        const given = basis.levels.map((l) => l.level).sort((a, b) => a - b);
        if (given.join(',') !== [...levels].sort((a, b) => a - b).join(',')) {
          add(
            `${path}.scale.bases[${i}].levels`,
            `Basis ukur "${basis.key}" pada ${label(node)} harus menjelaskan tepat parameter ${levels.join(', ')}.`,
            `Basis "${basis.key}" of ${label(node)} must describe exactly levels ${levels.join(', ')}.`,
          );
        }
      });
      // A figure's thresholds or options may only name parameters the scale has.
      const figure = scale.figure;
      const named =
        figure === undefined ? [] : figure.kind === 'numeric' ? figure.thresholds.map((t) => t.level) : figure.options.map((o) => o.level);
      named.forEach((level, i) => {
        if (!levels.includes(level)) {
          add(
            `${path}.scale.figure.${figure?.kind === 'numeric' ? 'thresholds' : 'options'}[${i}].level`,
            `Ambang angka pada ${label(node)} menunjuk parameter ${level} yang tidak ada (ada: ${levels.join(', ')}).`,
            `A figure threshold of ${label(node)} names level ${level}, which the scale does not have (${levels.join(', ')}).`,
          );
        }
      });
      if (figure?.kind === 'numeric') {
        figure.thresholds.forEach((t, i) => {
          const tooPrecise = [t.min, t.max].some((b) => b !== undefined && (b.split('.')[1]?.length ?? 0) > figure.decimals);
          if (
            (t.min === undefined && t.max === undefined) ||
            tooPrecise ||
            (t.min !== undefined && t.max !== undefined && Ratio.from(t.min).gt(Ratio.from(t.max)))
          ) {
            add(
              `${path}.scale.figure.thresholds[${i}]`,
              `Ambang ke-${i + 1} pada ${label(node)} harus punya batas bawah dan/atau atas (bawah ≤ atas, paling banyak ${figure.decimals} desimal).`,
              `Threshold ${i + 1} of ${label(node)} needs a min and/or max (min ≤ max, at most ${figure.decimals} decimals).`,
            );
          }
        });
      }
      break;
    }
    case 'decimal':
      if (!Ratio.from(scale.min).lt(Ratio.from(scale.max))) {
        add(
          `${path}.scale`,
          `Batas bawah skala ${label(node)} harus lebih kecil dari batas atas.`,
          `The scale minimum of ${label(node)} must be below its maximum.`,
        );
      }
      break;
    case 'likert': {
      const values = scale.options.map((o) => o.value);
      if (duplicates(values).length > 0) {
        add(`${path}.scale.options`, `Pilihan jawaban pada ${label(node)} harus unik.`, `Answer options of ${label(node)} must be unique.`);
      }
      break;
    }
    case 'count':
      if (scale.gate !== undefined && scale.gate.minimum > scale.gate.urusan.length) {
        add(
          `${path}.scale.gate.minimum`,
          `Syarat minimal urusan (${scale.gate.minimum}) melebihi jumlah urusan yang didaftar (${scale.gate.urusan.length}).`,
          `The urusan minimum (${scale.gate.minimum}) exceeds the number of urusan listed (${scale.gate.urusan.length}).`,
        );
      }
      break;
  }
  if (node.whenMissing !== undefined && node.mandatory === true) {
    add(
      `${path}.whenMissing`,
      `Indikator wajib ${label(node)} tidak boleh punya nilai pengganti (whenMissing).`,
      `Mandatory leaf ${label(node)} cannot have a default (whenMissing).`,
    );
  }
  if (node.whenMissing !== undefined && !acceptsValue(node, Ratio.from(node.whenMissing.value))) {
    add(
      `${path}.whenMissing.value`,
      `Nilai pengganti ${node.whenMissing.value} bukan nilai yang sah untuk skala ${label(node)}.`,
      `Default ${node.whenMissing.value} is not a valid value on the scale of ${label(node)}.`,
    );
  }
}

/** Whether a value is one the node's scale accepts as input. */
export function acceptsValue(node: FrameworkNode, value: Ratio): boolean {
  const scale = node.scale;
  if (scale === undefined) return false;
  const integer = value.isInteger() ? value.num.toNumber() : null;
  switch (scale.type) {
    case 'levels':
      return integer !== null && scale.levels.some((l) => l.level === integer);
    case 'parameters':
      return integer !== null && ((scale.zero !== undefined && integer === 0) || scale.parameters.some((p) => p.level === integer));
    case 'decimal':
      return !value.lt(Ratio.from(scale.min)) && !value.gt(Ratio.from(scale.max));
    case 'likert':
      return integer !== null && scale.options.some((o) => o.value === integer);
    case 'count':
      return false;
  }
}

function checkWeights(framework: Framework, add: Add): void {
  if (framework.weights.mode !== 'absolute') return;
  for (const { node, path } of walk(framework.root)) {
    if (isLeaf(node)) continue;
    if (node !== framework.root && node.weight === undefined) {
      add(path, `Bobot mutlak: simpul ${label(node)} perlu bobot.`, `Absolute weights: node ${label(node)} needs a weight.`);
      continue;
    }
    const children = childrenOf(node);
    if (children.some((c) => c.weight === undefined)) continue;
    const sum = sumRatios(children.map(weightOf));
    const expected = node === framework.root ? (framework.weights.total === undefined ? null : Ratio.from(framework.weights.total)) : weightOf(node);
    if (expected !== null && !sum.eq(expected)) {
      add(
        `${path}.children`,
        `Bobot mutlak: jumlah bobot anak ${label(node)} = ${formatId(sum)}, seharusnya ${formatId(expected)}.`,
        `Absolute weights: the children of ${label(node)} weigh ${sum.toPlain()} in total, expected ${expected.toPlain()}.`,
      );
    }
  }
}

function checkDeclaredMaximum(framework: Framework, add: Add): void {
  for (const { node, path } of walk(framework.root)) {
    const rule = node.aggregation;
    if (rule?.rule !== 'percent-of-max' || rule.maxScore === undefined) continue;
    const computed = sumRatios(childrenOf(node).map(maxValue));
    const declared = Ratio.from(rule.maxScore);
    if (!computed.eq(declared)) {
      add(
        `${path}.aggregation.maxScore`,
        `Skor maksimum tertulis ${formatId(declared)}, tetapi dari pohon kerangka maksimumnya ${formatId(computed)}.`,
        `Declared maximum ${declared.toPlain()} differs from the maximum of the tree, ${computed.toPlain()}.`,
      );
    }
  }
}
