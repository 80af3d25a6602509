/**
 * Requests and answers of a competition's public vote: the admin's settings and view (counts per
 * finalist, flagged bursts, voiding), and the citizens' page (finalists, ask for a code, confirm it).
 */
import { z } from 'zod';

const instant = z.iso.datetime({ offset: true, error: 'Waktu harus berformat ISO 8601, mis. 2026-05-01T08:00:00+07:00' });

export const voteSettingsInput = z
  .object({
    opensAt: instant,
    closesAt: instant,
    sharePercent: z
      .string()
      .regex(/^\d{1,2}(\.\d{1,2})?$/, 'Porsi suara publik berupa angka persen, mis. 20 atau 12.5')
      .refine((v) => Number(v) <= 50, 'Porsi suara publik paling besar 50 persen'),
    showLive: z.boolean(),
    finalistMode: z.enum(['remaining', 'chosen'], 'Pilih finalis: peserta yang masih bertahan atau pilihan admin'),
    finalistEntryIds: z.array(z.uuid('ID peserta tidak valid')).max(200).default([]),
    version: z.number().int().min(0).optional(),
  })
  .superRefine((v, ctx) => {
    if (Date.parse(v.closesAt) <= Date.parse(v.opensAt))
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'Waktu tutup harus setelah waktu buka' });
    if (v.finalistMode === 'chosen' && new Set(v.finalistEntryIds).size < 2)
      ctx.addIssue({ code: 'custom', path: ['finalistEntryIds'], message: 'Tandai paling sedikit dua finalis' });
  });
export type VoteSettingsInput = z.infer<typeof voteSettingsInput>;

export const voteSettings = z.object({
  opensAt: z.string(),
  closesAt: z.string(),
  sharePercent: z.string(),
  showLive: z.boolean(),
  finalistMode: z.enum(['remaining', 'chosen']),
  finalistEntryIds: z.array(z.string()),
  version: z.number(),
});

export const voteState = z.enum(['belum_dibuka', 'dibuka', 'ditutup']);
export type VoteState = z.infer<typeof voteState>;

export const adminVoteView = z.object({
  settings: voteSettings.nullable(),
  state: voteState.nullable(),
  /** The entries the admin may mark as finalists (those screened in). */
  candidates: z.array(
    z.object({ entryId: z.string(), innovationName: z.string(), unitName: z.string(), regionName: z.string(), category: z.string() }),
  ),
  finalists: z.array(
    z.object({
      entryId: z.string(),
      innovationName: z.string(),
      unitName: z.string(),
      /** The entering unit's region (a national competition's finalists come from several). */
      regionName: z.string(),
      category: z.string(),
      votes: z.number(),
      voided: z.number(),
    }),
  ),
  totalVotes: z.number(),
  flagged: z.array(
    z.object({
      voteId: z.string(),
      entryId: z.string(),
      innovationName: z.string(),
      addressPrefix: z.string(),
      confirmedAt: z.string(),
      reasons: z.array(z.enum(['prefix', 'spike'])),
    }),
  ),
  rule: z.object({ windowMinutes: z.number(), perPrefix: z.number(), spike: z.number() }),
});
export type AdminVoteView = z.infer<typeof adminVoteView>;

export const voidVotesBody = z.object({
  voteIds: z.array(z.uuid('ID suara tidak valid')).min(1, 'Pilih paling sedikit satu suara').max(1000),
  reason: z.string().trim().min(5, 'Tuliskan alasan pembatalan (paling sedikit 5 karakter)').max(500),
});
export const voidVotesResult = z.object({ voided: z.number() });

export const publicVoteView = z.object({
  /** `regionCode` is the organiser: the region, or `nasional` for the national admin's competition across regions. */
  competition: z.object({ id: z.string(), name: z.string(), year: z.number(), regionCode: z.string() }),
  opensAt: z.string(),
  closesAt: z.string(),
  state: voteState,
  countsShown: z.boolean(),
  finalists: z.array(
    z.object({
      entryId: z.string(),
      innovationId: z.string(),
      name: z.string(),
      unitName: z.string(),
      /** The entering unit's region; the page names it for a national competition. */
      regionName: z.string(),
      categoryName: z.string(),
      votes: z.number().nullable(),
    }),
  ),
});
export type PublicVoteView = z.infer<typeof publicVoteView>;

export const voteRequestBody = z.object({
  entryId: z.uuid('Pilih salah satu finalis'),
  email: z.string().trim().max(254, 'Alamat surel terlalu panjang').pipe(z.email('Alamat surel tidak valid')),
});
export const voteRequestResult = z.object({ requestId: z.string(), expiresAt: z.string() });

export const voteConfirmBody = z.object({
  requestId: z.uuid('Permintaan kode tidak valid'),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Kode konfirmasi berupa 6 angka'),
});
export const voteConfirmResult = z.object({ counted: z.literal(true), entryId: z.string() });
