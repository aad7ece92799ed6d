import { demoFlowGraph, type FlowGraph, type FlowNode } from '@baton/flow';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { mockReactFlow } from '../../test/mock-react-flow';
import { renderFlowPage, versionView } from '../../test/render-flow-page';
import { testUuid } from '../../test/test-uuid';

beforeAll(mockReactFlow);

const flowId = testUuid(500);
const clone = (graph: FlowGraph): FlowGraph => JSON.parse(JSON.stringify(graph)) as FlowGraph;
const nodeOf = (graph: FlowGraph, id: string) => graph.nodes.find((n) => n.id === id) as FlowNode;

/** The demo flow with the hot threshold raised to 80 and standard leads by round robin. */
function editedDemo(): FlowGraph {
  const draft = clone(demoFlowGraph);
  const rules = nodeOf(draft, 'hot-or-not').data.config['rules'] as {
    group: { clauses: { value: unknown }[] };
  }[];
  (rules[0]?.group.clauses[0] as { value: unknown }).value = 80;
  nodeOf(draft, 'assign-standard').data.config['strategy'] = 'round_robin';
  return draft;
}

async function openPublish() {
  fireEvent.click(await screen.findByRole('button', { name: 'Publish…' }));
  return screen.getByRole('dialog', { name: 'Publish version 4' });
}

describe('PublishDialog', () => {
  it('lists what changed since the published version, field by field, before and after', async () => {
    const { requests } = renderFlowPage(
      { draftGraph: editedDemo() },
      {
        routes: {
          [`GET /api/v1/flows/${flowId}/versions/3`]: fakeResponse(
            200,
            versionView(flowId, 3, demoFlowGraph, { current: true }),
          ),
        },
      },
    );
    const dialog = await openPublish();
    const changes = within(dialog).getByRole('region', { name: 'Changes since version 3' });

    await within(changes).findByText('2 steps changed');
    const threshold = within(changes)
      .getAllByTestId('flow-diff-changed')
      .find((li) => li.dataset['nodeId'] === 'hot-or-not') as HTMLElement;
    expect(threshold.textContent).toContain('Hot or not');
    const value = threshold.querySelector('[data-path="rules.0.group.clauses.0.value"]');
    expect(value?.textContent).toBe('Rules 1 › Group › Clauses 1 › Value: 70 → 80');
    expect(value?.querySelector('.flow-diff-before')?.textContent).toBe('70');
    expect(value?.querySelector('.flow-diff-after')?.textContent).toBe('80');
    // A choice reads as the form's words, not its stored value.
    const strategy = within(changes)
      .getAllByTestId('flow-diff-changed')
      .find((li) => li.dataset['nodeId'] === 'assign-standard');
    expect(strategy?.textContent).toContain('Strategy: Least loaded → Round robin');
    expect(dialog.textContent).toContain('Leads already in the flow stay on the version');
    expect(requests.some((r) => r.url.pathname.endsWith('/versions/3'))).toBe(true);

    fireEvent.change(within(dialog).getByLabelText('What changed, and why?'), {
      target: { value: 'Hot from 80' },
    });
    expect(
      within(dialog).getByRole('button', { name: 'Publish version 4' }).hasAttribute('disabled'),
    ).toBe(false);
  });

  it('says so and will not publish when the draft is the published version', async () => {
    renderFlowPage(
      { draftGraph: clone(demoFlowGraph), draftChanged: true },
      {
        routes: {
          [`GET /api/v1/flows/${flowId}/versions/3`]: fakeResponse(
            200,
            versionView(flowId, 3, demoFlowGraph, { current: true }),
          ),
        },
      },
    );
    const dialog = await openPublish();
    await within(dialog).findByText(
      'The draft is the same as version 3: there is nothing to publish.',
    );
    fireEvent.change(within(dialog).getByLabelText('What changed, and why?'), {
      target: { value: 'Nothing' },
    });
    expect(
      within(dialog).getByRole('button', { name: 'Publish version 4' }).hasAttribute('disabled'),
    ).toBe(true);
  });

  it('says everything is new in the first version, without asking for a version to compare', async () => {
    const { requests } = renderFlowPage({
      draftGraph: demoFlowGraph,
      published: null,
      versionCount: 0,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Publish…' }));
    const dialog = screen.getByRole('dialog', { name: 'Publish version 1' });
    expect(dialog.textContent).toContain(
      `This is the first version: everything in it is new (${demoFlowGraph.nodes.length} steps`,
    );
    await waitFor(() =>
      expect(requests.some((r) => r.url.pathname.includes('/versions'))).toBe(false),
    );
  });
});
