/**
 * One precision per kind of figure, on every page: a reader comparing "+0,03" with "+0,0275", or
 * "+0,6" with "+0,047", cannot tell which change is larger at a glance, and a published index shows
 * the places its framework publishes. Figures travel as exact decimal text and are rounded half-up here
 * (never through a binary float); a change is shown with the places of the figure it changes.
 */
import { useMemo } from 'react';
import { roundDecimalText } from './decimal-text.ts';
import { useI18n } from '../i18n/i18n.tsx';

export const FIGURE_PLACES = {
  /** An index on 0–5: SPBE, Indeks Pemdi, smart-city evaluation and their pillars. */
  index: 2,
  /** The Indeks Inovasi Daerah and its parts, on the 0–250 scale of its predicates. */
  iid: 2,
  /** The IKM of a service or region, 0–100. */
  ikm: 2,
  /** A share or progress, 0–100 %. */
  percent: 1,
} as const;

export type FigureKind = keyof typeof FIGURE_PLACES;

/** `text` at the places of its kind, half-up ("3.6875" as an index → "3.69"). */
export function figureText(text: string, kind: FigureKind): string {
  return roundDecimalText(text, FIGURE_PLACES[kind]);
}

export interface DeltaParts {
  /** "+" for a rise, "−" (a minus sign, not a hyphen) for a fall, nothing when it rounds to zero. */
  sign: '+' | '−' | '';
  /** The size of the change at the places of its figure, as decimal text without sign. */
  magnitude: string;
  direction: 'up' | 'down' | 'flat';
}

/** A change of a figure of `kind`, rounded at that figure's places: "0.0275" → +0.03, "-0.004" → 0.00. */
export function deltaParts(text: string, kind: FigureKind): DeltaParts {
  const rounded = figureText(text, kind);
  const isFall = rounded.startsWith('-');
  const magnitude = isFall ? rounded.slice(1) : rounded;
  if (/^0+(\.0+)?$/.test(magnitude)) return { sign: '', magnitude, direction: 'flat' };
  return isFall ? { sign: '−', magnitude, direction: 'down' } : { sign: '+', magnitude, direction: 'up' };
}

/** The figure and change formatters of the current language ("3,69", "+0,03"), for components. */
export function useFigures(): {
  figure: (text: string | null | undefined, kind: FigureKind) => string;
  delta: (text: string, kind: FigureKind) => string;
} {
  const { formatDecimal } = useI18n();
  return useMemo(
    () => ({
      figure: (text, kind) => (text === null || text === undefined || text === '' ? '–' : formatDecimal(figureText(text, kind))),
      delta: (text, kind) => {
        const parts = deltaParts(text, kind);
        return `${parts.sign}${formatDecimal(parts.magnitude)}`;
      },
    }),
    [formatDecimal],
  );
}
