/**
 * The response-time buckets of the speed-to-lead dashboard, the one place their bounds live (the
 * API builds its SQL from this table; the web app labels its charts with it).
 *
 * Boundary rule: every bucket is half-open, [fromSeconds, toSeconds): a lead contacted exactly
 * 60 s after it arrived is in "1-5 min", exactly 2 h is in "2-24 h". `never` holds leads with no
 * first contact yet. Lead aging uses the same bounds on its age (without `never`).
 */
export const responseBuckets = [
  { key: 'under_1m', label: '<1 min', fromSeconds: 0, toSeconds: 60 },
  { key: '1m_5m', label: '1-5 min', fromSeconds: 60, toSeconds: 5 * 60 },
  { key: '5m_30m', label: '5-30 min', fromSeconds: 5 * 60, toSeconds: 30 * 60 },
  { key: '30m_2h', label: '30-120 min', fromSeconds: 30 * 60, toSeconds: 2 * 3600 },
  { key: '2h_24h', label: '2-24 h', fromSeconds: 2 * 3600, toSeconds: 24 * 3600 },
  { key: 'over_24h', label: '>24 h', fromSeconds: 24 * 3600, toSeconds: null },
] as const;

export type TimedBucketKey = (typeof responseBuckets)[number]['key'];
export const timedBucketKeys = responseBuckets.map((b) => b.key) as [
  TimedBucketKey,
  ...TimedBucketKey[],
];
export const responseBucketKeys = [...timedBucketKeys, 'never'] as [
  TimedBucketKey | 'never',
  ...(TimedBucketKey | 'never')[],
];
export type ResponseBucketKey = TimedBucketKey | 'never';
