/**
 * The contract of the smart-city councils: a region's Dewan Smart City, Tim Pelaksana and Forum, each
 * with its decrees (SK; the latest is in force), members (a platform user or an outside person), its
 * meetings (agenda, notulen, decisions) and the follow-ups of each meeting, tracked until done.
 */
import { z } from 'zod';
import { COUNCIL_KINDS, FOLLOW_UP_STATUSES, MEMBER_ROLES } from '../../domain/dewan/councils.ts';
import { optionalText, requiredText } from './common.ts';

export { COUNCIL_KINDS, FOLLOW_UP_STATUSES, MEMBER_ROLES };

const isoDate = (label: string) => z.iso.date(`${label} harus berformat YYYY-MM-DD`);

export const councilKind = z.enum(COUNCIL_KINDS, { error: 'Jenis harus dewan_smart_city, tim_pelaksana atau forum' });
export const memberRole = z.enum(MEMBER_ROLES, { error: 'Peran harus ketua, wakil_ketua, sekretaris, anggota atau narasumber' });
export const followUpStatus = z.enum(FOLLOW_UP_STATUSES, { error: 'Status harus terbuka atau selesai' });

export const attachmentItem = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string().nullable(),
  mimeType: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  createdAt: z.string(),
});

// ---- councils ------------------------------------------------------------------------------------

export const councilInput = z.object({
  kind: councilKind,
  name: requiredText('Nama', 200),
  description: z.string().trim().max(2000, 'Keterangan paling banyak 2000 karakter').default(''),
});

const decreeRef = z.object({ id: z.string(), number: z.string(), decreeDate: z.string() });

export const councilSummary = z.object({
  id: z.string(),
  kind: councilKind,
  name: z.string(),
  description: z.string(),
  currentDecree: decreeRef.nullable(),
  memberCount: z.number().int(),
  meetingCount: z.number().int(),
  openFollowUps: z.number().int(),
  overdueFollowUps: z.number().int(),
});
export type CouncilSummary = z.output<typeof councilSummary>;

export const councilList = z.object({ items: z.array(councilSummary), canManage: z.boolean() });

export const member = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  /** The user's display name, or the outside person's name. */
  name: z.string(),
  organisation: z.string().nullable(),
  position: z.string().nullable(),
  role: memberRole,
  isExternal: z.boolean(),
});
export type Member = z.output<typeof member>;

export const decree = decreeRef.extend({ note: z.string(), isCurrent: z.boolean(), documents: z.array(attachmentItem) });
export type Decree = z.output<typeof decree>;

export const followUp = z.object({
  id: z.string(),
  councilId: z.string(),
  councilName: z.string(),
  meetingId: z.string(),
  meetingDate: z.string(),
  action: z.string(),
  responsibleUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
  responsibleMember: z.object({ id: z.string(), name: z.string() }).nullable(),
  dueDate: z.string(),
  status: followUpStatus,
  doneOn: z.string().nullable(),
  isOverdue: z.boolean(),
});
export type FollowUp = z.output<typeof followUp>;

export const meeting = z.object({
  id: z.string(),
  meetingDate: z.string(),
  place: z.string(),
  agenda: z.string(),
  minutes: z.string(),
  decisions: z.string(),
  notulen: z.array(attachmentItem),
  followUps: z.array(followUp),
});
export type Meeting = z.output<typeof meeting>;

export const councilDetail = councilSummary.extend({
  members: z.array(member),
  decrees: z.array(decree),
  meetings: z.array(meeting),
  canManage: z.boolean(),
});
export type CouncilDetail = z.output<typeof councilDetail>;

// ---- members -------------------------------------------------------------------------------------

/** Either a platform user (`userId`) or an outside person named here, never both. */
export const memberInput = z
  .object({
    userId: z
      .uuid('Pengguna tidak valid')
      .nullish()
      .transform((v) => v ?? null),
    name: optionalText('Nama', 200),
    organisation: optionalText('Organisasi', 200),
    position: optionalText('Jabatan', 200),
    role: memberRole,
  })
  .superRefine((m, ctx) => {
    if (m.userId && m.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Pilih pengguna atau isi nama orang luar, bukan keduanya' });
    if (!m.userId && !m.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Pilih pengguna atau isi nama anggota dari luar' });
    if (!m.userId && !m.organisation) ctx.addIssue({ code: 'custom', path: ['organisation'], message: 'Organisasi anggota dari luar wajib diisi' });
  });
export type MemberInput = z.input<typeof memberInput>;

// ---- decrees -------------------------------------------------------------------------------------

export const decreeInput = z.object({
  number: requiredText('Nomor SK', 200),
  decreeDate: isoDate('Tanggal SK'),
  note: z.string().trim().max(1000, 'Catatan paling banyak 1000 karakter').default(''),
});

export const documentQuery = z.object({ title: z.string().trim().max(200).optional() });

// ---- meetings ------------------------------------------------------------------------------------

export const meetingInput = z.object({
  meetingDate: isoDate('Tanggal rapat'),
  place: requiredText('Tempat', 200),
  agenda: requiredText('Agenda', 2000),
  minutes: z.string().trim().max(20000, 'Notulen paling banyak 20000 karakter').default(''),
  decisions: z.string().trim().max(5000, 'Keputusan paling banyak 5000 karakter').default(''),
});

// ---- follow-ups ----------------------------------------------------------------------------------

/** Who carries a follow-up out: a unit of the region or a member of the council, exactly one of them. */
export const followUpInput = z
  .object({
    action: requiredText('Tindak lanjut', 1000),
    responsibleUnitId: z
      .uuid('Unit penanggung jawab tidak valid')
      .nullish()
      .transform((v) => v ?? null),
    responsibleMemberId: z
      .uuid('Anggota penanggung jawab tidak valid')
      .nullish()
      .transform((v) => v ?? null),
    dueDate: isoDate('Batas waktu'),
  })
  .superRefine((f, ctx) => {
    if (!f.responsibleUnitId === !f.responsibleMemberId) {
      ctx.addIssue({ code: 'custom', path: ['responsibleUnitId'], message: 'Pilih satu penanggung jawab: unit atau anggota' });
    }
  });
export type FollowUpInput = z.input<typeof followUpInput>;

export const followUpDoneInput = z.object({ doneOn: isoDate('Tanggal selesai') });

export const followUpListQuery = z.object({
  status: followUpStatus.optional(),
  councilId: z.uuid('Dewan tidak valid').optional(),
});
export const followUpList = z.object({ items: z.array(followUp), canManage: z.boolean() });
