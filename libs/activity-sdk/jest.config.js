module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'activity-sdk',
  rootDir: __dirname,
};
