module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'plugin-slack-message',
  rootDir: __dirname,
};
