// Shared jest settings: SWC for speed (with decorator metadata for Nest), CommonJS output.
// Nest 12 (and a few of its dependencies) ship ESM only; Jest cannot require() ESM on Node 20,
// so those packages are transformed too.
const esmOnly = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  'openid-client',
  'oauth4webapi',
  'jose',
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: {
            legacyDecorator: true,
            decoratorMetadata: true,
            react: { runtime: 'automatic' },
          },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // npm test adds every project's totals into one summary line.
  reporters: ['default', require.resolve('./tools/stack/src/jest-totals-reporter.cjs')],
  // Integration tests start workers and bundle workflows: the 5 s default is too tight on 2 cores.
  testTimeout: 60_000,
};
