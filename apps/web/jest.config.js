// Web unit tests: jsdom, the shared SWC preset, and the ESM-only browser packages transformed too.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const preset = require('../../jest.preset.js');
const esmOnly = ['react-router', '@remix-run', 'cookie-es', '@x0k/json-schema-merge'];

/** @type {import('jest').Config} */
export default {
  ...preset,
  displayName: 'web',
  rootDir: import.meta.dirname,
  testEnvironment: 'jsdom',
  setupFiles: ['<rootDir>/src/test/jsdom-globals.js'],
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '\\.css$': '<rootDir>/src/test/style-stub.js',
    '^\\./routeModules\\.js$': '<rootDir>/src/test/route-modules-stub.js',
  },
};
