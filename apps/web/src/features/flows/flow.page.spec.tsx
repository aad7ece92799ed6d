import type { CurrentUser } from '@baton/api-contract';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { makeCatalogue, makeFlowDetail, makeFlowList } from '../../test/make-flow';
import { mockFetch } from '../../test/mock-fetch';
import { mockReactFlow } from '../../test/mock-react-flow';
import { renderWithProviders } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { FlowListPage } from './flow-list.page';
import { FlowPage } from './flow.page';

beforeAll(mockReactFlow);

afterEach(() => {
  document.cookie = 'baton_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

const flowId = testUuid(500);
const rep: CurrentUser = { id: testUuid(2), name: 'Ada', email: 'ada@example.com', role: 'rep' };

/** Version 3 as published, and its numbers: 40 leads, most leaking after the wait. */
const publishedV3 = { ...makeFlowDetail().published, graph: makeFlowDetail().draftGraph };
const statOf = (nodeId: string, leads: number, leaked: number) => ({
  nodeId,
  type: 'x',
  label: null,
  visits: leads,
  leads,
  exited: leads,
  medianSeconds: 90,
  timedVisits: leads,
  handles: [],
  leaked,
  leakShare: leads === 0 ? 0 : leaked / leads,
});
const statsV3 = {
  flowId,
  version: 3,
  from: null,
  to: null,
  leads: 40,
  nodes: [
    statOf('qualify', 40, 6),
    statOf('wait-for-contact', 30, 9),
    statOf('end-contacted', 21, 0),
  ],
};

function renderFlow(routes: Parameters<typeof mockFetch>[0] = {}, user?: CurrentUser) {
  const mocks = mockFetch({
    [`GET /api/v1/flows/${flowId}`]: fakeResponse(200, makeFlowDetail()),
    'GET /api/v1/flows/catalogue': fakeResponse(200, makeCatalogue()),
    [`GET /api/v1/flows/${flowId}/versions/3`]: fakeResponse(200, publishedV3),
    [`GET /api/v1/flows/${flowId}/versions/3/stats`]: fakeResponse(200, statsV3),
    ...routes,
  });
  const view = renderWithProviders(<FlowPage />, {
    path: '/flows/:flowId',
    url: `/flows/${flowId}`,
    user,
  });
  return { ...mocks, ...view };
}

function node(id: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(
    `[data-testid="flow-node"][data-node-id="${id}"]`,
  );
  if (!found) throw new Error(`No node ${id} on the canvas`);
  return found;
}

describe('FlowPage', () => {
  it('draws every node with its type title, label, key settings and labelled exits, and every edge', async () => {
    renderFlow({}, rep);

    await screen.findByRole('heading', { name: 'Inbound demo requests' });
    const graph = makeFlowDetail().draftGraph;
    await waitFor(() =>
      expect(screen.getAllByTestId('flow-node')).toHaveLength(graph.nodes.length),
    );

    const condition = node('hot-or-not');
    expect(within(condition).getByText('Condition')).toBeTruthy();
    expect(within(condition).getByText('Hot or not')).toBeTruthy();
    const exits = within(condition).getAllByTestId('flow-handle');
    expect(exits.map((h) => h.getAttribute('data-handleid'))).toEqual(['hot', 'else']);
    // A rule's exit reads as the rule's label.
    expect(within(condition).getByText('Hot lead (score 70+)')).toBeTruthy();
    // The face shows the settings that matter: the SLA, the strategy.
    expect(within(node('wait-for-contact')).getByTestId('flow-node-face').textContent).toContain(
      'SLA 15 min, business time',
    );
    expect(within(node('assign-rep')).getByTestId('flow-node-face').textContent).toContain(
      'Round robin',
    );

    const assign = node('assign-rep');
    expect(
      within(assign)
        .getAllByTestId('flow-handle')
        .map((h) => h.getAttribute('data-handleid')),
    ).toEqual(['assigned', 'nobody']);
    expect(within(node('end-contacted')).queryAllByTestId('flow-handle')).toHaveLength(0);

    await waitFor(() =>
      expect(document.querySelectorAll('.react-flow__edge')).toHaveLength(graph.edges.length),
    );
    const edge = document.querySelector('[data-id="hot-or-not.else->assign-standard"]');
    expect(edge).not.toBeNull();
    // A rep sees the published version live: each step's numbers and where leads leak most.
    await screen.findByText('Live numbers · version 3');
    expect(within(node('qualify')).getByTestId('flow-node-stat-leads').textContent).toBe('40');
    expect(screen.getByTestId('flow-live-worst-leak').textContent).toContain('15-minute SLA');
    expect(node('wait-for-contact').className).toContain('flow-node-worst-leak');
    expect(screen.getByText('Published v3')).toBeTruthy();
    expect(screen.getByText('Unpublished changes')).toBeTruthy();
  });

  it('keeps every node when Backspace or Delete is pressed on the read-only view', async () => {
    renderFlow({}, rep);

    await waitFor(() => expect(screen.getAllByTestId('flow-node').length).toBeGreaterThan(0));
    const count = screen.getAllByTestId('flow-node').length;
    const target = node('qualify');
    fireEvent.click(target);
    for (const key of ['Backspace', 'Delete']) {
      fireEvent.keyDown(target, { key, code: key });
      fireEvent.keyUp(target, { key, code: key });
    }

    // React Flow deletes asynchronously (after onBeforeDelete): give it the chance to.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.getAllByTestId('flow-node')).toHaveLength(count);
    expect(document.querySelectorAll('.react-flow__edge').length).toBeGreaterThan(0);
  });

  it('pins problems on their nodes and lists them', async () => {
    renderFlow(
      {
        [`GET /api/v1/flows/${flowId}`]: fakeResponse(
          200,
          makeFlowDetail({
            // Not published yet: the draft is what a rep sees, problems and all.
            published: null,
            problems: [
              {
                code: 'unconnected_handle',
                message: 'Exit "nobody" of Round robin is not connected',
                nodeId: 'assign-rep',
              },
              {
                code: 'invalid_config',
                message: 'minutes must be at least 1',
                nodeId: 'wait-for-contact',
                field: 'sla.minutes',
              },
            ],
          }),
        ),
      },
      rep,
    );

    await screen.findByRole('heading', { name: 'Inbound demo requests' });
    await waitFor(() => expect(node('assign-rep').className).toContain('flow-node-problem'));
    expect(node('wait-for-contact').className).toContain('flow-node-problem');
    expect(node('qualify').className).not.toContain('flow-node-problem');
    expect(node('assign-rep').getAttribute('aria-invalid')).toBe('true');

    const panel = screen.getByRole('complementary', { name: 'Problems (2)' });
    expect(within(panel).getByRole('button', { name: 'Round robin' })).toBeTruthy();
    expect(within(panel).getByText('sla.minutes')).toBeTruthy();
    expect(within(panel).getByText(/minutes must be at least 1/)).toBeTruthy();
  });

  it('offers reps no editing: no Publish, no palette, no rename', async () => {
    renderFlow({}, rep);

    await screen.findByRole('heading', { name: 'Inbound demo requests' });
    expect(screen.queryByRole('button', { name: /Publish/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Rename' })).toBeNull();
    expect(screen.queryAllByTestId('palette-entry')).toHaveLength(0);
  });

  it('says when the flow does not exist', async () => {
    mockFetch({ 'GET /api/v1/flows/catalogue': fakeResponse(200, makeCatalogue()) });
    renderWithProviders(<FlowPage />, { path: '/flows/:flowId', url: `/flows/${testUuid(404)}` });

    expect(await screen.findByText('Flow not found')).toBeTruthy();
  });
});

describe('FlowListPage', () => {
  it('lists flows with their published version and draft state', async () => {
    mockFetch({ 'GET /api/v1/flows': fakeResponse(200, makeFlowList()) });
    renderWithProviders(<FlowListPage />, { path: '/flows' });

    const link = await screen.findByRole('link', { name: 'Inbound demo requests' });
    expect(link.getAttribute('href')).toBe(`/flows/${flowId}`);
    const rows = screen.getAllByRole('row');
    expect(within(rows[1] as HTMLElement).getByText('v3')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('Not published')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('Unpublished changes')).toBeTruthy();
  });

  it('folds archived flows away under the list', async () => {
    const list = makeFlowList();
    const [active, shelved] = list.items;
    if (!active || !shelved) throw new Error('the fixture has two flows');
    mockFetch({
      'GET /api/v1/flows': fakeResponse(200, {
        items: [active, { ...shelved, archivedAt: '2026-11-25T09:00:00.000Z' }],
      }),
    });
    renderWithProviders(<FlowListPage />, { path: '/flows' });

    const folded = await screen.findByText('Archived flows (1)');
    const details = folded.closest('details') as HTMLElement;
    expect(within(details).getByRole('link', { name: shelved.name })).toBeTruthy();
    expect(within(details).queryByRole('link', { name: active.name })).toBeNull();
  });
});
