/**
 * The clusters regions are ranked in, as data: a provinsi is compared with provinces, a kabupaten with
 * kabupaten, a kota with kota (as the ministries rank the IID and SPBE). A further cluster (say, the
 * regions of a fiscal capacity band or of an island group) is one more entry here naming the region
 * kinds or codes it holds; the roll-up, its filter and its ranks follow without a code change.
 */
export interface RegionCluster {
  id: string;
  /** Indonesian label, as the ministries' tables head their columns. */
  name: string;
  nameEn: string;
  /** The region kinds (regions.kind) in the cluster. */
  kinds: readonly string[];
}

export const REGION_CLUSTERS: readonly RegionCluster[] = [
  { id: 'provinsi', name: 'Provinsi', nameEn: 'Provinces', kinds: ['provinsi'] },
  { id: 'kabupaten', name: 'Kabupaten', nameEn: 'Regencies', kinds: ['kabupaten'] },
  { id: 'kota', name: 'Kota', nameEn: 'Cities', kinds: ['kota'] },
];

export const CLUSTER_IDS = REGION_CLUSTERS.map((c) => c.id) as [string, ...string[]];

/** The cluster a region is ranked in: the first that holds its kind (null when none does). */
export function clusterOf(kind: string, clusters: readonly RegionCluster[] = REGION_CLUSTERS): RegionCluster | null {
  return clusters.find((c) => c.kinds.includes(kind)) ?? null;
}
