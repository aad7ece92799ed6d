import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from '@temporalio/worker';
import { workflowsPath } from '../../src/bundle/workflow-source';

// Every history recorded from an earlier version of the workflow code must still replay with
// today's code: that is what keeps in-flight leads safe across deploys. Record a new history
// after each workflow change (see workflows/test/histories/README.md).
const historiesDir = resolve(__dirname, '../../../../workflows/test/histories');
const files = readdirSync(historiesDir).filter((f) => f.endsWith('.json'));

describe('recorded workflow histories replay with the current workflow code', () => {
  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
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
