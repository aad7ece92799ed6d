import type { CurrentUser } from '@baton/api-contract';
import { demoFlowGraph, type FlowGraph } from '@baton/flow';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { mockReactFlow } from '../../test/mock-react-flow';
import { renderFlowPage, versionView } from '../../test/render-flow-page';
import { testUuid } from '../../test/test-uuid';

beforeAll(mockReactFlow);

const flowId = testUuid(500);
const rep: CurrentUser = { id: testUuid(2), name: 'Ada', email: 'ada@example.com', role: 'rep' };

/** Version 1 was the trigger and an end; version 2 added nothing but a label; 3 is the demo. */
const v1: FlowGraph = {
  nodes: [
    {
      id: 'trigger',
      type: 'trigger',
      position: { x: 0, y: 0 },
      data: { config: { sources: [], forms: [] } },
      label: 'Any source',
    },
    { id: 'done', type: 'end', position: { x: 300, y: 0 }, data: { config: { outcome: 'other' } } },
  ],
  edges: [{ id: 'trigger.next->done', source: 'trigger', sourceHandle: 'next', target: 'done' }],
};
const versions = [
  versionView(flowId, 3, demoFlowGraph, { current: true }),
  versionView(flowId, 2, { ...v1, nodes: v1.nodes.map((n) => ({ ...n, label: 'Step' })) }),
  versionView(flowId, 1, v1, { by: 'Ada Lovelace', note: 'First cut: everything ends at once' }),
];
const versionRoutes = {
  [`GET /api/v1/flows/${flowId}/versions`]: fakeResponse(200, {
    items: versions.map(({ flowId: _f, graph: _g, ...summary }) => summary),
  }),
  ...Object.fromEntries(
    versions.map((v) => [
      `GET /api/v1/flows/${flowId}/versions/${v.version}`,
      fakeResponse(200, v),
    ]),
  ),
};

const nodeIds = () => screen.queryAllByTestId('flow-node').map((n) => n.dataset['nodeId']);

async function openHistory() {
  fireEvent.click(await screen.findByRole('button', { name: 'History' }));
  const dialog = screen.getByRole('dialog', { name: 'Version history' });
  await within(dialog).findByText('Version 3');
  return dialog;
}

describe('FlowVersionHistory', () => {
  it('lists the versions, newest first: who, when (relative and absolute), the note and the live one', async () => {
    renderFlowPage({ draftGraph: demoFlowGraph }, { routes: versionRoutes });
    const dialog = await openHistory();
    expect(document.activeElement?.textContent).toBe('Version history');

    const rows = within(dialog).getAllByTestId('flow-version');
    expect(rows.map((r) => r.dataset['version'])).toEqual(['3', '2', '1']);
    expect(within(rows[0] as HTMLElement).getByText('Published · live now')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).queryByText('Published · live now')).toBeNull();
    expect(rows[2]?.textContent).toContain('Ada Lovelace');
    expect(rows[2]?.textContent).toContain('“First cut: everything ends at once”');
    expect(rows[1]?.textContent).toContain('No note given');
    const time = (rows[2] as HTMLElement).querySelector('time');
    expect(time?.getAttribute('dateTime')).toBe('2026-11-11T09:00:00.000Z');
    expect(time?.textContent).toMatch(/\(.*2026.*\)/);
    expect(
      within(rows[2] as HTMLElement).getByRole('button', { name: 'View version 1' }),
    ).toBeTruthy();

    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'History' }));
  });

  it("restores a version as the draft through the draft's save (If-Match), and Undo brings the old one back", async () => {
    const { saves } = renderFlowPage({ draftGraph: demoFlowGraph }, { routes: versionRoutes });
    const dialog = await openHistory();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore as draft (version 1)' }));

    const confirm = screen.getByRole('dialog', { name: 'Restore version 1 as the draft?' });
    expect(confirm.textContent).toContain('The current draft');
    expect(confirm.textContent).toContain('will be replaced by version 1');
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(saves()).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Replace the draft' }));

    await waitFor(() => expect(nodeIds()).toEqual(['trigger', 'done']));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(saves()).toHaveLength(1), { timeout: 3000 });
    expect(saves()[0]?.headers['If-Match']).toBe('"r0"');
    expect((saves()[0]?.body as { graph: FlowGraph }).graph).toEqual(v1);
    expect(screen.getByText(/Version 1 is the draft now/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(saves()).toHaveLength(2), { timeout: 3000 });
    expect(saves()[1]?.headers['If-Match']).toBe('"r1"');
    expect((saves()[1]?.body as { graph: FlowGraph }).graph).toEqual(demoFlowGraph);
  });

  it("shows the editor's reload message when someone else saved the draft first", async () => {
    renderFlowPage(
      { draftGraph: demoFlowGraph },
      {
        routes: {
          ...versionRoutes,
          [`PUT /api/v1/flows/${flowId}`]: fakeResponse(409, {
            statusCode: 409,
            error: 'Conflict',
            message:
              'Someone else changed this flow since you opened it, so your change was not saved. Reload to see the current draft.',
          }),
        },
      },
    );
    const dialog = await openHistory();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Restore as draft (version 2)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Replace the draft' }));

    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toContain('Someone else changed this flow');
    expect(within(alert).getByRole('button', { name: 'Reload the draft' })).toBeTruthy();
  });

  it('views a version read-only, then goes back to the draft', async () => {
    renderFlowPage({ draftGraph: demoFlowGraph }, { routes: versionRoutes });
    const dialog = await openHistory();
    fireEvent.click(within(dialog).getByRole('button', { name: 'View version 1' }));

    const banner = await screen.findByTestId('flow-version-banner');
    expect(within(banner).getByRole('heading', { name: 'Viewing version 1 (read-only)' })).toBe(
      document.activeElement,
    );
    // The version is drawn; the draft's editor waits, hidden (its unsaved work kept).
    const viewer = banner.parentElement as HTMLElement;
    await waitFor(() =>
      expect(
        within(viewer)
          .queryAllByTestId('flow-node')
          .map((n) => n.dataset['nodeId']),
      ).toEqual(['trigger', 'done']),
    );
    // No editing controls while a version is on show.
    expect(screen.queryByRole('toolbar', { name: 'Canvas' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Publish…' })).toBeNull();
    expect(screen.queryByRole('searchbox', { name: 'Search steps' })).toBeNull();

    fireEvent.click(within(banner).getByRole('button', { name: 'Back to draft' }));
    await waitFor(() => expect(screen.queryByTestId('flow-version-banner')).toBeNull());
    expect(screen.getByRole('toolbar', { name: 'Canvas' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Search steps' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'History' }));
  });

  it('shows reps the history read-only: they can view a version but not restore one', async () => {
    renderFlowPage({ draftGraph: demoFlowGraph }, { routes: versionRoutes, user: rep });
    const dialog = await openHistory();
    expect(within(dialog).getAllByRole('button', { name: /^View version/ })).toHaveLength(3);
    expect(within(dialog).queryByRole('button', { name: /Restore as draft/ })).toBeNull();
    expect(dialog.textContent).toContain('Managers and admins can restore a version');

    fireEvent.click(within(dialog).getByRole('button', { name: 'View version 2' }));
    expect(
      await screen.findByRole('heading', { name: 'Viewing version 2 (read-only)' }),
    ).toBeTruthy();
  });
});
