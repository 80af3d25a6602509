/** The words the interface uses for the catalogue's coded values (channel, application kind, hosting, status). */
import { APPLICATION_HOSTINGS, APPLICATION_KINDS, APPLICATION_STATUSES, SERVICE_CHANNELS } from '#shared/api/services.ts';
import type { MessageKey } from '../../i18n/messages.id.ts';

export type ServiceChannel = (typeof SERVICE_CHANNELS)[number];
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export type ApplicationHosting = (typeof APPLICATION_HOSTINGS)[number];
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export { APPLICATION_HOSTINGS, APPLICATION_KINDS, APPLICATION_STATUSES, SERVICE_CHANNELS };

export const CHANNEL_LABELS: Record<ServiceChannel, MessageKey> = {
  offline: 'layanan.channel.offline',
  online: 'layanan.channel.online',
  keduanya: 'layanan.channel.keduanya',
};

export const CHANNEL_COLORS: Record<ServiceChannel, string> = { offline: 'gray', online: 'indigo', keduanya: 'teal' };

export const KIND_LABELS: Record<ApplicationKind, MessageKey> = {
  layanan_publik: 'aplikasi.kind.layanan_publik',
  administrasi_pemerintahan: 'aplikasi.kind.administrasi_pemerintahan',
};

export const HOSTING_LABELS: Record<ApplicationHosting, MessageKey> = {
  pusat_data_daerah: 'aplikasi.hosting.pusat_data_daerah',
  pusat_data_nasional: 'aplikasi.hosting.pusat_data_nasional',
  cloud: 'aplikasi.hosting.cloud',
  lainnya: 'aplikasi.hosting.lainnya',
};

export const STATUS_LABELS: Record<ApplicationStatus, MessageKey> = {
  aktif: 'aplikasi.status.aktif',
  pengembangan: 'aplikasi.status.pengembangan',
  tidak_aktif: 'aplikasi.status.tidak_aktif',
};

export const STATUS_COLORS: Record<ApplicationStatus, string> = { aktif: 'green', pengembangan: 'yellow', tidak_aktif: 'gray' };

export const isIn = <T extends string>(values: readonly T[], v: string | null | undefined): v is T => values.some((x) => x === v);
