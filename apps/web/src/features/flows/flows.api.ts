import {
  flowDetailSchema,
  flowListSchema,
  flowProblemsErrorSchema,
  flowVersionSchema,
  nodeCatalogueSchema,
  type FlowDetail,
  type FlowList,
  type FlowVersionView,
  type GraphProblemView,
  type NodeTypeDescriptionView,
} from '@baton/api-contract';
import { apiRequest } from '../../api/api-client';
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

export function fetchFlow(flowId: string, signal?: AbortSignal): Promise<FlowDetail> {
  return apiRequest('GET', `/api/v1/flows/${encodeURIComponent(flowId)}`, flowDetailSchema, {
    signal,
  });
}

export function fetchCatalogue(signal?: AbortSignal): Promise<NodeTypeDescriptionView[]> {
  return apiRequest('GET', '/api/v1/flows/catalogue', nodeCatalogueSchema, { signal });
}

export type PublishOutcome =
  | { kind: 'published'; version: FlowVersionView }
  | { kind: 'problems'; message: string; problems: GraphProblemView[] };

/** Publishes the draft; a 422 is an answer (the problems to fix), not a failure. */
export async function publishFlow(flowId: string): Promise<PublishOutcome> {
  try {
    const version = await apiRequest(
      'POST',
      `/api/v1/flows/${encodeURIComponent(flowId)}/publish`,
      flowVersionSchema,
    );
    return { kind: 'published', version };
  } catch (error) {
    if (!isApiRequestError(error, 422)) throw error;
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
