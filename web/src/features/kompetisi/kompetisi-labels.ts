/** The message keys of the competition's vocabularies (kinds, statuses, stages). */
import type { MessageKey } from '../../i18n/messages.id.ts';

export const kindLabel = (kind: string) => `kompetisi.kind.${kind}` as MessageKey;
export const statusLabel = (status: string) => `kompetisi.status.${status}` as MessageKey;
export const stageLabel = (stage: string) => `kompetisi.stage.${stage}` as MessageKey;
export const stageStatusLabel = (status: string) => `kompetisi.stageStatus.${status}` as MessageKey;
export const entryStatusLabel = (status: string) => `kompetisi.entryStatus.${status}` as MessageKey;

export const ENTRY_STATUS_COLORS: Record<string, string> = { draft: 'gray', diajukan: 'blue', lolos: 'green', tidak_lolos: 'red' };
export const STAGE_STATUS_COLORS: Record<string, string> = { menunggu: 'gray', berjalan: 'blue', dikunci: 'teal' };
