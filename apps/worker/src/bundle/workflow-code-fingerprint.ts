import { createHash } from 'node:crypto';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowsPath } from './workflow-source';

// The bundler's progress lines are noise here.
const ignore = (): void => undefined;
const silent = {
  log: ignore,
  trace: ignore,
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
};

/**
 * A hash of the workflow code exactly as the worker bundles it, without the source map (which
 * holds the checkout's absolute path). Equal hashes = same workflow behaviour under replay, so the
 * replay suite can tell whether today's code has histories recorded from it.
 */
export async function workflowCodeFingerprint(): Promise<string> {
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: silent });
  const withoutSourceMap = code.replace(/\n\/\/# sourceMappingURL=[^\n]*\s*$/, '');
  return createHash('sha256').update(withoutSourceMap).digest('hex');
}
