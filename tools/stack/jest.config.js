// ESM, as the package is ("type": "module"); the shared preset is CommonJS.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export default {
  ...require('../../jest.preset.js'),
  displayName: 'stack',
  rootDir: import.meta.dirname,
};
