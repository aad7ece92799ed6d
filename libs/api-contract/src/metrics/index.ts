// Zod schemas of the metrics API (queries, responses); exported from the package root.
export * from './response-buckets';
export * from './metrics-window';
export * from './handoff-metrics.schema';
export * from './lead-aging.schema';
