/**
 * The contract of the region's dashboard (dasbor pimpinan): the headline figures of one year, each the
 * figure its own page shows (innovations against the target, the projected IID, the SPBE or Pemdi index,
 * the IKM, smart-city programmes, complaints), the innovations' weekly trend through the reporting window
 * and each index across the years. Indices travel as decimal strings ("78.25"), never as floats. A
 * command-centre screen reads the same JSON with its API token.
 */
import { z } from 'zod';

const yearNumber = z.coerce
  .number({ error: 'Tahun wajib berupa angka' })
  .int('Tahun wajib berupa tahun')
  .min(2000, 'Tahun paling awal 2000')
  .max(2100, 'Tahun paling akhir 2100');

export const dashboardQuery = z.object({ year: yearNumber.optional() });
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const decimal = z.string();
const count = z.number().int();

export const dashboardInnovations = z.object({
  /** The year's innovation period, or null when the region has none for the year (then every count is 0). */
  periodId: z.string().nullable(),
  target: count.nullable(),
  /** Proposed and alive: diajukan, dikembalikan, terverifikasi (as the target dashboard counts them). */
  proposed: count,
  /** Terverifikasi: the same set the public catalogue shows for the region and year. */
  verified: count,
  unitsMeetingMinimum: count,
  units: count,
  yandasCovered: count,
  yandasTotal: count,
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
});

export const dashboardIid = z.object({
  periodId: z.string(),
  frameworkName: z.string(),
  claimed: decimal,
  verified: decimal,
  /** The predicate of the verified index (what the ministry would publish). */
  predicate: z.string().nullable(),
  claimedPredicate: z.string().nullable(),
});

export const dashboardAssessment = z.object({
  assessmentId: z.string(),
  framework: z.string(),
  frameworkName: z.string(),
  stage: z.string(),
  /** Claimed values during penilaian mandiri, verified from verification on (as the assessment report). */
  basis: z.enum(['claimed', 'verified']),
  index: decimal.nullable(),
  predicate: z.string().nullable(),
  claimedIndex: decimal.nullable(),
  verifiedIndex: decimal.nullable(),
  domains: z.array(z.object({ id: z.string(), name: z.string(), index: decimal.nullable(), predicate: z.string().nullable() })),
});

export const dashboardIkm = z.object({
  periodId: z.string(),
  label: z.string(),
  index: decimal.nullable(),
  grade: z.string().nullable(),
  responses: count,
  /** The services with the lowest IKM (those with answers), lowest first. */
  weakestServices: z.array(z.object({ serviceId: z.string(), serviceName: z.string(), unitName: z.string(), index: decimal, grade: z.string() })),
});

export const dashboardSmartCity = z.object({
  masterplanId: z.string(),
  title: z.string(),
  programmes: count,
  /** Mean progress of the programmes with a target, percent with 2 decimals. */
  progress: decimal.nullable(),
  onTrack: count,
  done: count,
  blocked: count,
  notReported: count,
  /** The year's smart-city evaluation (an assessment on the smart-city framework), when the region has one. */
  evaluation: z
    .object({
      assessmentId: z.string(),
      frameworkName: z.string(),
      stage: z.string(),
      basis: z.enum(['claimed', 'verified']),
      index: decimal.nullable(),
      predicate: z.string().nullable(),
      /** The verified index against the previous evaluation's, as the evaluation and the masterplan page show it. */
      change: decimal.nullable(),
    })
    .nullable(),
});

export const dashboardComplaints = z.object({
  received: count,
  resolved: count,
  resolvedOnTime: count,
  overdue: count,
  open: count,
  resolutionRate: decimal.nullable(),
});

export const dashboardTrend = z.object({
  /** Cumulated per week (the Monday starting it) through the reporting window; the last point equals the figures. */
  innovations: z.array(z.object({ week: z.string(), proposed: count, verified: count })),
  /** Each index in each year the region has data for, oldest first. */
  indices: z.array(
    z.object({
      year: z.number().int(),
      iid: decimal.nullable(),
      assessment: decimal.nullable(),
      assessmentFramework: z.string().nullable(),
      ikm: decimal.nullable(),
    }),
  ),
});

export const regionDashboard = z
  .object({
    regionCode: z.string(),
    regionName: z.string(),
    year: z.number().int(),
    /** Years with any data (innovation period, assessment or survey), newest first: the year picker. */
    years: z.array(z.number().int()),
    innovations: dashboardInnovations,
    iid: dashboardIid.nullable(),
    assessment: dashboardAssessment.nullable(),
    ikm: dashboardIkm.nullable(),
    smartCity: dashboardSmartCity.nullable(),
    complaints: dashboardComplaints,
    trend: dashboardTrend,
  })
  .meta({ id: 'RegionDashboard' });
export type RegionDashboard = z.infer<typeof regionDashboard>;
