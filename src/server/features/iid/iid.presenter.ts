/** Shapes the IID use cases' results into the responses of src/shared/api/iid.ts; never a raw row. */
import type { VerifiedCounts } from '#domain/iid/eligibility.ts';
import { COUNTED_STATUSES, figureOf, type IidVerification } from '#domain/iid/projection.ts';
import { type IidIndicator, sidEvidenceTarget } from '#domain/iid/structure.ts';
import { describeThreshold, figureOf as spdFigureOf } from '#domain/iid/spd-figure.ts';
import type { WhatIfItem } from '#domain/iid/what-if.ts';
import type { CarryCandidate, LeverResult } from '#domain/iid/levers.ts';
import { presentAttachment } from '#server/platform/attachments/attachments.ts';
import { spdEvidenceSlot } from '#server/platform/evidence-owners.ts';
import type { IidAnswerRow } from './iid.queries.ts';
import type { IidAnswerState, IidProjectionResponse, SidSheet, SpdSheet, WhatIfResponse } from '#shared/api/iid.ts';
import type { AnswerResult, ProjectionView, SidSheetView, SpdSheetView } from './iid.service.ts';

const CLAIMED_NOTE =
  'Klaim: semua inovasi periode ini kecuali yang ditolak (draf, diajukan, dikembalikan, terverifikasi), dengan parameter yang diklaim. ';
const VERIFIED_NOTE: Record<VerifiedCounts, string> = {
  'all-verified':
    'Terverifikasi: semua inovasi berstatus terverifikasi, dengan parameter yang diterima atau dikoreksi verifikator; indikator yang belum diverifikasi dinilai 0. ',
  'eligible-verified':
    'Terverifikasi: hanya inovasi berstatus terverifikasi yang juga layak dilaporkan, dengan parameter yang diterima atau dikoreksi verifikator; indikator yang belum diverifikasi dinilai 0. ',
};
const EVIDENCE_NOTE = 'Bila bukti dukung diwajibkan, indikator SID tanpa bukti dinilai 0.';

export function presentProjection(view: ProjectionView): IidProjectionResponse {
  const { period, framework, projection, rules, visible } = view;
  return {
    periodId: period.id,
    year: period.year,
    frameworkId: framework.id,
    frameworkName: framework.name,
    frameworkVersion: framework.version,
    frameworkExact: view.exact,
    evidenceRequired: period.iidEvidenceRequired,
    counting: {
      claimed: [...COUNTED_STATUSES.claimed],
      verified: [...COUNTED_STATUSES.verified],
      verifiedCounts: rules.verifiedCounts,
      note: CLAIMED_NOTE + VERIFIED_NOTE[rules.verifiedCounts] + EVIDENCE_NOTE,
    },
    eligibility: { rancangBangunMinWords: rules.rancangBangunMinWords, mandatoryIndicatorsFilled: rules.mandatoryIndicatorsFilled },
    window: rules.window === null ? null : { ...rules.window },
    claimed: figureOf(projection.claimed),
    verified: figureOf(projection.verified),
    // Operators see their unit's innovations and the warnings about them; the index is the region's.
    innovations: projection.innovations.filter((i) => visible.has(i.id)).map((i) => ({ ...i, unitName: view.unitNames.get(i.id) ?? '' })),
    warnings: projection.warnings.filter((w) => w.innovationId === null || visible.has(w.innovationId)),
  };
}

export function presentWhatIf(view: {
  basis: WhatIfResponse['basis'];
  index: string;
  items: WhatIfItem[];
  levers: LeverResult;
  carryCandidates: CarryCandidate[];
}): WhatIfResponse {
  return {
    basis: view.basis,
    index: view.index,
    items: view.items.map((i) => ({
      innovationId: i.innovationId,
      innovationName: i.innovationName,
      indicatorId: i.indicatorId,
      indicatorName: i.indicatorName,
      current: i.current,
      next: i.next,
      gain: i.gain.toPlain(12),
      needsEvidence: i.needsEvidence,
      indexAfter: i.indexAfter,
    })),
    levers: view.levers.levers.map((l) => ({
      kind: l.kind,
      label: l.label,
      action: l.action,
      innovationId: l.innovationId,
      indicatorId: l.indicatorId,
      urusan: l.urusan,
      gain: l.gain.toPlain(12),
      indexAfter: l.indexAfter,
    })),
    assumedScore: view.levers.assumedScore.toPlain(12),
    assumedIsMedian: view.levers.assumedIsMedian,
    missingUrusan: view.levers.missingUrusan,
    urusanShort: view.levers.urusanShort,
    emptySeats: view.levers.emptySeats,
    carryCandidates: view.carryCandidates.map((c) => ({ id: c.id, name: c.name, score: c.score.toPlain(12), urusanUtama: c.urusanUtama })),
  };
}

function presentIndicator(i: IidIndicator) {
  return {
    id: i.id,
    name: i.name,
    variable: i.variable,
    weight: i.weight,
    mandatory: i.mandatory,
    zeroLabel: i.zeroLabel,
    parameters: i.parameters,
    bases: i.bases.map((b) => ({ key: b.key, name: b.name, levels: b.levels.map((l) => ({ level: l.level, label: l.label })) })),
  };
}

function presentAnswer(row: IidAnswerRow | undefined) {
  return {
    claimedLevel: row?.claimedLevel ?? null,
    verification: (row?.verification ?? 'pending') as IidVerification,
    verifiedLevel: row?.verifiedLevel ?? null,
    verifierNote: row?.verifierNote ?? null,
    basisUkur: row?.basisUkur ?? null,
    version: row?.version ?? 0,
  };
}

export function presentSpdSheet(view: SpdSheetView): SpdSheet {
  return {
    periodId: view.period.id,
    frameworkId: view.structure.framework.id,
    claimedScore: view.claimedScore.toPlain(12),
    verifiedScore: view.verifiedScore.toPlain(12),
    canAnswer: view.canAnswer,
    canVerify: view.canVerify,
    indicators: view.structure.spd.map((i) => {
      const target = spdEvidenceSlot(i.id);
      return {
        ...presentIndicator(i),
        ...presentAnswer(view.answers.get(i.id)),
        evidenceHints: i.evidenceHints,
        evidenceTarget: target,
        evidence: view.evidence.filter((e) => e.slot === target).map(presentAttachment),
        figure: presentFigure(i),
        figureValue: (() => {
          const f = view.figures.get(i.id);
          return f === undefined ? null : { value: f.value, source: f.source, sourceUrl: f.sourceUrl };
        })(),
      };
    }),
  };
}

export function presentSidSheet(view: SidSheetView): SidSheet {
  return {
    innovationId: view.innovation.id,
    innovationName: view.innovation.name,
    status: view.innovation.status,
    periodId: view.period.id,
    frameworkId: view.structure.framework.id,
    evidenceRequired: view.period.iidEvidenceRequired,
    claimedScore: view.claimed.score.toPlain(12),
    verifiedScore: view.verified.score.toPlain(12),
    countsForVerified: view.countsForVerified,
    canAnswer: view.canAnswer,
    canVerify: view.canVerify,
    indicators: view.structure.sid.map((i) => {
      const target = sidEvidenceTarget(i.id);
      return {
        ...presentIndicator(i),
        evidenceHints: i.evidenceHints,
        evidenceTarget: target,
        evidence: view.evidence.filter((e) => e.slot === target).map(presentAttachment),
        ...presentAnswer(view.answers.get(i.id)),
        scoredLevel: view.claimed.levels.get(i.id) ?? 0,
        withoutEvidence: view.claimed.withoutEvidence.has(i.id),
      };
    }),
  };
}

export function presentAnswerState(result: AnswerResult): IidAnswerState {
  const { key, row } = result;
  return {
    periodId: key.periodId,
    innovationId: key.innovationId,
    indicatorId: key.indicatorId,
    ...presentAnswer(row),
    innovationStatus: result.innovationStatus,
  };
}

function presentFigure(indicator: IidIndicator): SpdSheet['indicators'][number]['figure'] {
  const figure = spdFigureOf(indicator);
  if (figure === null) return null;
  const common = { name: figure.name, unit: figure.unit, example: figure.example === true, note: figure.note ?? null };
  if (figure.kind === 'category') return { kind: 'category', ...common, options: figure.options };
  return {
    kind: 'numeric',
    ...common,
    decimals: figure.decimals,
    thresholds: figure.thresholds.map((t) => ({ level: t.level, min: t.min ?? null, max: t.max ?? null, label: describeThreshold(t) })),
  };
}
