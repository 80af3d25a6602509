/** Labels and colours of programme kinds, statuses and funding sources (message keys, so both languages follow). */
import { FUNDING_SOURCES, PROGRAMME_KINDS, PROGRAMME_STATUSES, PROGRESS_STATUSES } from '#shared/api/kota-cerdas.ts';
import type { MessageKey } from '../../i18n/messages.id.ts';

export { FUNDING_SOURCES, PROGRAMME_KINDS, PROGRAMME_STATUSES, PROGRESS_STATUSES };
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const KIND_LABELS: Record<ProgrammeKind, MessageKey> = {
  quick_win: 'kc.kind.quick_win',
  jangka_pendek: 'kc.kind.jangka_pendek',
  jangka_menengah: 'kc.kind.jangka_menengah',
  jangka_panjang: 'kc.kind.jangka_panjang',
};
export const KIND_COLORS: Record<ProgrammeKind, string> = {
  quick_win: 'grape',
  jangka_pendek: 'cyan',
  jangka_menengah: 'blue',
  jangka_panjang: 'indigo',
};

export const STATUS_LABELS: Record<ProgrammeStatus, MessageKey> = {
  belum_dilaporkan: 'kc.status.belum_dilaporkan',
  berjalan: 'kc.status.berjalan',
  selesai: 'kc.status.selesai',
  terhambat: 'kc.status.terhambat',
};
export const STATUS_COLORS: Record<ProgrammeStatus, string> = { belum_dilaporkan: 'gray', berjalan: 'blue', selesai: 'green', terhambat: 'red' };

export const SOURCE_LABELS: Record<FundingSource, MessageKey> = {
  apbd: 'kc.source.apbd',
  apbn: 'kc.source.apbn',
  csr: 'kc.source.csr',
  kpbu: 'kc.source.kpbu',
  hibah: 'kc.source.hibah',
};

export const isIn = <T extends string>(list: readonly T[], value: string | null | undefined): value is T =>
  value !== null && value !== undefined && (list as readonly string[]).includes(value);
