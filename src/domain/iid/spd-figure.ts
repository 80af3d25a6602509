/**
 * The parameter of an SPD indicator chosen from the figure the region enters (a poverty or
 * unemployment rate, an audit opinion), when the framework file defines the parameters as thresholds
 * on that figure (`scale.figure`). The region enters the figure and its source; the parameter follows
 * from the framework, so nobody picks another one by hand. Pure.
 */
import { Ratio } from '../scoring/decimal.ts';
import type { Figure } from '../scoring/framework.schema.ts';
import type { IidIndicator } from './structure.ts';

/** The figure of an indicator, or null when its parameters are chosen by hand. */
export function figureOf(indicator: IidIndicator): Figure | null {
  const scale = indicator.node.scale;
  return scale?.type === 'parameters' ? (scale.figure ?? null) : null;
}

export type FigureChoice = { ok: true; level: number; rule: string } | { ok: false; reason: string };

const NUMBER = /^-?\d+(\.\d+)?$/;
const id = (text: string) => text.replace('.', ',');

/** "≥ 13,10", "4,81 s.d. 13,11", "≤ 4,82": one threshold in words, as the guideline writes it. */
export function describeThreshold(t: { min?: string | undefined; max?: string | undefined }): string {
  if (t.min !== undefined && t.max !== undefined) return `${id(t.min)} s.d. ${id(t.max)}`;
  if (t.min !== undefined) return `≥ ${id(t.min)}`;
  return `≤ ${id(t.max ?? '')}`;
}

/**
 * The level for `value` (a decimal with a dot, or a category key). Numeric: at most `decimals` places;
 * thresholds inclusive at both ends, checked in the order listed, the first holding the figure wins.
 */
export function chooseParameter(figure: Figure, value: string): FigureChoice {
  const trimmed = value.trim();
  if (figure.kind === 'category') {
    const option = figure.options.find((o) => o.key.toLowerCase() === trimmed.toLowerCase());
    if (option === undefined) {
      return { ok: false, reason: `${figure.name} harus salah satu dari: ${figure.options.map((o) => `${o.key} (${o.label})`).join(', ')}` };
    }
    return { ok: true, level: option.level, rule: `${figure.name} ${option.label}` };
  }
  if (!NUMBER.test(trimmed)) {
    return { ok: false, reason: `${figure.name} harus angka, mis. 9.54 (titik sebagai pemisah desimal)` };
  }
  const places = trimmed.split('.')[1]?.length ?? 0;
  if (places > figure.decimals) {
    return { ok: false, reason: `${figure.name} diisi paling banyak ${figure.decimals} angka di belakang koma, seperti angka resminya` };
  }
  const x = Ratio.from(trimmed);
  for (const t of figure.thresholds) {
    const aboveMin = t.min === undefined || !x.lt(Ratio.from(t.min));
    const belowMax = t.max === undefined || !x.gt(Ratio.from(t.max));
    if (aboveMin && belowMax)
      return { ok: true, level: t.level, rule: `${figure.name} ${describeThreshold(t)}${figure.unit === '' ? '' : ` ${figure.unit}`}` };
  }
  return { ok: false, reason: `${figure.name} ${id(trimmed)} tidak masuk ambang mana pun pada kerangka ini` };
}
