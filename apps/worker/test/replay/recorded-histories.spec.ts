import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from '@temporalio/worker';
import { workflowCodeFingerprint } from '../../src/bundle/workflow-code-fingerprint';
import { workflowsPath } from '../../src/bundle/workflow-source';
import { coverageFile, type HistoryCoverage } from '../support/record-history';

// Every history recorded from an earlier version of the workflow code must still replay with
// today's code: that is what keeps in-flight leads safe across deploys. Record a new history
// after each workflow change (see workflows/test/histories/README.md).
const historiesDir = resolve(__dirname, '../../../../workflows/test/histories');
const files = readdirSync(historiesDir).filter((f) => /^v\d+-.*\.json$/.test(f));

describe('recorded workflow histories replay with the current workflow code', () => {
  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  // A workflow change must come with histories recorded from it, or the next change is checked
  // against nothing: the fingerprint of today's bundle must be the one the newest histories noted.
  it('has histories recorded from the current workflow code', async () => {
    const coverage = JSON.parse(readFileSync(coverageFile, 'utf8')) as HistoryCoverage;
    const current = await workflowCodeFingerprint();
    const hint = `workflow code changed since generation ${coverage.generation} was recorded: guard the change with patched(), then record the next generation (see workflows/test/histories/README.md)`;
    expect({ workflowCode: current, hint }).toEqual({ workflowCode: coverage.workflowCode, hint });
    expect(files.filter((f) => f.startsWith(`${coverage.generation}-`)).length).toBeGreaterThan(0);
  });

  it.each(files)(
    '%s',
    async (file) => {
      const history = JSON.parse(readFileSync(join(historiesDir, file), 'utf8'));
      await expect(
        Worker.runReplayHistory({ workflowsPath }, history, file),
      ).resolves.toBeUndefined();
    },
    60_000,
  );
});
