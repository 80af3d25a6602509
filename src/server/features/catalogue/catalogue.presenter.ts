/** Shapes catalogue rows into the public contract, field by field (never a spread of a row). */
import type { PublicInnovation } from '#shared/api/innovations.ts';
import type { PublicDetailRow, PublicSummaryRow } from './catalogue.queries.ts';

export function presentPublicSummary(r: PublicSummaryRow) {
  return {
    id: r.id,
    regionCode: r.regionCode,
    regionName: r.regionName,
    year: r.year,
    unitName: r.unitName,
    name: r.name,
    tahapan: r.tahapan,
    jenis: r.jenis,
    urusanUtama: r.urusanUtama,
    tujuan: r.tujuan,
  };
}

export function presentPublicInnovation(r: PublicDetailRow, tematikName: string | null): PublicInnovation {
  return {
    id: r.id,
    regionCode: r.regionCode,
    regionName: r.regionName,
    year: r.year,
    unitName: r.unitName,
    name: r.name,
    tahapan: r.tahapan,
    inisiator: r.inisiator,
    jenis: r.jenis,
    bentuk: r.bentuk,
    urusanUtama: r.urusanUtama,
    urusanIrisan: r.urusanIrisan,
    tematik: r.tematik,
    tematikName,
    waktuUjiCoba: r.waktuUjiCoba,
    waktuPenerapan: r.waktuPenerapan,
    rancangBangun: r.rancangBangun,
    tujuan: r.tujuan,
    manfaat: r.manfaat,
    hasil: r.hasil,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
    klasifikasi: r.klasifikasi,
    astaCita: r.astaCita,
    pkpnKlaster: r.pkpnKlaster,
    pkpnProgram: r.pkpnProgram,
    verifiedAt: r.verifiedAt?.toISOString() ?? null,
  };
}
