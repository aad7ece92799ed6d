// Zod schemas of the people API (request bodies, responses); exported from the package root.
export {};
