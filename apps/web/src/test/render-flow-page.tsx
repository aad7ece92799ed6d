import type { CurrentUser, FlowDetail } from '@baton/api-contract';
import { demoFlowRefs, type FlowGraph } from '@baton/flow';
import { FlowPage } from '../features/flows/flow.page';
import { fakeResponse } from './fake-response';
import { makeCatalogue, makeFlowDetail } from './make-flow';
import { mockFetch, type RecordedRequest } from './mock-fetch';
import { renderWithProviders } from './render-with-providers';
import { testUuid } from './test-uuid';

// The flow page against a fake API that answers like the real one: the draft with an ETag, the
// catalogue, the references the demo flow points at, and PUTs that save and return a new ETag.

const list = (items: unknown[]) => fakeResponse(200, { items });
const created = '2026-11-01T10:00:00.000Z';
const referenceRoutes = {
  'GET /api/v1/teams': list([
    {
      id: demoFlowRefs.teamId,
      name: 'Inside sales',
      managerId: null,
      manager: null,
      scheduleId: null,
      members: [],
      createdAt: created,
    },
  ]),
  'GET /api/v1/users': list([]),
  'GET /api/v1/schedules': list([
    {
      id: demoFlowRefs.scheduleId,
      name: 'Office hours',
      timeZone: 'Europe/London',
      weekly: {},
      holidays: [],
      usedBy: { users: 0, teams: 1 },
      createdAt: created,
    },
  ]),
  'GET /api/v1/sources': list([]),
};

/** PUT answers like the API: the saved draft and a new ETag (`"r1"`, `"r2"`, ...). */
export function savingServer(start: FlowDetail) {
  let revision = 0;
  let current = start;
  return (request: RecordedRequest) => {
    revision += 1;
    const body = request.body as { graph?: FlowGraph; name?: string };
    current = { ...current, ...(body.graph ? { draftGraph: body.graph } : {}) };
    return fakeResponse(200, current, '', { ETag: `"r${revision}"` });
  };
}

export function renderFlowPage(
  overrides: Partial<FlowDetail>,
  { routes = {}, user }: { routes?: Parameters<typeof mockFetch>[0]; user?: CurrentUser } = {},
) {
  // archivedAt: a flow in use (the fixture may predate the field).
  const detail = makeFlowDetail({
    problems: [],
    ...({ archivedAt: null } as Partial<FlowDetail>),
    ...overrides,
  });
  const path = `/api/v1/flows/${detail.id}`;
  const mocks = mockFetch({
    [`GET ${path}`]: fakeResponse(200, detail, '', { ETag: '"r0"' }),
    'GET /api/v1/flows/catalogue': fakeResponse(200, makeCatalogue()),
    ...referenceRoutes,
    [`PUT ${path}`]: savingServer(detail),
    ...routes,
  });
  const view = renderWithProviders(<FlowPage />, {
    path: '/flows/:flowId',
    url: `/flows/${detail.id}`,
    ...(user ? { user } : {}),
  });
  const saves = () => mocks.requests.filter((r) => r.method === 'PUT');
  return { ...mocks, ...view, detail, saves };
}

/** A published version as GET /api/v1/flows/:id/versions/:version sends it. */
export function versionView(
  flowId: string,
  version: number,
  graph: FlowGraph,
  extra: { current?: boolean; publishedAt?: string; by?: string; note?: string } = {},
) {
  return {
    id: testUuid(900 + version),
    version,
    publishedAt:
      extra.publishedAt ?? `2026-11-${String(10 + version).padStart(2, '0')}T09:00:00.000Z`,
    publishedBy: { id: testUuid(9), name: extra.by ?? 'Grace Hopper' },
    note: extra.note ?? null,
    current: extra.current ?? false,
    flowId,
    graph,
  };
}
