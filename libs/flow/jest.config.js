module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'flow',
  rootDir: __dirname,
};
