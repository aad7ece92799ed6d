import {
  flowDocumentSchema,
  flowImportResultSchema,
  flowImportSchema,
  type FlowDetail,
  type FlowImportResult,
} from '@baton/api-contract';
import type { FlowGraph } from '@baton/flow';
import { apiRequest, apiRequestWithHeaders } from '../../api/api-client';
import { createFlow } from './flows.api';

/** The file name the server suggests (Content-Disposition), else one made from the flow's name. */
function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = disposition?.match(/filename="([^"]+)"/);
  return match?.[1] ?? `${fallback.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.baton.flow.json`;
}

/** Downloads the flow's draft as a `baton.flow` JSON file, for another install or a backup. */
export async function downloadFlowFile(flowId: string, name: string): Promise<void> {
  const { data, headers } = await apiRequestWithHeaders(
    'GET',
    `/api/v1/flows/${encodeURIComponent(flowId)}/export`,
    flowDocumentSchema,
  );
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(headers.get('Content-Disposition'), name);
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Why a chosen file is not a flow, in words a person can act on; null when it is one. */
export function flowFileProblem(text: string): string | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'This file is not JSON: choose a .baton.flow.json file exported from Baton.';
  }
  const parsed = flowImportSchema.safeParse(json);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
  return `This file is not a Baton flow${where}: ${issue?.message ?? 'unknown shape'}.`;
}

/** Imports a flow file as a new draft; the server checks it again and lists foreign ids. */
export async function importFlowFile(file: File): Promise<FlowImportResult> {
  const text = await file.text();
  const problem = flowFileProblem(text);
  if (problem) throw new Error(problem);
  return apiRequest('POST', '/api/v1/flows/import', flowImportResultSchema, {
    body: JSON.parse(text) as unknown,
  });
}

/** A new draft flow with this one's graph; it has no versions and no sources of its own. */
export function duplicateFlow(flow: { name: string; graph: FlowGraph }): Promise<FlowDetail> {
  const name = `${flow.name} (copy)`.slice(0, 200);
  return createFlow({ name, graph: flow.graph });
}
