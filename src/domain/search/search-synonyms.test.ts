/**
 * The synonym dictionary as data: the shipped file is valid and holds the spellings staff reported, an
 * install's file is checked word by word, groups sharing a word merge, and a query names the groups its
 * words touch (exactly, or as an affixed form) and reads with the other spellings for a name fragment.
 */
import { describe, expect, it } from 'vitest';
import shipped from './search-synonyms.json' with { type: 'json' };
import { buildSynonymDictionary, parseSynonymFile, SHIPPED_SYNONYMS, spellingAlternatives, synonymRewritesFor } from './search-synonyms.ts';

const shippedDictionary = buildSynonymDictionary(SHIPPED_SYNONYMS);

describe('the shipped synonym file', () => {
  it('is valid and pairs the spellings regions use', () => {
    expect('groups' in parseSynonymFile(shipped)).toBe(true);
    const pairs = [
      ['akte', 'akta'],
      ['antrian', 'antrean'],
      ['ijin', 'izin'],
      ['sertipikat', 'sertifikat'],
      ['apotik', 'apotek'],
      ['praktek', 'praktik'],
      ['resiko', 'risiko'],
      ['nasehat', 'nasihat'],
      ['kwitansi', 'kuitansi'],
      ['propinsi', 'provinsi'],
      ['obyek', 'objek'],
      ['sistim', 'sistem'],
      ['tehnik', 'teknik'],
      ['analisa', 'analisis'],
      ['jadual', 'jadwal'],
      ['hutang', 'utang'],
    ];
    for (const [a, b] of pairs) expect(shippedDictionary.groupOf.get(a as string), a).toContain(b);
  });
});

describe('an install synonym file', () => {
  it('is read in lowercase, a repeated word once', () => {
    expect(parseSynonymFile({ about: 'catatan', groups: [['KTP', 'ktpel', 'Ktp']] })).toEqual({ groups: [['ktp', 'ktpel']] });
  });

  it('refuses a phrase, an operator, a quote, a lone word or a wrong shape, naming where', () => {
    const result = parseSynonymFile({ groups: [['akta', 'akta kelahiran'], ['x"y', 'z'], ['or', 'atau'], ['sendiri'], 'akta'] });
    expect('problems' in result && result.problems.map((p) => p.split(':')[0])).toEqual([
      'groups[0][1]',
      'groups[1][0]',
      'groups[1][1]',
      'groups[2][0]',
      'groups[3]',
      'groups[4]',
    ]);
    expect('problems' in parseSynonymFile([['akta', 'akte']])).toBe(true);
    expect('problems' in parseSynonymFile(null)).toBe(true);
  });

  it('extends a shipped group through a shared word, and adds new groups', () => {
    const dictionary = buildSynonymDictionary(SHIPPED_SYNONYMS, [
      ['izin', 'idzin'],
      ['daring', 'online'],
    ]);
    expect(dictionary.groupOf.get('idzin')).toEqual(['izin', 'ijin', 'idzin']);
    expect(dictionary.groupOf.get('ijin')).toEqual(['izin', 'ijin', 'idzin']);
    expect(dictionary.groupOf.get('online')).toEqual(['daring', 'online']);
    expect(shippedDictionary.groupOf.get('online')).toBeUndefined();
  });

  it('merges groups joined by a later group', () => {
    const dictionary = buildSynonymDictionary([
      ['a1', 'b1'],
      ['c1', 'd1'],
      ['b1', 'c1'],
    ]);
    expect(dictionary.groupOf.get('d1')).toEqual(['a1', 'b1', 'c1', 'd1']);
  });
});

describe('the groups a query touches', () => {
  const rewrites = (q: string) => synonymRewritesFor(q, shippedDictionary).map((r) => r.word);

  it('names a known word of the query with its group, whatever its case or punctuation', () => {
    expect(synonymRewritesFor('"Akte kelahiran"', shippedDictionary)).toEqual([{ word: 'akte', group: ['akta', 'akte'] }]);
    expect(rewrites('-antrian or loket')).toContain('antrian');
  });

  it('guesses affixed forms (the database rewrites only an equal stem), not short words inside others', () => {
    expect(rewrites('perijinannya')).toEqual(expect.arrayContaining(['ijin', 'perijinan']));
    expect(rewrites('antri')).toEqual(expect.arrayContaining(['antri', 'antrian']));
    expect(rewrites('pasar ikan')).toEqual([]);
  });

  it('touches nothing for unknown words, and stops at the limit', () => {
    expect(rewrites('zzqxwv sekolah')).toEqual([]);
    expect(synonymRewritesFor('akte ijin apotik praktek resiko', shippedDictionary, 3)).toHaveLength(3);
  });
});

describe('spellings of a query for a name fragment', () => {
  it('keeps the query as typed first, then each known word in its other spellings', () => {
    expect(spellingAlternatives('Akte lah', shippedDictionary)).toEqual(['Akte lah', 'akta lah']);
    expect(spellingAlternatives('ijin praktek', shippedDictionary)).toEqual(['ijin praktek', 'ijin praktik', 'izin praktek', 'izin praktik']);
    expect(spellingAlternatives('KTP-el', shippedDictionary)).toEqual(['KTP-el']);
  });

  it('stops at the limit', () => {
    expect(spellingAlternatives('akte ijin apotik praktek resiko', shippedDictionary)).toHaveLength(8);
  });
});
