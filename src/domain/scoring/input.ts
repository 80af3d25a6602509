/**
 * Reading the caller's input without trusting it: numbers or numeric strings become exact ratios,
 * and every problem becomes an InputError naming the indicator. Nothing here throws.
 */
import { DECIMAL_PATTERN, Dec, formatTextId, Ratio } from './decimal.ts';
import type { FrameworkNode } from './framework.schema.ts';
import type { InputError } from './result.ts';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON number or a numeric string ("3", "1.26") as an exact ratio; null when it is neither. */
export function readNumber(raw: unknown): Ratio | null {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return null;
    if (Number.isSafeInteger(raw)) return Ratio.int(raw);
    // String(0.1) is "0.1": the shortest text that round-trips, i.e. what the person typed.
    return Ratio.fromDecimal(new Dec(String(raw)));
  }
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (!DECIMAL_PATTERN.test(text)) return null;
    return Ratio.fromDecimal(new Dec(text));
  }
  return null;
}

export function describeRaw(raw: unknown): string {
  if (typeof raw === 'string') return `"${raw}"`;
  if (raw === null) return 'null';
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return Array.isArray(raw) ? 'sebuah daftar' : 'sebuah objek';
}

/** Errors for top-level keys the input kind does not know (a typo must not pass silently). */
export function unknownKeys(input: Record<string, unknown>, allowed: readonly string[]): InputError[] {
  return Object.keys(input)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({
      indicator: null,
      code: 'INVALID_INPUT' as const,
      message: `Kunci "${key}" tidak dikenal pada input; yang dikenal: ${allowed.join(', ')}.`,
      messageEn: `Unknown input key "${key}"; expected: ${allowed.join(', ')}.`,
    }));
}

export function notAnObject(what: string, whatEn: string): InputError {
  return {
    indicator: null,
    code: 'INVALID_INPUT',
    message: `${what} harus berupa objek JSON.`,
    messageEn: `${whatEn} must be a JSON object.`,
  };
}

/** What a leaf accepts, in words: "tingkat 1, 2, 3, 4 atau 5", "nilai 1 sampai 5". */
export function allowedText(node: FrameworkNode): { id: string; en: string } {
  const scale = node.scale;
  const list = (values: number[]) => {
    const head = values.slice(0, -1).join(', ');
    const last = values[values.length - 1];
    return head === '' ? String(last) : `${head} atau ${last}`;
  };
  const listEn = (values: number[]) => {
    const head = values.slice(0, -1).join(', ');
    const last = values[values.length - 1];
    return head === '' ? String(last) : `${head} or ${last}`;
  };
  switch (scale?.type) {
    case 'levels': {
      const v = scale.levels.map((l) => l.level);
      return { id: `tingkat ${list(v)}`, en: `level ${listEn(v)}` };
    }
    case 'parameters': {
      const v = [...(scale.zero === undefined ? [] : [0]), ...scale.parameters.map((p) => p.level)];
      return { id: `parameter ${list(v)}`, en: `parameter ${listEn(v)}` };
    }
    case 'decimal':
      return {
        id: `nilai ${formatTextId(scale.min)} sampai ${formatTextId(scale.max)}`,
        en: `a value from ${scale.min} to ${scale.max}`,
      };
    case 'likert': {
      const v = scale.options.map((o) => o.value);
      return { id: `jawaban ${list(v)}`, en: `answer ${listEn(v)}` };
    }
    default:
      return { id: 'tidak ada nilai (dihitung)', en: 'no value (computed)' };
  }
}
