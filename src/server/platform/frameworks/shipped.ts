/**
 * The indicator frameworks this install knows (the shipped files for now; region-loaded versions
 * arrive with self-assessments) and scoring input against one of them with the pure engine.
 */
import { evaluate, type Evaluation } from '#domain/scoring/engine.ts';
import type { Framework } from '#domain/scoring/framework.schema.ts';
import { loadAllShipped } from '#domain/scoring/load-shipped.ts';
import { AppError } from '#server/http/app-error.ts';

let cache: Map<string, Framework> | undefined;

export function frameworks(): Map<string, Framework> {
  cache ??= new Map(loadAllShipped().map((f) => [f.id, f]));
  return cache;
}

export function getFramework(id: string): Framework {
  const f = frameworks().get(id);
  if (!f) throw new AppError('NOT_FOUND', { detail: `unknown framework ${id}` });
  return f;
}

export function summarize(f: Framework) {
  return {
    id: f.id,
    version: f.version,
    name: f.name,
    description: f.description ?? null,
    inputKind: f.inputKind,
    effectiveYears: f.effectiveYears,
  };
}

/** Scores input; a mistake in the input is a 400 naming the indicator, never a silent zero. */
export function evaluateWith(id: string, input: unknown): Extract<Evaluation, { ok: true }>['result'] {
  const evaluation = evaluate(getFramework(id), input);
  if (!evaluation.ok) {
    throw new AppError('VALIDATION_FAILED', {
      issues: evaluation.errors.map((e) => ({
        field:
          [
            e.innovation === undefined ? null : `innovations.${e.innovation}`,
            e.respondent === undefined ? null : `responses.${e.respondent}`,
            e.indicator,
          ]
            .filter((p) => p !== null)
            .join('.') || 'input',
        reason: e.message,
      })),
    });
  }
  return evaluation.result;
}
