module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'qualify',
  rootDir: __dirname,
};
