/** Interface texts of the IID rules, in English; every key of the Indonesian file. */
import type { iidMessagesId } from './iid.messages.id.ts';

export const iidMessagesEn: Record<keyof typeof iidMessagesId, string> = {
  'iid.basisUkur': 'Measurement basis',
  'iid.basisUkurPlaceholder': 'Choose a measurement basis (a–f)',
  'iid.basisUkurHint': 'The parameters are read on the chosen basis; the points are the same on every basis.',
  'iid.basisUkurChosen': 'Measurement basis: {basis}',
  'iid.basisUkurNone': 'No measurement basis chosen',
  'iid.verifiedBasis.eligible-verified':
    'The verified index counts only verified innovations that are also eligible to be reported (implemented, or last developed, inside the window; a design text of at least {words} {words|word|words}; mandatory indicators filled); they make its number of innovations, divisor and count score.',
  'iid.verifiedBasis.all-verified':
    'The verified index counts every verified innovation; they make its number of innovations, divisor and count score.',
  'iid.urusanCounted.utama': "The basic-service affairs requirement reads each innovation's main affair only, not its related ones.",
  'iid.urusanCounted.utama-dan-irisan': "The basic-service affairs requirement reads each innovation's main and related affairs.",
  'iid.notEligible': 'Not eligible yet',
  'iid.frameworkAssumed': 'Assumed: there are no IID rules for {year}',
  'iid.levers.title': 'Biggest levers',
  'iid.levers.text':
    'The steps that move the index most: the basic-service affairs requirement, empty seats under the divisor, innovations not yet eligible, and one-parameter raises. A new innovation is assumed to score {score}.',
  'iid.levers.gain': 'Change',
  'iid.levers.after': 'Index afterwards {index}',
  'iid.levers.carry': '{n} {n|verified innovation of last period is|verified innovations of last period are} not carried over yet',
  'iid.levers.kind.gate-one': 'Affairs requirement',
  'iid.levers.kind.gate-all': 'Affairs requirement',
  'iid.levers.kind.seat-new': 'Empty seat',
  'iid.levers.kind.seat-carry': 'Carry over',
  'iid.levers.kind.drop-ineligible': 'Not eligible',
  'iid.levers.kind.raise': 'One parameter up',
  'iid.levers.kind.evidence': 'Evidence',
};
