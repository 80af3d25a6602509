/** The IKM of running sums lives in the platform, where the region's dashboard scores it the same way. */
export * from '#server/platform/figures/ikm-score.ts';
