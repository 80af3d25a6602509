/**
 * In an IGA nominee preparation the presentation stage is the finalists' rehearsal (gladi) before the
 * national presentation, scored by the region's own judges with the IGA rubric: it is named so.
 */
import type { MessageKey } from '../../i18n/messages.id.ts';
import { stageLabel } from './kompetisi-labels.ts';

export const isIgaPreparation = (kind: string) => kind === 'iga_nominee';

export function competitionStageLabel(kind: string, stage: string): MessageKey {
  return isIgaPreparation(kind) && stage === 'presentasi' ? 'kompetisi.iga.rehearsal' : stageLabel(stage);
}
