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

/** The part of a framework's tree an interface needs: ids, names and kinds of its nodes (the full body has more). */
export interface FrameworkTreeNode {
  id: string;
  name: string;
  kind?: string | undefined;
  children?: FrameworkTreeNode[] | undefined;
}
const treeNode: z.ZodType<FrameworkTreeNode> = z.lazy(() =>
  z.object({ id: z.string(), name: z.string(), kind: z.string().optional(), children: z.array(treeNode).optional() }),
);
export const frameworkTree = z.object({ id: z.string(), version: z.string(), root: treeNode });
export type FrameworkTree = z.output<typeof frameworkTree>;
