/**
 * Notifications: the registry of kinds with their texts in both languages, and the HTTP contract of a
 * user's own notifications and preferences (`/api/v1/me/notifications`). A module that tells someone
 * something adds its kind here; the server renders the text, the web app lists the kinds in the
 * preferences.
 */
import { z } from 'zod';
import { pageQuery, paged } from './common.ts';

export type NotificationLanguage = 'id' | 'en';
export type Delivery = 'immediate' | 'digest';

interface KindDefinition {
  /** The area the kind belongs to, for grouping the preferences. */
  area: 'inovasi' | 'penilaian' | 'tenggat' | 'pengaduan' | 'kota_cerdas' | 'kompetisi';
  /** What the kind is about, for the preferences page. */
  label: { id: string; en: string };
  /** Title and body templates; `{name}` is filled from the notification's params. */
  title: { id: string; en: string };
  body: { id: string; en: string };
  /** Without a choice of the user's own: e-mail on, and sent at once or in the daily digest. */
  defaults: { email: boolean; delivery: Delivery };
}

export const NOTIFICATION_KINDS = {
  innovation_returned: {
    area: 'inovasi',
    label: { id: 'Inovasi dikembalikan untuk diperbaiki', en: 'Innovation returned for changes' },
    title: { id: 'Inovasi dikembalikan: {innovation}', en: 'Innovation returned: {innovation}' },
    body: {
      id: '{actor} mengembalikan inovasi "{innovation}" untuk diperbaiki. Periksa catatan verifikator lalu ajukan kembali.',
      en: '{actor} returned the innovation "{innovation}" for changes. Read the verifier\'s notes and submit it again.',
    },
    defaults: { email: true, delivery: 'immediate' },
  },
  innovation_verified: {
    area: 'inovasi',
    label: { id: 'Inovasi terverifikasi', en: 'Innovation verified' },
    title: { id: 'Inovasi terverifikasi: {innovation}', en: 'Innovation verified: {innovation}' },
    body: {
      id: '{actor} memverifikasi inovasi "{innovation}". Inovasi ini kini dihitung dalam capaian target.',
      en: '{actor} verified the innovation "{innovation}". It now counts toward the target.',
    },
    defaults: { email: true, delivery: 'digest' },
  },
  indicator_assigned: {
    area: 'penilaian',
    label: { id: 'Indikator penilaian ditugaskan ke unit saya', en: 'Assessment indicators assigned to my unit' },
    title: { id: '{count} indikator {assessment} ditugaskan ke {unit}', en: '{count} {assessment} {count|indicator|indicators} assigned to {unit}' },
    body: {
      id: '{actor} menugaskan {count} indikator {assessment} kepada {unit}. Isi penilaian mandiri beserta bukti dukungnya.',
      en: '{actor} assigned {count} {assessment} {count|indicator|indicators} to {unit}. Fill in the self-assessment with its evidence.',
    },
    defaults: { email: true, delivery: 'immediate' },
  },
  deadline_h7: {
    area: 'tenggat',
    label: { id: 'Tenggat tinggal 7 hari', en: 'Deadline in 7 days' },
    title: { id: 'Tenggat {deadline}: {subject}', en: 'Due {deadline}: {subject}' },
    body: {
      id: 'Tenggat {subject} jatuh pada {deadline}, tinggal {days} hari lagi. {todo}',
      en: '{subject} is due on {deadline}, {days} {days|day|days} from now. {todo}',
    },
    defaults: { email: true, delivery: 'immediate' },
  },
  deadline_h1: {
    area: 'tenggat',
    label: { id: 'Tenggat besok', en: 'Deadline tomorrow' },
    title: { id: 'Tenggat besok: {subject}', en: 'Due tomorrow: {subject}' },
    body: {
      id: 'Tenggat {subject} jatuh pada {deadline}. {todo}',
      en: '{subject} is due on {deadline}. {todo}',
    },
    defaults: { email: true, delivery: 'immediate' },
  },
  complaint_assigned: {
    area: 'pengaduan',
    label: { id: 'Pengaduan diteruskan ke unit saya', en: 'Complaint routed to my unit' },
    title: { id: 'Pengaduan {code} untuk {unit}', en: 'Complaint {code} for {unit}' },
    body: {
      id: 'Pengaduan {code} ({category}) diteruskan ke {unit}. Tanggapi sebelum {due}.',
      en: 'Complaint {code} ({category}) was routed to {unit}. Respond before {due}.',
    },
    defaults: { email: true, delivery: 'immediate' },
  },
  complaint_overdue: {
    area: 'pengaduan',
    label: { id: 'Pengaduan melewati batas waktu', en: 'Complaint past its deadline' },
    title: { id: 'Pengaduan {code} terlambat', en: 'Complaint {code} is overdue' },
    body: {
      id: 'Pengaduan {code} ({category}) di {unit} melewati batas waktu {due} dan belum selesai.',
      en: 'Complaint {code} ({category}) at {unit} passed its deadline of {due} and is still open.',
    },
    defaults: { email: true, delivery: 'digest' },
  },
  // Sent by the scheduled reminders (features/notifications/report-and-stage-reminders.ts).
  programme_report_due: {
    area: 'kota_cerdas',
    label: { id: 'Laporan program kota cerdas jatuh tempo', en: 'Smart-city programme report due' },
    title: { id: 'Laporan {programme} jatuh tempo {deadline}', en: '{programme} report due {deadline}' },
    body: {
      id: 'Laporan kemajuan program "{programme}" untuk {term} jatuh tempo pada {deadline}.',
      en: 'The progress report of the programme "{programme}" for {term} is due on {deadline}.',
    },
    defaults: { email: true, delivery: 'immediate' },
  },
  competition_stage_opened: {
    area: 'kompetisi',
    label: { id: 'Tahap kompetisi dibuka', en: 'Competition stage opened' },
    title: { id: '{competition}: tahap {stage} dibuka', en: '{competition}: stage {stage} is open' },
    body: {
      id: 'Tahap {stage} kompetisi "{competition}" dibuka sampai {deadline}.',
      en: 'The {stage} stage of the competition "{competition}" is open until {deadline}.',
    },
    defaults: { email: true, delivery: 'immediate' },
  },
  judge_assigned: {
    area: 'kompetisi',
    label: { id: 'Ditugaskan sebagai juri', en: 'Assigned as a judge' },
    title: { id: 'Anda juri {competition}', en: 'You judge {competition}' },
    body: {
      id: 'Anda ditugaskan menilai {count} peserta kompetisi "{competition}" sampai {deadline}.',
      en: 'You are assigned {count} {count|entry|entries} of the competition "{competition}" to score by {deadline}.',
    },
    defaults: { email: true, delivery: 'immediate' },
  },
} as const satisfies Record<string, KindDefinition>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_LIST = Object.keys(NOTIFICATION_KINDS) as [NotificationKind, ...NotificationKind[]];
export const notificationKind = z.enum(NOTIFICATION_KIND_LIST, { error: 'Jenis notifikasi tidak dikenal' });

export type NotificationParams = Record<string, string | number>;

function countOf(value: string | number): number {
  return typeof value === 'number' ? value : Number(String(value).replace(/[^\d-]/g, ''));
}

/** Fills `{name}` and `{name|one|other}` (the word agreeing with the count, for English). */
export function fillTemplate(template: string, params: NotificationParams): string {
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return Math.abs(countOf(value)) === 1 ? one : other;
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    })
    .replace(/\s+$/, '');
}

/**
 * The params as a language reads them: a value that differs by language is given twice, as
 * `subject:id` and `subject:en`, and fills `{subject}`.
 */
function localParams(params: NotificationParams, language: NotificationLanguage): NotificationParams {
  const out: NotificationParams = {};
  for (const [key, value] of Object.entries(params)) {
    const at = key.indexOf(':');
    if (at < 0) out[key] ??= value;
    else if (key.slice(at + 1) === language) out[key.slice(0, at)] = value;
  }
  return out;
}

/** A notification's title and body in a language. A kind no longer known shows as itself rather than failing. */
export function renderNotification(kind: string, params: NotificationParams, language: NotificationLanguage): { title: string; body: string } {
  const def = (NOTIFICATION_KINDS as Record<string, KindDefinition>)[kind];
  if (!def) return { title: kind, body: '' };
  const local = localParams(params, language);
  return { title: fillTemplate(def.title[language], local), body: fillTemplate(def.body[language], local) };
}

// ---- HTTP contract --------------------------------------------------------------------------

export const notificationItem = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    /** The object's page in the app. */
    link: z.string(),
    isRead: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Notification' });

export const notificationListQuery = pageQuery.omit({ q: true }).extend({
  filter: z.enum(['all', 'unread'], { error: 'Saring: all atau unread' }).default('all'),
});

export const notificationList = paged(notificationItem).extend({ unread: z.number().int() });

export const unreadCount = z.object({ unread: z.number().int() });

export const notificationPreference = z.object({
  kind: notificationKind,
  email: z.boolean({ error: 'Pilih apakah dikirim lewat surel' }),
  delivery: z.enum(['immediate', 'digest'], { error: 'Pilih segera atau ringkasan harian' }),
});

export const notificationPreferences = z.object({
  language: z.enum(['id', 'en']),
  /** The install sends e-mail (SMTP configured); without it only the bell tells. */
  emailEnabled: z.boolean(),
  /** The user has an e-mail address to send to. */
  hasEmailAddress: z.boolean(),
  kinds: z.array(notificationPreference),
});

export const notificationPreferencesInput = z.object({
  language: z.enum(['id', 'en'], { error: 'Bahasa notifikasi: id atau en' }),
  kinds: z.array(notificationPreference).max(50, 'Terlalu banyak jenis notifikasi'),
});

export type NotificationItem = z.infer<typeof notificationItem>;
export type NotificationPreferences = z.infer<typeof notificationPreferences>;
