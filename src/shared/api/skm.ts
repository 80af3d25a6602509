/**
 * The contract of the Survei Kepuasan Masyarakat: periods, the public answer endpoint (kiosks and
 * other portals use it: keep it stable), results and the follow-up plan. Decimals travel as strings,
 * as in the evaluate endpoint.
 */
import { z } from 'zod';
import { AGE_GROUPS, CHANNELS, EDUCATIONS, GENDERS, OCCUPATIONS, UNSUR_KEYS, VULNERABLE } from '../../domain/services/skm.ts';
import { optionalText, requiredText } from './common.ts';

const isoDate = (label: string) => z.iso.date(`${label} harus berupa tanggal (YYYY-MM-DD)`);

const answer = (key: string) =>
  z
    .number({ error: `Jawaban ${key} wajib diisi dengan angka 1–4` })
    .int(`Jawaban ${key} harus bilangan bulat 1–4`)
    .min(1, `Jawaban ${key} harus 1–4`)
    .max(4, `Jawaban ${key} harus 1–4`);

/** All nine unsur, each 1–4. */
export const skmAnswers = z
  .object(Object.fromEntries(UNSUR_KEYS.map((k) => [k, answer(k)])) as Record<(typeof UNSUR_KEYS)[number], ReturnType<typeof answer>>, {
    error: 'Jawaban (answers) wajib diisi untuk U1 sampai U9',
  })
  .strict();

export const respondentProfile = z
  .object({
    gender: z.enum(GENDERS, { error: 'Jenis kelamin tidak dikenal' }).nullish(),
    ageGroup: z.enum(AGE_GROUPS, { error: 'Kelompok usia tidak dikenal' }).nullish(),
    education: z.enum(EDUCATIONS, { error: 'Pendidikan tidak dikenal' }).nullish(),
    occupation: z.enum(OCCUPATIONS, { error: 'Pekerjaan tidak dikenal' }).nullish(),
    vulnerable: z.enum(VULNERABLE, { error: 'Kelompok rentan tidak dikenal' }).nullish(),
    serviceDate: isoDate('Tanggal layanan').nullish(),
  })
  .strict();

export const skmResponseInput = z.object({
  answers: skmAnswers,
  respondent: respondentProfile.optional(),
  suggestion: optionalText('Saran', 2000),
  /** How the answer arrived; the public endpoint accepts tautan or kiosk. */
  channel: z.enum(['tautan', 'kiosk']).default('tautan'),
  /** A random id the device keeps (kiosk, browser), for the one-answer-per-device interval. */
  deviceId: z.string().trim().min(8).max(100).optional(),
});
export const skmResponseCreated = z.object({ id: z.string() });

const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/);

export const ikmResult = z
  .object({
    index: decimalString,
    grade: z.enum(['A', 'B', 'C', 'D']),
    gradeName: z.string(),
    responses: z.number().int(),
    unsur: z.record(z.string(), z.object({ nrr: decimalString, answered: z.number().int() })),
  })
  .meta({ id: 'IkmResult' });

export const skmPeriodInput = z
  .object({
    year: z.number().int().min(2017, 'Tahun paling awal 2017').max(2100),
    semester: z
      .union([z.literal(1), z.literal(2)], { error: 'Semester 1 atau 2 (kosongkan untuk setahun penuh)' })
      .nullish()
      .transform((v) => v ?? null),
    startsOn: isoDate('Tanggal mulai'),
    endsOn: isoDate('Tanggal selesai'),
    allServices: z.boolean().default(true),
    serviceIds: z.array(z.uuid()).max(2000).default([]),
    frameworkVersionId: z
      .uuid()
      .nullish()
      .transform((v) => v ?? null),
    deviceIntervalHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 365)
      .default(24),
    questions: z
      .partialRecord(
        z.enum(UNSUR_KEYS),
        z.object({
          question: requiredText('Pertanyaan', 500),
          options: z.array(requiredText('Pilihan jawaban', 120)).length(4, 'Tepat empat pilihan jawaban'),
        }),
      )
      .default({}),
  })
  .refine((p) => p.endsOn >= p.startsOn, { path: ['endsOn'], message: 'Tanggal selesai tidak boleh sebelum tanggal mulai' })
  .refine((p) => p.allServices || p.serviceIds.length > 0, { path: ['serviceIds'], message: 'Pilih paling sedikit satu layanan' });

export const skmPeriodUpdate = z.intersection(skmPeriodInput, z.object({ version: z.number().int().min(1) }));

export const skmPeriod = z
  .object({
    id: z.string(),
    regionCode: z.string(),
    year: z.number().int(),
    semester: z.number().int().nullable(),
    label: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    status: z.enum(['dibuka', 'ditutup']),
    allServices: z.boolean(),
    frameworkVersionId: z.string().nullable(),
    deviceIntervalHours: z.number().int(),
    questions: z.record(z.string(), z.object({ question: z.string(), options: z.array(z.string()) })),
    serviceCount: z.number().int(),
    responseCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'SkmPeriod' });
export const skmPeriodList = z.object({ items: z.array(skmPeriod) });

/** Per service in a period: population, sample progress and its IKM. */
export const skmServiceProgress = z.object({
  serviceId: z.string(),
  serviceName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  population: z.number().int().nullable(),
  minimumSample: z.number().int().nullable(),
  responses: z.number().int(),
  sufficient: z.boolean().nullable(),
  ikm: ikmResult.nullable(),
});

export const skmResults = z.object({
  period: skmPeriod,
  region: ikmResult.nullable(),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), ikm: ikmResult.nullable() })),
  services: z.array(skmServiceProgress),
  /** Unsur sorted weakest first (region level). */
  weakest: z.array(z.object({ unsur: z.string(), name: z.string(), nrr: decimalString })),
  previous: z.object({ periodId: z.string(), label: z.string(), index: decimalString.nullable(), grade: z.string().nullable() }).nullable(),
});

export const skmGroupResults = z.object({
  group: z.enum(['gender', 'ageGroup', 'education', 'occupation', 'vulnerable']),
  rows: z.array(z.object({ value: z.string().nullable(), ikm: ikmResult.nullable() })),
});

export const populationInput = z.object({
  items: z
    .array(z.object({ serviceId: z.uuid(), population: z.number().int().min(0).max(100_000_000).nullable() }))
    .min(1)
    .max(2000),
});

export const followUpInput = z.object({
  serviceId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  unsur: z
    .enum(UNSUR_KEYS)
    .nullish()
    .transform((v) => v ?? null),
  action: requiredText('Rencana tindak lanjut', 1000),
  owner: requiredText('Penanggung jawab', 200),
  dueOn: isoDate('Batas waktu'),
  status: z.enum(['direncanakan', 'berjalan', 'selesai']).default('direncanakan'),
  progress: z.number().int().min(0).max(100).default(0),
  result: z.string().trim().max(2000).default(''),
});
export const followUpUpdate = followUpInput.extend({ version: z.number().int().min(1) });
export const followUp = z
  .object({
    id: z.string(),
    periodId: z.string(),
    serviceId: z.string().nullable(),
    serviceName: z.string().nullable(),
    unsur: z.string().nullable(),
    action: z.string(),
    owner: z.string(),
    dueOn: z.string(),
    status: z.enum(['direncanakan', 'berjalan', 'selesai']),
    progress: z.number().int(),
    result: z.string(),
    overdue: z.boolean(),
    evidenceCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'SkmFollowUp' });
export const followUpList = z.object({ items: z.array(followUp) });

export const skmChannel = z.enum(CHANNELS);

// --- Added with the survey server: request shapes of the staff and public routes, and the types. ---

/** Closing or reopening a period names the version the caller saw. */
export const skmPeriodStatusInput = z.object({ version: z.number().int().min(1) });

export const skmGroupQuery = z.object({
  group: z.enum(['gender', 'ageGroup', 'education', 'occupation', 'vulnerable']).default('gender'),
  serviceId: z.uuid('Layanan tidak valid').optional(),
});

export const skmImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export const publicIkmQuery = z.object({
  year: z.coerce.number().int().min(2017, 'Tahun paling awal 2017').max(2100).optional(),
});

/** One evidence file of a follow-up item (the platform's attachment view). */
export const followUpEvidence = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    fileName: z.string().nullable(),
    mimeType: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'SkmFollowUpEvidence' });
export const followUpEvidenceList = z.object({ items: z.array(followUpEvidence) });
export const followUpEvidenceQuery = z.object({ title: z.string().trim().max(200).optional() });

export type IkmResult = z.infer<typeof ikmResult>;
export type SkmPeriod = z.infer<typeof skmPeriod>;
export type SkmPeriodInput = z.infer<typeof skmPeriodInput>;
export type SkmResponseInput = z.infer<typeof skmResponseInput>;
export type SkmResults = z.infer<typeof skmResults>;
export type SkmGroupResults = z.infer<typeof skmGroupResults>;
export type FollowUp = z.infer<typeof followUp>;
export type FollowUpInput = z.infer<typeof followUpInput>;
