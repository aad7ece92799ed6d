// The workspace config, minus type-aware parsing: boundary probes are not files on disk.
import workspace from '../../../eslint.config.mjs';

export default [
  ...workspace,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
];
