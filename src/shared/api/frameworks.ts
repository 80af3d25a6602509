/** Indicator frameworks as the API lists them: the shipped files and the versions a region may use. */
import { z } from 'zod';

export const frameworkSummary = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  inputKind: z.enum(['values', 'survey', 'innovations']),
  effectiveYears: z.object({ from: z.number().int(), to: z.number().int().nullable() }),
});
export type FrameworkSummary = z.output<typeof frameworkSummary>;

export const frameworkSummaryList = z.object({ items: z.array(frameworkSummary) });
