import { createHash } from 'node:crypto';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowsPath } from './workflow-source';

const silent = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

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
