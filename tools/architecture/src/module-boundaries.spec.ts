import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

// The layout rules of DESIGN.md, checked the way `nx run-many -t lint` checks them: a probe
// file "inside" each project imports something, and the workspace ESLint config must object.
const root = resolve(__dirname, '../../..');

const eslintBin = resolve(root, 'node_modules/eslint/bin/eslint.js');
const probeConfig = resolve(__dirname, 'eslint-probe.config.mjs');

interface LintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
}

/** Runs the real ESLint CLI on a probe source as if it were `file`; returns import-rule errors. */
async function importErrors(file: string, source: string): Promise<string[]> {
  const args = [
    eslintBin,
    '--config',
    probeConfig,
    '--format',
    'json',
    '--stdin',
    '--stdin-filename',
    resolve(root, file),
  ];
  const stdout = await new Promise<string>((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    // ESLint exits 1 when it reports errors: that is the expected outcome for forbidden probes.
    child.on('close', (code) =>
      code === 0 || code === 1 ? done(out) : fail(new Error(`eslint exited ${code}: ${err}`)),
    );
    child.stdin.end(`${source}\nexport const probe = x;\n`);
  });
  const [result] = JSON.parse(stdout) as { messages: LintMessage[] }[];
  return (result?.messages ?? [])
    .filter(
      (m) =>
        m.severity === 2 &&
        (m.ruleId === '@nx/enforce-module-boundaries' || m.ruleId === 'no-restricted-imports'),
    )
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries', () => {
  it.each([
    [
      'workflow code importing the database',
      'workflows/src/probe.ts',
      "import { LeadEntity as x } from '@baton/db';",
    ],
    [
      'workflow code using Node I/O',
      'workflows/src/probe.ts',
      "import { readFileSync as x } from 'node:fs';",
    ],
    [
      'workflow code importing an activity library',
      'workflows/src/probe.ts',
      "import { Client as x } from 'pg';",
    ],
    [
      'the flow language importing a server framework',
      'libs/flow/src/probe.ts',
      "import { Injectable as x } from '@nestjs/common';",
    ],
    [
      'the web app importing a server lib',
      'apps/web/src/probe.ts',
      "import { LeadEntity as x } from '@baton/db';",
    ],
    [
      'a lib importing an app',
      'libs/db/src/probe.ts',
      "import { createApp as x } from '@baton/api';",
    ],
    [
      'a shared lib importing a server lib',
      'libs/api-contract/src/probe.ts',
      "import { LeadEntity as x } from '@baton/db';",
    ],
  ])('rejects %s', async (_name, file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  });

  it.each([
    [
      'workflow code importing the flow language',
      'workflows/src/probe.ts',
      "import { z as x } from '@baton/flow';",
    ],
    [
      'workflow code importing the Temporal workflow API',
      'workflows/src/probe.ts',
      "import { sleep as x } from '@temporalio/workflow';",
    ],
    [
      'the API importing the database lib',
      'apps/api/src/probe.ts',
      "import { LeadEntity as x } from '@baton/db';",
    ],
    [
      'the web app importing the shared contract',
      'apps/web/src/probe.ts',
      "import { leadIntakeSchema as x } from '@baton/api-contract';",
    ],
  ])('allows %s', async (_name, file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});
