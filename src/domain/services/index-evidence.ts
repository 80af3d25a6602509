/**
 * Which indicators of the national indices take a public-service document as evidence, so a region
 * attaches its survey report or its complaint statistics in one click instead of downloading and
 * uploading them again. Keyed by framework family (the framework id before the year: `iid-2026` → `iid`).
 *
 * - SKM report: IID indicator 34 (Monitoring dan evaluasi inovasi daerah; parameter 2 is "Laporan
 *   Survei Kepuasan Masyarakat"), Indeks Pemdi 19 and 20 (support facilities and satisfaction management
 *   of digital services; the 2026 assessor asks for the online SKM and its published follow-up).
 * - Complaint statistics: IID indicator 29 (Penyelesaian layanan pengaduan: the resolution rate is its
 *   parameter), SPBE 2020 indicator 42 (Layanan Pengaduan Pelayanan Publik Berbasis Elektronik), Pemdi 19.
 * - An event's attendance list (acara): a bimtek for IID indicator 20 (Bimtek inovasi: the assessor asks
 *   for the attendance list and invitation of each knowledge-transfer event), a sosialisasi for IID 25
 *   (Sosialisasi inovasi daerah); both for the smart-city evaluation's Outcome dimension (how far the
 *   masterplan is carried out, where bimtek and sosialisasi of the masterplan are reported). The
 *   smart-city mapping is uncertain (the evaluation guideline was not readable): change it here.
 * Sources: docs/scoring (fidelity notes); the list is data: a new framework family is one more entry.
 */
export type IndexEvidenceSource = 'skm' | 'complaints' | 'bimtek' | 'sosialisasi';

export const INDEX_EVIDENCE: Record<IndexEvidenceSource, Record<string, readonly string[]>> = {
  skm: { iid: ['34'], pemdi: ['19', '20'] },
  complaints: { iid: ['29'], spbe: ['42'], pemdi: ['19'] },
  bimtek: { iid: ['20'], smartcity: ['outcome'] },
  sosialisasi: { iid: ['25'], smartcity: ['outcome'] },
};

/** `iid-2026` → `iid`; `pemdi-2026` → `pemdi`; an uploaded `iid-2027` is an IID version too. */
export function frameworkFamily(frameworkId: string): string {
  const match = /^(.*?)-\d{4}$/.exec(frameworkId);
  return match?.[1] ?? frameworkId;
}

/** The indicators of `frameworkId` that take documents of `source`. */
export function indicatorsFor(source: IndexEvidenceSource, frameworkId: string): readonly string[] {
  return INDEX_EVIDENCE[source][frameworkFamily(frameworkId)] ?? [];
}
