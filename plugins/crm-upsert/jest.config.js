module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'plugin-crm-upsert',
  rootDir: __dirname,
};
