module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'worker',
  rootDir: __dirname,
  setupFiles: ['<rootDir>/test/support/quiet-temporal.setup.ts'],
};
