import { describe, expect, it } from 'vitest';
import { innovationUpdate } from '#shared/api/innovations.ts';
import { changedFields, isSameProfile, type ProfileValues, toUpdateInput } from './profile-values.ts';

const base: ProfileValues = {
  name: 'Lapor Nelayan',
  tahapan: 'penerapan',
  inisiator: 'opd',
  jenis: 'digital',
  bentuk: 'pelayanan_publik',
  urusanUtama: 'kelautan_perikanan',
  urusanIrisan: ['kelautan_perikanan', 'kominfo'],
  tematik: null,
  waktuUjiCoba: '2025-06-02',
  waktuPenerapan: '',
  waktuPengembangan: '',
  uraianPengembangan: '',
  rancangBangun: 'Uraian',
  tujuan: '',
  manfaat: '',
  hasil: '',
  latitude: '-2,1291',
  longitude: '',
  contactName: '',
  contactPhone: '',
  contactEmail: '',
  rpjmdProgramCode: '',
  klasifikasi: null,
  astaCita: null,
  pkpnKlaster: null,
  pkpnProgram: '',
  anggaran: '',
  sumberAnggaran: null,
  namaInisiator: '',
};

describe('the editor values as a save body', () => {
  it('is accepted by the shared update schema, with empty optional fields as null', () => {
    const body = toUpdateInput(base, 4);
    const parsed = innovationUpdate.safeParse(body);
    expect(parsed.success).toBe(true);
    expect(body).toMatchObject({ version: 4, waktuPenerapan: null, longitude: null, latitude: -2.1291 });
  });

  it('never sends the urusan utama again among the irisan', () => {
    expect(toUpdateInput(base, 1).urusanIrisan).toEqual(['kominfo']);
  });

  it('treats values that save the same as the same (no autosave for nothing)', () => {
    expect(isSameProfile(base, { ...base, latitude: -2.1291 })).toBe(true);
    expect(isSameProfile(base, { ...base, tujuan: 'Baru' })).toBe(false);
    expect(changedFields(base, { ...base, tujuan: 'Baru', urusanIrisan: ['kominfo'] })).toEqual(['tujuan']);
  });
});
