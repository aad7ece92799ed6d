import type { FlowSimulation } from '@baton/api-contract';
import { createDemoFlowGraph, demoFlowRefs } from '@baton/flow';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { makeLeadDetail } from '../../test/make-lead-detail';
import { makeLeadSummary } from '../../test/make-lead-summary';
import { mockFetch } from '../../test/mock-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { FlowTestPanel } from './flow-test-panel';

const flowId = testUuid(700);
const graph = createDemoFlowGraph(demoFlowRefs);
const rep = { id: testUuid(701), name: 'Riley Rep' };
const away = { id: testUuid(702), name: 'Sam Away' };

const simulation: FlowSimulation = {
  path: [
    {
      nodeId: 'trigger',
      type: 'trigger',
      handle: 'next',
      reason: 'The lead entered the flow.',
      at: '2026-03-04T22:15:00.000Z',
    },
    {
      nodeId: 'qualify',
      type: 'qualify',
      handle: 'next',
      reason: 'Scored 82/100 by the heuristic.',
      at: '2026-03-04T22:15:00.000Z',
    },
    {
      nodeId: 'assign-rep',
      type: 'assign',
      handle: 'assigned',
      reason: 'Assigned to Riley Rep.',
      at: '2026-03-04T22:15:00.000Z',
      assignment: {
        userId: rep.id,
        strategy: 'round_robin',
        poolKey: 'team',
        explanation: 'round robin',
        considered: [
          { userId: rep.id, name: rep.name, eligible: true, reason: 'available' },
          { userId: away.id, name: away.name, eligible: false, reason: 'away until Friday' },
        ],
      },
    },
    {
      nodeId: 'end-contacted',
      type: 'end',
      handle: null,
      reason: 'The flow finished.',
      at: '2026-03-04T22:20:00.000Z',
    },
  ],
  outcome: {
    kind: 'ended',
    outcome: 'contacted',
    nodeId: 'end-contacted',
    at: '2026-03-04T22:20:00.000Z',
  },
  owner: rep,
  problems: [],
  qualification: { source: 'heuristic', values: { score: 82, method: 'heuristic' } },
};

function renderPanel(routes: Parameters<typeof mockFetch>[0] = {}) {
  const onResult = jest.fn();
  const beforeRun = jest.fn(() => Promise.resolve(true));
  const mocks = mockFetch({
    'GET /api/v1/leads': fakeResponse(200, { items: [], nextCursor: null, total: 0 }),
    [`POST /api/v1/flows/${flowId}/simulate`]: fakeResponse(200, simulation),
    ...routes,
  });
  renderWithProviders(
    <FlowTestPanel
      flowId={flowId}
      graph={graph}
      beforeRun={beforeRun}
      onResult={onResult}
      onFocusNode={jest.fn()}
      onClose={jest.fn()}
    />,
  );
  return { ...mocks, onResult, beforeRun };
}

describe('the flow test panel', () => {
  it('saves the draft, then walks a typed lead arriving at a chosen moment, with who was skipped and why', async () => {
    const { requests, onResult, beforeRun } = renderPanel();
    await screen.findByText('No leads have arrived yet: type one below.');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Night Owl' } });
    fireEvent.click(screen.getByLabelText('At'));
    fireEvent.change(screen.getByLabelText('Arrival date and time (your local time)'), {
      target: { value: '2026-03-04T22:15' },
    });
    fireEvent.click(screen.getByLabelText(/SLA runs out/));
    fireEvent.click(screen.getByRole('button', { name: 'Run the test' }));

    const result = await screen.findByTestId('flow-test-result');
    expect(beforeRun).toHaveBeenCalled();
    const sent = requests.find((r) => r.url.pathname.endsWith('/simulate'))?.body as Record<
      string,
      unknown
    >;
    expect(sent).toMatchObject({
      lead: { name: 'Night Owl' },
      at: new Date('2026-03-04T22:15').toISOString(),
      breached: true,
    });
    // The heuristic scores it: no qualification is sent.
    expect(sent).not.toHaveProperty('qualification');
    expect(within(result).getByRole('status').textContent).toContain('owner Riley Rep');
    expect(within(result).getByText(/Score 82\/100/).textContent).toContain('heuristic');
    expect(within(result).getByText('away until Friday')).toBeTruthy();
    expect(within(result).getAllByTestId('flow-test-step')).toHaveLength(4);
    expect(onResult).toHaveBeenCalledWith(simulation);
  });

  it('starts from a recent real lead with its stored score and arrival time, or a score you set', async () => {
    const summary = makeLeadSummary({ id: testUuid(710) });
    const detail = makeLeadDetail({
      id: summary.id,
      contact: { name: 'Real Person', email: 'real@example.com' },
      qualification: { score: 64, intent: 'buying' },
      receivedAt: '2026-02-01T09:30:00.000Z',
    });
    const { requests } = renderPanel({
      'GET /api/v1/leads': fakeResponse(200, { items: [summary], nextCursor: null, total: 1 }),
      [`GET /api/v1/leads/${summary.id}`]: fakeResponse(200, detail),
    });
    const picker = await screen.findByLabelText('Start from a recent lead');
    await waitFor(() => expect(within(picker).getAllByRole('option')).toHaveLength(2));
    fireEvent.change(picker, { target: { value: summary.id } });
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('Real Person'),
    );
    expect(screen.getByLabelText<HTMLInputElement>('Use the score it got (64)').checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Run the test' }));
    await screen.findByTestId('flow-test-result');
    const first = requests.filter((r) => r.url.pathname.endsWith('/simulate'))[0]?.body;
    expect(first).toMatchObject({
      lead: { name: 'Real Person', email: 'real@example.com' },
      qualification: { score: 64, intent: 'buying' },
      at: '2026-02-01T09:30:00.000Z',
    });

    fireEvent.click(screen.getByLabelText('Set a score'));
    fireEvent.change(screen.getByLabelText('Score'), { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run the test' }));
    await waitFor(() =>
      expect(requests.filter((r) => r.url.pathname.endsWith('/simulate'))).toHaveLength(2),
    );
    const second = requests.filter((r) => r.url.pathname.endsWith('/simulate'))[1]?.body;
    expect(second).toMatchObject({ qualification: { score: 15 } });
  });

  it('does not run when the draft could not be saved, and says so', async () => {
    const onResult = jest.fn();
    const { requests } = mockFetch({
      'GET /api/v1/leads': fakeResponse(200, { items: [], nextCursor: null, total: 0 }),
    });
    renderWithProviders(
      <FlowTestPanel
        flowId={flowId}
        graph={graph}
        beforeRun={() => Promise.resolve(false)}
        onResult={onResult}
        onFocusNode={jest.fn()}
        onClose={jest.fn()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Run the test' }));
    expect((await screen.findByRole('alert')).textContent).toContain('could not be saved');
    expect(requests.some((r) => r.url.pathname.endsWith('/simulate'))).toBe(false);
    expect(onResult).toHaveBeenCalledWith(null);
  });
});
