import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

const historiesDir = resolve(__dirname, '../../../../workflows/test/histories');

/**
 * With RECORD_HISTORIES=1, saves a finished workflow's history for the replay suite. Run after a
 * workflow change so the next change is checked against what today's code really did.
 */
export async function recordHistoryIfAsked(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env['RECORD_HISTORIES'] !== '1') return;
  const history = await handle.fetchHistory();
  writeFileSync(resolve(historiesDir, `${name}.json`), `${historyToJSON(history)}\n`);
}
