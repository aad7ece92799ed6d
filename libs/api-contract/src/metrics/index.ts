// Zod schemas of the metrics API (request bodies, responses); exported from the package root.
export {};
