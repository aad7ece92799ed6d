import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { workflowCodeFingerprint } from '../../src/bundle/workflow-code-fingerprint';

export const historiesDir = resolve(__dirname, '../../../../workflows/test/histories');
export const coverageFile = resolve(historiesDir, 'coverage.json');

/** What the replay suite checks: the workflow code the newest histories were recorded from. */
export interface HistoryCoverage {
  generation: string;
  workflowCode: string;
}

/**
 * `RECORD_HISTORIES=v5 npx jest ...` records into generation v5; unset records nothing. A
 * generation prefix keeps every older history: files are added, never overwritten.
 */
const generation = (): string | null => {
  const value = process.env['RECORD_HISTORIES'];
  if (!value) return null;
  if (!/^v\d+$/.test(value))
    throw new Error(`RECORD_HISTORIES must be a generation like v5, not "${value}"`);
  return value;
};

const recorded = new Set<string>();
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

async function save(handle: WorkflowHandle, name: string): Promise<void> {
  const gen = generation();
  if (!gen || recorded.has(handle.workflowId)) return;
  recorded.add(handle.workflowId);
  // Several workflows of one test get -2, -3, ... after the first.
  const base = `${gen}-${slug(name.replace(/^v\d+-/, ''))}`;
  let file = base;
  for (let n = 2; existsSync(resolve(historiesDir, `${file}.json`)); n++) file = `${base}-${n}`;
  const history = await handle.fetchHistory();
  writeFileSync(resolve(historiesDir, `${file}.json`), `${historyToJSON(history)}\n`);
}

/** Records one workflow under a chosen name (the scenario it shows). */
export async function recordHistoryIfAsked(handle: WorkflowHandle, name: string): Promise<void> {
  await save(handle, name);
}

/**
 * Records every workflow a fixture started that no test named, under its test's name, and notes
 * the workflow code they came from: every engine scenario becomes a replay case.
 */
export async function recordStartedWorkflowsIfAsked(
  client: Client,
  started: ReadonlyMap<string, string>,
): Promise<void> {
  const gen = generation();
  if (!gen) return;
  for (const [workflowId, testName] of started) {
    await save(client.workflow.getHandle(workflowId), testName);
  }
  const coverage: HistoryCoverage = {
    generation: gen,
    workflowCode: await workflowCodeFingerprint(),
  };
  writeFileSync(coverageFile, `${JSON.stringify(coverage, null, 2)}\n`);
}
