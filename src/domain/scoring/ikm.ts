/**
 * Engine for survey frameworks: the Survei Kepuasan Masyarakat and its index IKM (PermenPANRB
 * 14/2017). Input: {"responses": [{"U1": 4, ..., "U9": 3}, ...]}. Each unsur's NRR is the mean of
 * the answers it received (an unanswered unsur is left out of that unsur's mean, not counted as
 * zero); the root combines the NRRs by its rule (Σ NRR × 1/9 × 25 in ikm-2017).
 */
import { evaluateTree, type LeafComputation } from './aggregate.ts';
import { formatId, Ratio } from './decimal.ts';
import type { Framework } from './framework.schema.ts';
import { acceptsValue } from './framework-checks.ts';
import { allowedText, describeRaw, isRecord, notAnObject, readNumber, unknownKeys } from './input.ts';
import { type Evaluation, type EvaluationWarning, finalize, type InputError } from './result.ts';
import { leaves } from './tree.ts';

// Past this many, the errors are summarised: a broken export of 5,000 rows needs one message, not 45,000.
const MAX_ERRORS = 50;

export function evaluateSurvey(framework: Framework, input: unknown): Evaluation {
  if (!isRecord(input)) return { ok: false, errors: [notAnObject('Input', 'The input')] };
  const errors: InputError[] = unknownKeys(input, ['responses']);
  const responses = input.responses;
  if (!Array.isArray(responses)) {
    errors.push({
      indicator: null,
      code: 'INVALID_INPUT',
      message: 'Input harus memuat "responses": daftar jawaban responden, mis. [{"U1": 4, "U2": 3}].',
      messageEn: 'The input needs "responses": a list of answers, e.g. [{"U1": 4, "U2": 3}].',
    });
    return { ok: false, errors };
  }
  if (responses.length === 0) {
    errors.push({
      indicator: null,
      code: 'NO_DATA',
      message: 'Belum ada jawaban responden; IKM tidak dapat dihitung.',
      messageEn: 'There are no responses; the IKM cannot be computed.',
    });
    return { ok: false, errors };
  }

  const unsur = leaves(framework.root);
  const byId = new Map(unsur.map((u) => [u.id, u]));
  const totals = new Map(unsur.map((u) => [u.id, { sum: Ratio.ZERO, answered: 0 }]));
  let overflow = 0;
  let counted = 0;
  let empty = 0;
  const fail = (error: InputError) => {
    if (errors.length < MAX_ERRORS) errors.push(error);
    else overflow += 1;
  };

  responses.forEach((response, respondent) => {
    const who = `Responden ke-${respondent + 1}`;
    if (!isRecord(response)) {
      fail({ ...notAnObject(who, `Response ${respondent + 1}`), respondent });
      return;
    }
    let answers = 0;
    for (const [key, raw] of Object.entries(response)) {
      const node = byId.get(key);
      if (node === undefined) {
        fail({
          indicator: key,
          respondent,
          code: 'UNKNOWN_INDICATOR',
          message: `${who}: unsur "${key}" tidak ada dalam ${framework.name}; yang ada: ${unsur.map((u) => u.id).join(', ')}.`,
          messageEn: `Response ${respondent + 1}: unsur "${key}" does not exist in ${framework.id}.`,
        });
        continue;
      }
      if (raw === null || raw === undefined) continue;
      const value = readNumber(raw);
      if (value === null || !acceptsValue(node, value)) {
        const allowed = allowedText(node);
        fail({
          indicator: key,
          respondent,
          code: value === null ? 'INVALID_VALUE' : 'OUT_OF_RANGE',
          message: `${who}: jawaban unsur ${key} (${node.name}) = ${describeRaw(raw)} tidak sah; isi ${allowed.id}, atau kosongkan bila tidak dijawab.`,
          messageEn: `Response ${respondent + 1}: the answer for ${key} (${node.name}) = ${describeRaw(raw)} is invalid; give ${allowed.en}, or leave it out if unanswered.`,
        });
        continue;
      }
      const total = totals.get(key);
      if (total !== undefined) {
        total.sum = total.sum.add(value);
        total.answered += 1;
      }
      answers += 1;
    }
    if (answers === 0) empty += 1;
    else counted += 1;
  });

  for (const u of unsur) {
    if ((totals.get(u.id)?.answered ?? 0) === 0) {
      fail({
        indicator: u.id,
        code: 'MISSING_VALUE',
        message: `Unsur ${u.id} (${u.name}) tidak dijawab oleh satu responden pun; NRR-nya tidak dapat dihitung.`,
        messageEn: `Unsur ${u.id} (${u.name}) has no answers at all; its NRR cannot be computed.`,
      });
    }
  }
  if (overflow > 0) {
    errors.push({
      indicator: null,
      code: 'INVALID_INPUT',
      message: `Dan ${overflow} kesalahan lain dengan jenis serupa.`,
      messageEn: `And ${overflow} more errors of the same kinds.`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };

  const warnings: EvaluationWarning[] = [];
  if (empty > 0) {
    warnings.push({
      indicator: null,
      code: 'EMPTY_RESPONSE',
      message: `${empty} jawaban tidak berisi satu unsur pun dan tidak dihitung.`,
      messageEn: `${empty} responses answered no unsur and were not counted.`,
    });
  }

  const computed = evaluateTree(framework.root, (leaf): LeafComputation => {
    const total = totals.get(leaf.id);
    if (total === undefined || total.answered === 0) throw new Error(`Unsur ${leaf.id} was not validated`);
    const value = total.sum.div(Ratio.int(total.answered));
    return {
      value,
      how: `NRR ${leaf.name} = jumlah nilai ${formatId(total.sum)} ÷ ${total.answered} responden yang menjawab = ${formatId(value)}.`,
      details: { answered: total.answered, sum: total.sum.toPlain() },
    };
  });
  return { ok: true, result: finalize(framework, computed, warnings, { respondents: counted }) };
}
