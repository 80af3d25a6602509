/**
 * The rules of an IID framework that are not part of the score, read from the framework file
 * (`innovationRules`, `count.gate.counts`) with the documented default for whatever a file leaves out:
 * which innovations are eligible to be reported (the first penerapan, or a documented development,
 * inside the year's window; a rancang bangun of the minimum length; the mandatory indicators
 * claimed), which verified innovations count in the verified index, and which urusan cover the yandas
 * gate. A new year's rules are a new file. Pure.
 */
import { countWords, RANCANG_BANGUN_MIN_WORDS } from '../innovations/profile.ts';
import type { Framework, UrusanCounted } from '../scoring/framework.schema.ts';
import { walk } from '../scoring/tree.ts';

export interface EligibilityWindow {
  /** First and last day (inclusive), ISO dates. */
  from: string;
  to: string;
  /** An innovation first applied before `from` qualifies through a documented development inside the window. */
  developmentQualifies: boolean;
  /** Where the window comes from, as the framework file says (its note), for the page. */
  source: string;
}

export const VERIFIED_COUNTS = ['all-verified', 'eligible-verified'] as const;
export type VerifiedCounts = (typeof VERIFIED_COUNTS)[number];

export interface IidRules {
  window: EligibilityWindow | null;
  rancangBangunMinWords: number;
  mandatoryIndicatorsFilled: boolean;
  /** Which terverifikasi innovations count in the verified index (n, divisor, count score). */
  verifiedCounts: VerifiedCounts;
  /** Which urusan of an innovation cover the yandas gate. */
  urusanCounted: UrusanCounted;
}

/**
 * What a framework file that says nothing means (fidelity notes: SIMONDA's reading of the 2026
 * guideline, the only transcription found): urusan utama only, eligible innovations only on the
 * verified basis, 300 words, mandatory indicators claimed, and no window.
 */
export const DEFAULT_IID_RULES: IidRules = {
  window: null,
  rancangBangunMinWords: RANCANG_BANGUN_MIN_WORDS,
  mandatoryIndicatorsFilled: true,
  verifiedCounts: 'eligible-verified',
  urusanCounted: 'utama',
};

const RULES = new WeakMap<Framework, IidRules>();

export function iidRulesOf(framework: Framework): IidRules {
  const cached = RULES.get(framework);
  if (cached !== undefined) return cached;
  const rules = framework.innovationRules;
  const eligibility = rules?.eligibility;
  const window = eligibility?.window ?? null;
  const gate = walk(framework.root)
    .map((v) => v.node.scale)
    .find((s) => s?.type === 'count');
  const resolved: IidRules = {
    window:
      window === null
        ? null
        : {
            from: window.from,
            to: window.to,
            developmentQualifies: window.developmentQualifies,
            source: window.note ?? framework.source.citation,
          },
    rancangBangunMinWords: eligibility?.rancangBangunMinWords ?? DEFAULT_IID_RULES.rancangBangunMinWords,
    mandatoryIndicatorsFilled: eligibility?.mandatoryIndicatorsFilled ?? DEFAULT_IID_RULES.mandatoryIndicatorsFilled,
    verifiedCounts: rules?.verifiedCounts ?? DEFAULT_IID_RULES.verifiedCounts,
    urusanCounted: (gate?.type === 'count' ? gate.gate?.counts : undefined) ?? DEFAULT_IID_RULES.urusanCounted,
  };
  RULES.set(framework, resolved);
  return resolved;
}

/** The dates and text the window check reads. */
export interface DatedInnovation {
  waktuPenerapan: string | null;
  /** Latest documented development (pengembangan terbaru): its date and what changed. */
  waktuPengembangan: string | null;
  uraianPengembangan: string;
}

export type WindowCheck =
  | { ok: true; through: 'penerapan' | 'pengembangan' }
  | { ok: false; reason: 'missing' | 'before' | 'after'; development: 'none' | 'undocumented' | 'outside' | null };

const inWindow = (date: string, window: EligibilityWindow) => window.from <= date && date <= window.to;

/**
 * ISO dates compare as text. A missing penerapan fails: the window is about the first penerapan. One
 * first applied before the window qualifies through its latest development when the framework allows
 * it, the development's date is inside the window and it is described (a development is documented
 * by its date and its description).
 */
export function checkWindow(innovation: DatedInnovation, window: EligibilityWindow): WindowCheck {
  const penerapan = innovation.waktuPenerapan;
  if (penerapan === null || penerapan === '') return { ok: false, reason: 'missing', development: null };
  if (penerapan > window.to) return { ok: false, reason: 'after', development: null };
  if (penerapan >= window.from) return { ok: true, through: 'penerapan' };
  if (!window.developmentQualifies) return { ok: false, reason: 'before', development: null };
  const date = innovation.waktuPengembangan;
  if (date === null || date === '') return { ok: false, reason: 'before', development: 'none' };
  if (!inWindow(date, window)) return { ok: false, reason: 'before', development: 'outside' };
  if (innovation.uraianPengembangan.trim() === '') return { ok: false, reason: 'before', development: 'undocumented' };
  return { ok: true, through: 'pengembangan' };
}

export function rancangBangunShortBy(text: string, minimum: number): { words: number; short: boolean } {
  const words = countWords(text);
  return { words, short: words < minimum };
}

/** "1 Jan 2024" style, in Indonesian, for messages. */
export function formatDateId(iso: string): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
  const [y, m, d] = iso.split('-');
  const month = months[Number(m) - 1];
  return month === undefined || d === undefined ? iso : `${Number(d)} ${month} ${y}`;
}
