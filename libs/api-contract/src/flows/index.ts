// Zod schemas of the flows API (request bodies, responses); exported from the package root.
// The graph itself is @baton/flow's flowGraphSchema, imported, never copied.
export * from './graph-problem.schema';
export * from './flow.schema';
export * from './flow-simulation.schema';
export * from './flow-node-stats.schema';
export * from './flow-document.schema';
export * from './flow-catalogue.schema';
export * from './flow-test-case.schema';
export * from './flow-backtest.schema';
