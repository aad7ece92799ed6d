// Zod schemas of the flows API (request bodies, responses); exported from the package root.
export {};
