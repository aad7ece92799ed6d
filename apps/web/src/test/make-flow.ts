import {
  flowDetailSchema,
  flowListSchema,
  nodeCatalogueSchema,
  type FlowDetail,
  type FlowList,
  type NodeTypeDescriptionView,
} from '@baton/api-contract';
import { demoFlowGraph, describeCatalogue } from '@baton/flow';
import { testUuid } from './test-uuid';

/** The node catalogue exactly as GET /api/v1/flows/catalogue sends it. */
export function makeCatalogue(): NodeTypeDescriptionView[] {
  return nodeCatalogueSchema.parse(JSON.parse(JSON.stringify(describeCatalogue())));
}

/** The demo flow (16 nodes, 21 edges) as GET /api/v1/flows/:id sends it. */
export function makeFlowDetail(overrides: Partial<FlowDetail> = {}): FlowDetail {
  return flowDetailSchema.parse({
    id: testUuid(500),
    name: 'Inbound demo requests',
    description: 'Hot leads to a rep in minutes, the rest by least loaded.',
    draftGraph: demoFlowGraph,
    draftChanged: true,
    published: {
      id: testUuid(501),
      version: 3,
      publishedAt: '2026-11-20T10:00:00.000Z',
      publishedBy: { id: testUuid(9), name: 'Grace Hopper' },
      note: 'Round robin for hot leads',
      current: true,
    },
    versionCount: 3,
    sources: [{ id: testUuid(1), name: 'Website form', slug: 'website' }],
    problems: [],
    archivedAt: null,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-23T16:30:00.000Z',
    ...overrides,
  });
}

export function makeFlowList(): FlowList {
  return flowListSchema.parse({
    items: [
      {
        id: testUuid(500),
        name: 'Inbound demo requests',
        description: 'Hot leads to a rep in minutes, the rest by least loaded.',
        publishedVersion: 3,
        publishedAt: '2026-11-20T10:00:00.000Z',
        draftChanged: true,
        sourceCount: 1,
        archivedAt: null,
        createdAt: '2026-11-01T10:00:00.000Z',
        updatedAt: '2026-11-23T16:30:00.000Z',
      },
      {
        id: testUuid(502),
        name: 'Partner referrals',
        description: '',
        publishedVersion: null,
        publishedAt: null,
        draftChanged: true,
        sourceCount: 0,
        archivedAt: null,
        createdAt: '2026-11-22T10:00:00.000Z',
        updatedAt: '2026-11-22T11:00:00.000Z',
      },
    ],
  });
}
