/** Absolute path of the workflow entry point (workflows/src/index.ts) for the bundler. */
export const workflowsPath = require.resolve('@baton/workflows');
