// Browser tests: run by `npm test` after the web build, not by `nx run-many -t test`.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 120_000,
};
