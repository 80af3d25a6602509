/**
 * Predicate bands (predikat): which named band a value falls in, with both edges explicit
 * (inclusive or exclusive), and the checks that bands neither overlap nor leave a gap.
 */
import { Dec, formatTextId, Ratio } from './decimal.ts';
import type { Band } from './framework.schema.ts';

function edge(value: string): Ratio {
  return Ratio.from(value);
}

export function bandContains(band: Band, value: Ratio): boolean {
  if (band.min !== null) {
    const c = value.cmp(edge(band.min.value));
    if (c < 0 || (c === 0 && !band.min.inclusive)) return false;
  }
  if (band.max !== null) {
    const c = value.cmp(edge(band.max.value));
    if (c > 0 || (c === 0 && !band.max.inclusive)) return false;
  }
  return true;
}

export function findBand(bands: readonly Band[], value: Ratio): Band | null {
  return bands.find((b) => bandContains(b, value)) ?? null;
}

/** "4,2 ≤ nilai ≤ 5,0", "nilai < 1,8": the band's range in words people read. */
export function describeBand(band: Band): string {
  const lower = band.min === null ? '' : `${formatTextId(band.min.value)} ${band.min.inclusive ? '≤' : '<'} `;
  const upper = band.max === null ? '' : ` ${band.max.inclusive ? '≤' : '<'} ${formatTextId(band.max.value)}`;
  if (band.min === null && band.max === null) return 'semua nilai';
  return `${lower}nilai${upper}`;
}

export interface BandProblem {
  index: number;
  message: string;
  messageEn: string;
}

function ceilToInteger(r: Ratio): Dec {
  const truncated = r.num.divToInt(r.den);
  return truncated.times(r.den).lt(r.num) ? truncated.plus(1) : truncated;
}

/** Smallest value on the grid (multiples of 10^-places) that is above, or at, `x`. */
function gridCeil(x: Ratio, places: number, strictlyAbove: boolean): Ratio {
  const scale = Ratio.fromDecimal(new Dec(10).pow(places));
  const scaled = x.mul(scale);
  let k = ceilToInteger(scaled);
  if (strictlyAbove && Ratio.fromDecimal(k).eq(scaled)) k = k.plus(1);
  return Ratio.fromDecimal(k).div(scale);
}

/**
 * Finds overlapping bands, bands with their edges the wrong way round, and gaps between bands. With
 * `gridPlaces`, values are published with that many decimals, so a gap narrower than one step
 * (IKM 64.99 | 65.00) is no gap; without it, any gap is.
 */
export function checkBands(bands: readonly Band[], gridPlaces: number | null): BandProblem[] {
  const problems: BandProblem[] = [];
  bands.forEach((band, index) => {
    if (band.min !== null && band.max !== null) {
      const c = edge(band.min.value).cmp(edge(band.max.value));
      if (c > 0 || (c === 0 && !(band.min.inclusive && band.max.inclusive))) {
        problems.push({
          index,
          message: `Rentang predikat "${band.name}" kosong: batas bawah melebihi batas atas.`,
          messageEn: `Band "${band.name}" is empty: its lower edge is above its upper edge.`,
        });
      }
    }
  });
  const order = bands
    .map((band, index) => ({ band, index }))
    .sort((a, b) => {
      if (a.band.min === null) return -1;
      if (b.band.min === null) return 1;
      return edge(a.band.min.value).cmp(edge(b.band.min.value));
    });
  for (let i = 0; i + 1 < order.length; i += 1) {
    const lower = order[i];
    const upper = order[i + 1];
    if (lower === undefined || upper === undefined) continue;
    const a = lower.band;
    const b = upper.band;
    if (a.max === null || b.min === null) {
      problems.push({
        index: upper.index,
        message: `Rentang predikat "${a.name}" dan "${b.name}" bertumpang tindih.`,
        messageEn: `Bands "${a.name}" and "${b.name}" overlap.`,
      });
      continue;
    }
    const top = edge(a.max.value);
    const bottom = edge(b.min.value);
    const c = bottom.cmp(top);
    if (c < 0 || (c === 0 && a.max.inclusive && b.min.inclusive)) {
      problems.push({
        index: upper.index,
        message: `Rentang predikat "${a.name}" dan "${b.name}" bertumpang tindih di ${formatTextId(b.min.value)}.`,
        messageEn: `Bands "${a.name}" and "${b.name}" overlap at ${b.min.value}.`,
      });
      continue;
    }
    let gap: boolean;
    if (gridPlaces === null) {
      gap = c > 0 || (c === 0 && !a.max.inclusive && !b.min.inclusive);
    } else {
      const firstUncovered = gridCeil(top, gridPlaces, a.max.inclusive);
      const g = firstUncovered.cmp(bottom);
      gap = g < 0 || (g === 0 && !b.min.inclusive);
    }
    if (gap) {
      problems.push({
        index: upper.index,
        message: `Ada celah antara rentang predikat "${a.name}" (sampai ${formatTextId(a.max.value)}) dan "${b.name}" (mulai ${formatTextId(b.min.value)}): sebagian nilai tidak mendapat predikat.`,
        messageEn: `Gap between band "${a.name}" (up to ${a.max.value}) and "${b.name}" (from ${b.min.value}): some values would get no predicate.`,
      });
    }
  }
  return problems;
}
