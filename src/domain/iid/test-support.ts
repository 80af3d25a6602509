/**
 * Builders for the IID projection tests only: a period's answers as the server would load them, and
 * the same levels written as raw engine input, built independently of the projection code.
 */
import type { InnovationStatus } from '../innovations/workflow.ts';
import type { Framework } from '../scoring/framework.schema.ts';
import { parseFramework } from '../scoring/framework-registry.ts';
import { readShippedJson } from '../scoring/load-shipped.ts';
import type { IidAnswer, IidInnovationData, IidPeriodData } from './projection.ts';

export const SPD_IDS = ['1', '2a', '2b', '3', '4', '5a', '5b', '6', '7', '8', '9', '10a', '10b', '11a', '11b', '12', '13a', '13b', '14', '15'];
export const SID_IDS = Array.from({ length: 20 }, (_, i) => String(i + 16));
export const YANDAS_KEYS = ['pendidikan', 'kesehatan', 'pupr', 'perumahan', 'trantibum', 'sosial'];

const WORDS = ['warga', 'mendaftar', 'antrean', 'melalui', 'aplikasi', 'lalu', 'petugas', 'memeriksa', 'berkas'];
export const words = (n: number) => Array.from({ length: n }, (_, i) => WORDS[i % WORDS.length]).join(' ');

export const claim = (level: number | null): IidAnswer => ({ claimedLevel: level, verification: 'pending', verifiedLevel: null });
export const accepted = (level: number): IidAnswer => ({ claimedLevel: level, verification: 'accepted', verifiedLevel: level });
export const corrected = (claimed: number, verified: number): IidAnswer => ({
  claimedLevel: claimed,
  verification: 'corrected',
  verifiedLevel: verified,
});

/** A known, varied level for innovation `i` and SID indicator `k` (0–3). */
export const patternLevel = (i: number, k: number) => (i * 7 + k * 3) % 4;

export interface InnovationSpec {
  id?: string;
  name?: string;
  status?: InnovationStatus;
  /** Urusan utama (default: one of the first five yandas by position). */
  utama?: string | null;
  irisan?: string[];
  answers?: Record<string, IidAnswer>;
  /** SID indicator ids with evidence; default: every indicator. */
  evidence?: string[];
  rancangBangun?: string;
  waktuPenerapan?: string | null;
  waktuPengembangan?: string | null;
  uraianPengembangan?: string;
}

export function innovation(position: number, spec: InnovationSpec = {}): IidInnovationData {
  const answers = spec.answers ?? Object.fromEntries(SID_IDS.map((id, k) => [id, claim(patternLevel(position, k))]));
  return {
    id: spec.id ?? `inov-${position}`,
    name: spec.name ?? `Inovasi ${position}`,
    status: spec.status ?? 'diajukan',
    urusanUtama: spec.utama === undefined ? (YANDAS_KEYS[position % 5] ?? 'pariwisata') : spec.utama,
    urusanIrisan: spec.irisan ?? [],
    answers: new Map(Object.entries(answers)),
    evidenceTargets: new Set((spec.evidence ?? SID_IDS).map((id) => `sid.${id}`)),
    rancangBangun: spec.rancangBangun ?? words(320),
    waktuPenerapan: spec.waktuPenerapan === undefined ? '2024-07-01' : spec.waktuPenerapan,
    waktuPengembangan: spec.waktuPengembangan ?? null,
    uraianPengembangan: spec.uraianPengembangan ?? '',
  };
}

export function spdAnswers(level: (id: string, k: number) => IidAnswer | undefined): Map<string, IidAnswer> {
  const out = new Map<string, IidAnswer>();
  SPD_IDS.forEach((id, k) => {
    const answer = level(id, k);
    if (answer !== undefined) out.set(id, answer);
  });
  return out;
}

export function period(spd: ReadonlyMap<string, IidAnswer>, innovations: IidInnovationData[]): IidPeriodData {
  return { spd, innovations };
}

/** Replaces one answer (and optionally adds evidence) of one innovation, returning a new period. */
export function withAnswer(
  data: IidPeriodData,
  innovationId: string | null,
  indicatorId: string,
  answer: IidAnswer,
  addEvidence = false,
): IidPeriodData {
  if (innovationId === null) return { ...data, spd: new Map([...data.spd, [indicatorId, answer]]) };
  return {
    ...data,
    innovations: data.innovations.map((i) =>
      i.id !== innovationId
        ? i
        : {
            ...i,
            answers: new Map([...i.answers, [indicatorId, answer]]),
            evidenceTargets: addEvidence ? new Set([...i.evidenceTargets, `sid.${indicatorId}`]) : i.evidenceTargets,
          },
    ),
  };
}

/**
 * A shipped IID file with its rules changed the way a region's upload would change them, parsed
 * through the framework schema (so a variant the schema refuses fails the test that builds it).
 */
export function variantOf(id: 'iid-2026' | 'iid-2023', change: (json: Record<string, unknown>) => void): Framework {
  const json = structuredClone(readShippedJson(id)) as Record<string, unknown>;
  change(json);
  const parsed = parseFramework(json);
  if (!parsed.ok) throw new Error(`variant of ${id} refused: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return parsed.framework;
}

/** The count node's gate of a framework file as JSON, to change in a variant. */
export function gateOf(json: Record<string, unknown>): Record<string, unknown> {
  const find = (n: Record<string, unknown>): Record<string, unknown> | undefined =>
    n.id === 'jumlah' ? n : ((n.children as Record<string, unknown>[] | undefined) ?? []).map(find).find((x) => x !== undefined);
  const count = find(json.root as Record<string, unknown>);
  const gate = (count?.scale as Record<string, unknown> | undefined)?.gate as Record<string, unknown> | undefined;
  if (gate === undefined) throw new Error('no gate');
  return gate;
}
