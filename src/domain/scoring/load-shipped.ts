/**
 * Reads the framework files shipped in frameworks/*.json from disk. For tests and the CLI ONLY:
 * the engine itself stays pure, and the server loads frameworks through its own storage layer.
 */
import { readFileSync } from 'node:fs';
import type { Framework } from './framework.schema.ts';
import { parseFramework, SHIPPED_FRAMEWORK_IDS, type ShippedFrameworkId } from './framework-registry.ts';

export const FRAMEWORKS_DIR = new URL('../../../frameworks/', import.meta.url);

/** The raw JSON of a shipped framework file. */
export function readShippedJson(id: ShippedFrameworkId): unknown {
  return JSON.parse(readFileSync(new URL(`${id}.json`, FRAMEWORKS_DIR), 'utf8'));
}

/** A shipped framework, parsed and checked; throws with every problem listed if the file is broken. */
export function loadShipped(id: ShippedFrameworkId): Framework {
  const parsed = parseFramework(readShippedJson(id));
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => `  ${e.path}: ${e.messageEn}`);
    throw new Error(`frameworks/${id}.json is invalid:\n${lines.join('\n')}`);
  }
  return parsed.framework;
}

export function loadAllShipped(): Framework[] {
  return SHIPPED_FRAMEWORK_IDS.map(loadShipped);
}
