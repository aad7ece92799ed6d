// Production workers load a prebuilt bundle instead of bundling at every start.
import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { workflowsPath } from './workflow-source';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'dist/apps/worker/workflow-bundle.js');
  const { code } = await bundleWorkflowCode({ workflowsPath });
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, code);
  console.log(`Workflow bundle written to ${out} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
