// One lint config for the whole workspace. The module-boundary rule turns the layout of
// DESIGN.md into errors: see the depConstraints below and the tags in each project.json.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const nodeBuiltins = [
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'inspector',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

const boundaries = {
  enforceBuildableLibDependency: false,
  allow: [],
  depConstraints: [
    // Workflow code may use only the flow language (and @temporalio/workflow).
    {
      sourceTag: 'type:workflow',
      onlyDependOnLibsWithTags: ['workflow-safe'],
      allowedExternalImports: ['@temporalio/workflow'],
    },
    // The flow language is pure: its schema library, its date maths, a linear-time regex engine.
    {
      sourceTag: 'workflow-safe',
      onlyDependOnLibsWithTags: ['workflow-safe'],
      allowedExternalImports: ['zod', 'luxon', 're2js'],
    },
    { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:workflow'] },
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
    { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'] },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:workflow', 'type:app'] },
  ],
};

export default [
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/.nx/**', '**/.data/**', '**/coverage/**'],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Forgetting to await an activity, a signal or a DB call is a silent bug: make it loud.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@nx/enforce-module-boundaries': ['error', boundaries],
    },
  },
  {
    // Tests of pure code may use test-only libraries; the shipped code keeps its narrow list.
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          ...boundaries,
          depConstraints: boundaries.depConstraints.map((c) =>
            c.allowedExternalImports
              ? { ...c, allowedExternalImports: [...c.allowedExternalImports, 'fast-check'] }
              : c,
          ),
        },
      ],
    },
  },
  {
    // End-to-end tests run the real apps in-process: the one place an app may be imported.
    files: ['apps/e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { ...boundaries, allow: ['@baton/api', '@baton/worker'] },
      ],
    },
  },
  {
    // Determinism: workflow code runs in Temporal's sandbox and is replayed; no Node I/O.
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.flatMap((name) => [
            { name, message: 'Workflow code must be deterministic: no Node APIs.' },
            { name: `node:${name}`, message: 'Workflow code must be deterministic: no Node APIs.' },
          ]),
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
];
