import {
  createFlowSchema,
  flowDetailSchema,
  flowListSchema,
  flowProblemsErrorSchema,
  flowTestCasesFailedErrorSchema,
  flowVersionSchema,
  nodeCatalogueSchema,
  type FlowDetail,
  type FlowList,
  type FlowTestRun,
  type FlowVersionView,
  type GraphProblemView,
  type NodeTypeDescriptionView,
  type UpdateFlow,
} from '@baton/api-contract';
import type { z } from 'zod';
import { apiRequest, apiRequestWithHeaders } from '../../api/api-client';
import { isApiRequestError } from '../../api/api-request-error';

export const flowKeys = {
  all: ['flows'] as const,
  list: () => [...flowKeys.all, 'list'] as const,
  detail: (flowId: string) => [...flowKeys.all, 'detail', flowId] as const,
  catalogue: () => [...flowKeys.all, 'catalogue'] as const,
};

export function fetchFlows(signal?: AbortSignal): Promise<FlowList> {
  return apiRequest('GET', '/api/v1/flows', flowListSchema, { signal });
}

/** A flow with the ETag of its draft: the next save sends it back so no one's edit is lost. */
export type FlowDraftView = FlowDetail & { etag: string | null };

const flowPath = (flowId: string) => `/api/v1/flows/${encodeURIComponent(flowId)}`;

export async function fetchFlow(flowId: string, signal?: AbortSignal): Promise<FlowDraftView> {
  const { data, headers } = await apiRequestWithHeaders('GET', flowPath(flowId), flowDetailSchema, {
    signal,
  });
  return { ...data, etag: headers.get('ETag') };
}

/** The request body as sent: the server fills in what is left out (description, a starting graph). */
export function createFlow(body: z.input<typeof createFlowSchema>): Promise<FlowDetail> {
  return apiRequest('POST', '/api/v1/flows', flowDetailSchema, { body });
}

/**
 * Saves the draft (graph, name or description) if it is still at `etag`; a 409 (someone else
 * saved in between) comes back as an ApiRequestError with status 409.
 */
export async function saveDraft(
  flowId: string,
  patch: UpdateFlow,
  etag: string | null,
): Promise<FlowDraftView> {
  const { data, headers } = await apiRequestWithHeaders('PUT', flowPath(flowId), flowDetailSchema, {
    body: patch,
    headers: etag ? { 'If-Match': etag } : {},
  });
  return { ...data, etag: headers.get('ETag') };
}

export function fetchCatalogue(signal?: AbortSignal): Promise<NodeTypeDescriptionView[]> {
  return apiRequest('GET', '/api/v1/flows/catalogue', nodeCatalogueSchema, { signal });
}

export type PublishOutcome =
  | { kind: 'published'; version: FlowVersionView }
  | { kind: 'problems'; message: string; problems: GraphProblemView[] }
  /** The graph is fine, but a saved test case fails against the draft. */
  | { kind: 'tests_failed'; message: string; testRun: FlowTestRun };

/**
 * Publishes the draft (the one at `etag`, when given); a 422 is an answer (the problems to fix),
 * not a failure.
 */
export async function publishFlow(
  flowId: string,
  { note, etag }: { note?: string; etag?: string | null } = {},
): Promise<PublishOutcome> {
  try {
    const version = await apiRequest('POST', `${flowPath(flowId)}/publish`, flowVersionSchema, {
      body: note ? { note } : {},
      headers: etag ? { 'If-Match': etag } : {},
    });
    return { kind: 'published', version };
  } catch (error) {
    if (!isApiRequestError(error, 422)) throw error;
    const failedTests = flowTestCasesFailedErrorSchema.safeParse(error.raw);
    if (failedTests.success) {
      return {
        kind: 'tests_failed',
        message: failedTests.data.message,
        testRun: failedTests.data.testRun,
      };
    }
    const parsed = flowProblemsErrorSchema.safeParse(error.raw);
    if (parsed.success) {
      return { kind: 'problems', message: parsed.data.message, problems: parsed.data.problems };
    }
    // An older server: the problems are still in `issues` (path = node id, then config field).
    return {
      kind: 'problems',
      message: error.message,
      problems: error.issues.map((issue) => {
        const [nodeId, ...field] = issue.path.split('.');
        return {
          code: 'invalid_config' as const,
          message: issue.message,
          nodeId: nodeId || undefined,
          field: field.length > 0 ? field.join('.') : undefined,
        };
      }),
    };
  }
}

/** Puts a flow away (409 while a source feeds it) or brings it back; answers the flow. */
export function setFlowArchived(flowId: string, archived: boolean): Promise<FlowDetail> {
  return apiRequest(
    'POST',
    `${flowPath(flowId)}/${archived ? 'archive' : 'restore'}`,
    flowDetailSchema,
    {},
  );
}
