/** Shapes assessment rows for the API (never a raw row): summaries, items with their criteria and abilities, evidence. */
import type { Actor } from '#domain/access/roles.ts';
import type { Figure } from '#domain/assessments/figures.ts';
import type { Indicator } from '#domain/assessments/indicators.ts';
import { type AssessmentStage, canFillItem, canVerifyItem } from '#domain/assessments/stages.ts';
import type { AssessmentItem, AssessmentSummary } from '#shared/api/assessments.ts';
import type { AttachmentRow } from '#server/platform/attachments/attachments.ts';
import type { AssessmentSummaryRow, ItemWithUnit } from './assessments.queries.ts';

export type EvidenceEntry = AssessmentItem['evidence'][number];
export type VerificationState = AssessmentItem['verification'];

export function presentSummary(row: AssessmentSummaryRow, stage: AssessmentStage): AssessmentSummary {
  return {
    id: row.id,
    regionCode: row.regionCode,
    frameworkId: row.frameworkId,
    frameworkVersionId: row.frameworkVersionId,
    frameworkName: row.frameworkName,
    frameworkVersion: row.frameworkVersion,
    year: row.year,
    stage,
    deadline: row.deadline,
    itemCount: row.itemCount,
    filledCount: row.filledCount,
    verifiedCount: row.verifiedCount,
    version: row.version,
  };
}

export function presentEvidence(e: AttachmentRow): EvidenceEntry {
  return {
    id: e.id,
    kind: e.kind === 'link' ? 'link' : 'file',
    title: e.title,
    fileName: e.fileName,
    mimeType: e.mimeType,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    url: e.url,
    createdAt: e.createdAt.toISOString(),
  };
}

export function verificationOf(text: string): VerificationState {
  return text === 'accepted' || text === 'corrected' ? text : 'pending';
}

export function presentItem(
  actor: Actor,
  assessment: { regionCode: string; stage: AssessmentStage },
  indicator: Indicator,
  item: ItemWithUnit,
  evidence: readonly AttachmentRow[],
): AssessmentItem {
  const { regionCode, stage } = assessment;
  return {
    id: item.id,
    indicatorId: item.indicatorId,
    path: indicator.path,
    pathIds: indicator.pathIds,
    name: indicator.name,
    weight: indicator.weight,
    scale: {
      type: indicator.scale.type,
      min: indicator.scale.min,
      max: indicator.scale.max,
      levels: indicator.scale.levels.map((l) => ({ level: l.level, name: l.name, criteria: l.criteria })),
    },
    evidenceHints: indicator.evidenceHints,
    unitId: item.unitId,
    unitName: item.unitName,
    deadline: item.deadline,
    claimedValue: item.claimedValue,
    explanation: item.explanation,
    claimedAt: item.claimedAt?.toISOString() ?? null,
    verification: verificationOf(item.verification),
    verifiedValue: item.verifiedValue,
    verifierNote: item.verifierNote,
    verifiedAt: item.verifiedAt?.toISOString() ?? null,
    evidence: evidence.map(presentEvidence),
    canFill: canFillItem(actor, regionCode, stage, item.unitId),
    canVerify: canVerifyItem(actor, regionCode, stage),
    version: item.version,
  };
}

export function presentFigure(figure: Figure) {
  return { index: figure.index, predicate: figure.predicate, complete: figure.complete, missing: figure.missing, nodes: figure.nodes };
}
