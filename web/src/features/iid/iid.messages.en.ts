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
  'iidNational.tab': 'National',
  'iidNational.title': 'National validation result',
  'iidNational.notImportedText':
    'No national validation result for this period yet. Export the data for the national IID application, then import its result.',
  'iidNational.importedAt': 'Imported {at} from the file {file}.',
  'iidNational.claimed': 'Claimed',
  'iidNational.verified': 'Verified',
  'iidNational.national': 'National',
  'iidNational.gap': 'Gap',
  'iidNational.gapHint': 'National minus verified',
  'iidNational.notImported': 'Not imported yet',
  'iidNational.rank': 'rank {rank}',
  'iidNational.tableLabel': 'Innovation scores: claimed, verified and national',
  'iidNational.nationalStatus': 'National status',
  'iidNational.notScored': 'Not scored',
  'iidNational.status.valid': 'Valid',
  'iidNational.status.tidak_valid': 'Not valid',
  'iidNational.export': 'Export for the national application',
  'iidNational.import': 'Import the national result',
  'iidNational.importTitle': 'Import the national validation result',
  'iidNational.importIntro':
    'Download the template, fill the DAERAH line (index, rank, predicate) and the INOVASI lines (national score and status), then upload it. The file is checked first; if any row is wrong nothing is saved.',
  'iidNational.template': 'Download the template',
  'iidNational.summary': '{total} {total|row|rows}, {innovations} {innovations|innovation|innovations}',
  'iidNational.replaces': 'The national result already stored for this period will be replaced entirely.',
  'iidNational.imported': 'National validation result saved',
};
