import {
  flowTestCaseListSchema,
  flowTestCaseSchema,
  flowTestRunSchema,
  type CreateFlowTestCase,
  type FlowTestCaseList,
  type FlowTestCaseView,
  type FlowTestRun,
  type FlowTestTarget,
  type UpdateFlowTestCase,
} from '@baton/api-contract';
import { apiCommand, apiRequest } from '../../api/api-client';

// A flow's saved test cases: example leads with what must happen to them (publish runs them).

const casesPath = (flowId: string) => `/api/v1/flows/${encodeURIComponent(flowId)}/test-cases`;
const casePath = (flowId: string, caseId: string) =>
  `${casesPath(flowId)}/${encodeURIComponent(caseId)}`;

export const flowTestCaseKeys = {
  list: (flowId: string) => ['flows', 'test-cases', flowId] as const,
};

export function fetchFlowTestCases(
  flowId: string,
  signal?: AbortSignal,
): Promise<FlowTestCaseList> {
  return apiRequest('GET', casesPath(flowId), flowTestCaseListSchema, { signal });
}

/** 409 (an ApiRequestError with the issue on `name`) when the flow has a case by that name. */
export function createFlowTestCase(
  flowId: string,
  body: CreateFlowTestCase,
): Promise<FlowTestCaseView> {
  return apiRequest('POST', casesPath(flowId), flowTestCaseSchema, { body });
}

export function updateFlowTestCase(
  flowId: string,
  caseId: string,
  body: UpdateFlowTestCase,
): Promise<FlowTestCaseView> {
  return apiRequest('PUT', casePath(flowId, caseId), flowTestCaseSchema, { body });
}

/** 204, no body. */
export function deleteFlowTestCase(flowId: string, caseId: string): Promise<void> {
  return apiCommand('DELETE', casePath(flowId, caseId));
}

/** Runs every case against the saved draft (default) or a published version; changes nothing. */
export function runFlowTestCases(
  flowId: string,
  target: FlowTestTarget = 'draft',
): Promise<FlowTestRun> {
  return apiRequest('POST', `${casesPath(flowId)}/run`, flowTestRunSchema, {
    body: { target },
  });
}
