/**
 * Helpers for the scoring tests only: load a shipped framework and evaluate, failing loudly with
 * the engine's own errors when an input that should be valid is not.
 */
import { evaluate } from './engine.ts';
import type { Framework } from './framework.schema.ts';
import type { ShippedFrameworkId } from './framework-registry.ts';
import { loadShipped } from './load-shipped.ts';
import type { EvaluationResult, InputError, NodeResult } from './result.ts';

const cache = new Map<string, Framework>();

export function shipped(id: ShippedFrameworkId): Framework {
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  const framework = loadShipped(id);
  cache.set(id, framework);
  return framework;
}

export function scoreOk(framework: Framework, input: unknown): EvaluationResult {
  const out = evaluate(framework, input);
  if (!out.ok) throw new Error(`Expected a result, got errors: ${JSON.stringify(out.errors, null, 1)}`);
  return out.result;
}

export function scoreErrors(framework: Framework, input: unknown): InputError[] {
  const out = evaluate(framework, input);
  if (out.ok) throw new Error(`Expected errors, got index ${out.result.index}`);
  return out.errors;
}

export function node(result: EvaluationResult, id: string): NodeResult {
  const found = result.nodes[id];
  if (found === undefined) throw new Error(`No node ${id} in the result`);
  return found;
}

/** {"1": level, ..., "47": level} for ids from..to. */
export function levels(from: number, to: number, level: number | ((id: number) => number)): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = from; i <= to; i += 1) out[String(i)] = typeof level === 'number' ? level : level(i);
  return out;
}
