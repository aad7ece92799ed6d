import type { FlowDetail } from '@baton/api-contract';
import { demoFlowRefs, type FlowGraph } from '@baton/flow';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { makeCatalogue, makeFlowDetail } from '../../test/make-flow';
import { mockFetch, type RecordedRequest } from '../../test/mock-fetch';
import { mockReactFlow } from '../../test/mock-react-flow';
import { renderWithProviders } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { FlowPage } from './flow.page';

beforeAll(mockReactFlow);

const flowId = testUuid(500);
const lonelyTrigger: FlowGraph = {
  nodes: [
    {
      id: 'trigger',
      type: 'trigger',
      position: { x: 0, y: 0 },
      data: { config: { sources: [], forms: [] } },
      label: 'Trigger',
    },
  ],
  edges: [],
};
const team = { id: demoFlowRefs.teamId, name: 'Inside sales' };
const list = (items: unknown[]) => fakeResponse(200, { items });
const teamView = {
  ...team,
  managerId: null,
  manager: null,
  scheduleId: null,
  members: [],
  createdAt: '2026-11-01T10:00:00.000Z',
};
const scheduleView = {
  id: demoFlowRefs.scheduleId,
  name: 'Office hours',
  timeZone: 'Europe/London',
  weekly: {},
  holidays: [],
  usedBy: { users: 0, teams: 1 },
  createdAt: '2026-11-01T10:00:00.000Z',
};

/** PUT answers like the API: the saved draft and a new ETag (`"r1"`, `"r2"`, ...). */
function savingServer(start: FlowDetail) {
  let revision = 0;
  let current = start;
  return (request: RecordedRequest) => {
    revision += 1;
    const body = request.body as { graph?: FlowGraph; name?: string };
    current = {
      ...current,
      ...(body.graph ? { draftGraph: body.graph } : {}),
      ...(body.name ? { name: body.name } : {}),
    };
    return fakeResponse(200, current, '', { ETag: `"r${revision}"` });
  };
}

function renderEditor(
  graph: FlowGraph = lonelyTrigger,
  routes: Parameters<typeof mockFetch>[0] = {},
) {
  const detail = makeFlowDetail({ draftGraph: graph, problems: [] });
  const mocks = mockFetch({
    [`GET /api/v1/flows/${flowId}`]: fakeResponse(200, detail, '', { ETag: '"r0"' }),
    'GET /api/v1/flows/catalogue': fakeResponse(200, makeCatalogue()),
    'GET /api/v1/teams': list([teamView]),
    'GET /api/v1/users': list([]),
    'GET /api/v1/schedules': list([scheduleView]),
    'GET /api/v1/sources': list([]),
    [`PUT /api/v1/flows/${flowId}`]: savingServer(detail),
    ...routes,
  });
  const view = renderWithProviders(<FlowPage />, {
    path: '/flows/:flowId',
    url: `/flows/${flowId}`,
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
const nodeIds = () => screen.queryAllByTestId('flow-node').map((n) => n.dataset['nodeId']);
const edgeIds = () =>
  [...document.querySelectorAll('.react-flow__edge')].map((e) => e.getAttribute('data-id'));
const paletteEntry = (type: string) =>
  screen
    .getAllByTestId('palette-entry')
    .find((e) => e.dataset['nodeType'] === type) as HTMLButtonElement;
const saves = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'PUT');
const lastSavedGraph = (requests: RecordedRequest[]) =>
  (saves(requests).at(-1)?.body as { graph: FlowGraph }).graph;

async function selectNode(id: string) {
  await waitFor(() => node(id));
  fireEvent.click(node(id));
  await screen.findByRole('heading', {
    level: 2,
    name: node(id).querySelector('.flow-node-label')?.textContent ?? id,
  });
}

describe('FlowEditor', () => {
  it('offers the catalogue by category, searchable, with one trigger at most', async () => {
    renderEditor();
    await waitFor(() => expect(screen.getAllByTestId('palette-entry').length).toBeGreaterThan(5));

    const groups = screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'));
    expect(groups).toEqual(expect.arrayContaining(['Start', 'AI', 'Logic', 'Routing', 'Finish']));
    expect(paletteEntry('trigger').disabled).toBe(true);
    expect(paletteEntry('trigger').textContent).toContain('A flow has one trigger');
    // book runs now (the bookMeeting activity): it is offered like any other step.
    expect(paletteEntry('book').disabled).toBe(false);

    fireEvent.change(screen.getByLabelText('Search steps'), { target: { value: 'sla timer' } });
    expect(screen.getAllByTestId('palette-entry').map((e) => e.dataset['nodeType'])).toEqual([
      'wait_for_contact',
    ]);
  });

  it('adds each clicked step after the selected one, wired from its first free exit', async () => {
    renderEditor();
    await selectNode('trigger');

    fireEvent.click(paletteEntry('qualify'));
    await waitFor(() => expect(nodeIds()).toEqual(['trigger', 'qualify']));
    // The new step is selected, so the next click chains after it.
    await screen.findByRole('heading', { level: 2, name: 'Qualify' });
    fireEvent.click(paletteEntry('assign'));
    await screen.findByRole('heading', { level: 2, name: 'Assign' });
    fireEvent.click(paletteEntry('end'));

    await waitFor(() =>
      expect(edgeIds()).toEqual([
        'trigger.next->qualify',
        'qualify.next->assign',
        'assign.assigned->end',
      ]),
    );
    // Assign still has a free exit ("nobody") and no team: both are problems, pinned on it.
    expect(node('assign').getAttribute('aria-invalid')).toBe('true');
    expect(within(node('assign')).getByTestId('flow-node-problems').textContent).toBe('2');
  });

  it('edits a node through its form: the face, the problems and the saved draft follow', async () => {
    const { requests } = renderEditor();
    await selectNode('trigger');
    fireEvent.click(paletteEntry('assign'));
    const panel = await screen.findByTestId('node-config-panel');
    expect(within(panel).getByText('pick a team or list the people to choose from')).toBeTruthy();
    const publish = screen.getByRole('button', { name: 'Publish…' });
    expect(publish.hasAttribute('disabled')).toBe(true);

    fireEvent.change(within(panel).getByLabelText(/^Team/), { target: { value: team.id } });

    await waitFor(() =>
      expect(within(panel).queryByText('pick a team or list the people to choose from')).toBeNull(),
    );
    expect(within(node('assign')).getByTestId('flow-node-face').textContent).toContain(
      'Inside sales',
    );
    // Saved after a pause in editing, from the ETag the page loaded, then from the one returned.
    await waitFor(() => expect(saves(requests).length).toBeGreaterThan(0), { timeout: 3000 });
    expect(saves(requests)[0]?.headers['If-Match']).toBe('"r0"');
    expect(lastSavedGraph(requests).nodes.find((n) => n.id === 'assign')?.data.config).toEqual({
      strategy: 'round_robin',
      respectSchedules: true,
      teamId: team.id,
    });
    await waitFor(() => expect(screen.getByTestId('save-status').dataset['status']).toBe('saved'));

    fireEvent.change(within(panel).getByLabelText('Name'), {
      target: { value: 'Sales round robin' },
    });
    await waitFor(() => expect(saves(requests).length).toBeGreaterThan(1), { timeout: 3000 });
    expect(saves(requests).at(-1)?.headers['If-Match']).toBe(`"r${saves(requests).length - 1}"`);
  });

  it('undoes and redoes with Ctrl+Z and Ctrl+Shift+Z, a burst of typing as one step', async () => {
    renderEditor();
    await selectNode('trigger');
    fireEvent.click(paletteEntry('qualify'));
    const panel = await screen.findByTestId('node-config-panel');
    const name = within(panel).getByLabelText('Name');
    for (const value of ['S', 'Sc', 'Sco', 'Score']) fireEvent.change(name, { target: { value } });
    await waitFor(() => expect(node('qualify').textContent).toContain('Score'));

    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(node('qualify').textContent).toContain('Qualify'));
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(nodeIds()).toEqual(['trigger']));
    expect(edgeIds()).toEqual([]);

    fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(nodeIds()).toEqual(['trigger', 'qualify']));
    fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    await waitFor(() => expect(node('qualify').textContent).toContain('Score'));
    expect(screen.getByRole('button', { name: 'Redo' }).hasAttribute('disabled')).toBe(true);
  });

  it('deletes the selected step and its edges with Delete', async () => {
    renderEditor();
    await selectNode('trigger');
    fireEvent.click(paletteEntry('qualify'));
    await screen.findByRole('heading', { level: 2, name: 'Qualify' });

    fireEvent.keyDown(node('qualify'), { key: 'Delete', code: 'Delete' });
    fireEvent.keyUp(node('qualify'), { key: 'Delete', code: 'Delete' });

    await waitFor(() => expect(nodeIds()).toEqual(['trigger']));
    expect(edgeIds()).toEqual([]);
  });

  it('says so when someone else saved first, saves nothing more, and reloads their draft', async () => {
    const theirs = makeFlowDetail({ name: 'Renamed by Bob', draftGraph: lonelyTrigger });
    let reloaded = false;
    const { requests } = renderEditor(lonelyTrigger, {
      [`PUT /api/v1/flows/${flowId}`]: fakeResponse(409, {
        statusCode: 409,
        error: 'Conflict',
        message:
          'Someone else changed this flow since you opened it, so your change was not saved. Reload to see the current draft.',
      }),
    });
    await selectNode('trigger');
    fireEvent.click(paletteEntry('end'));

    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toContain('Someone else changed this flow');
    expect(screen.getByTestId('save-status').dataset['status']).toBe('conflict');
    expect(screen.getByRole('button', { name: 'Publish…' }).hasAttribute('disabled')).toBe(true);
    const sent = saves(requests).length;
    fireEvent.click(paletteEntry('qualify'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 1000)));
    expect(saves(requests)).toHaveLength(sent);

    mockFetch({
      [`GET /api/v1/flows/${flowId}`]: () => {
        reloaded = true;
        return fakeResponse(200, theirs, '', { ETag: '"r9"' });
      },
      'GET /api/v1/flows/catalogue': fakeResponse(200, makeCatalogue()),
    });
    fireEvent.click(within(alert).getByRole('button', { name: 'Reload the draft' }));
    await screen.findByRole('heading', { level: 1, name: 'Renamed by Bob' });
    expect(reloaded).toBe(true);
    await waitFor(() => expect(nodeIds()).toEqual(['trigger']));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('publishes with a note once nothing is left to fix, sending the ETag of the saved draft', async () => {
    const graph: FlowGraph = {
      ...lonelyTrigger,
      nodes: [
        ...lonelyTrigger.nodes,
        {
          id: 'end',
          type: 'end',
          position: { x: 300, y: 0 },
          data: { config: { outcome: 'other' } },
        },
      ],
      edges: [{ id: 'trigger.next->end', source: 'trigger', sourceHandle: 'next', target: 'end' }],
    };
    document.cookie = 'baton_csrf=csrf-9';
    const { requests } = renderEditor(graph, {
      [`POST /api/v1/flows/${flowId}/publish`]: fakeResponse(201, {
        id: testUuid(503),
        version: 4,
        publishedAt: '2026-11-24T06:00:00.000Z',
        publishedBy: { id: testUuid(9), name: 'Grace Hopper' },
        note: null,
        current: true,
        flowId,
        graph,
      }),
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Publish…' }));
    const dialog = screen.getByRole('dialog', { name: 'Publish version 4' });
    expect(dialog.textContent).toContain('Leads already in the flow stay on the version');
    const confirm = within(dialog).getByRole('button', { name: 'Publish version 4' });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('What changed, and why?'), {
      target: { value: 'Straight to the end' },
    });
    fireEvent.click(confirm);

    expect(await screen.findByText('Published version 4. New leads use it now.')).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ note: 'Straight to the end' });
    expect(post?.headers['If-Match']).toBe('"r0"');
    expect(post?.headers['X-CSRF-Token']).toBe('csrf-9');
    document.cookie = 'baton_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('renames the flow', async () => {
    const { requests } = renderEditor();
    fireEvent.click(await screen.findByRole('button', { name: 'Rename' }));
    fireEvent.change(screen.getByLabelText('Flow name'), { target: { value: 'Partner leads' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));

    await screen.findByRole('heading', { level: 1, name: 'Partner leads' });
    expect(saves(requests)[0]?.body).toEqual({ name: 'Partner leads' });
  });
});
