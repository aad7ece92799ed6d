import type { FlowBacktest } from '@baton/api-contract';
import { fireEvent, screen, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { mockFetch } from '../../test/mock-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { FlowBacktestPanel } from './flow-backtest-panel';

const flowId = testUuid(800);
const sales = { kind: 'team' as const, id: testUuid(801), name: 'Sales' };
const nurture = { kind: 'team' as const, id: testUuid(802), name: 'Nurture' };
const route = (nodeId: string, label: string, team: { id: string; name: string }) => ({
  nodeId,
  label,
  kind: 'ended' as const,
  outcome: 'contacted' as const,
  stopCode: null,
  owner: null,
  team,
  path: ['trigger', nodeId],
});
const backtest: FlowBacktest = {
  flowId,
  publishedVersion: 2,
  leadsFrom: 'flow',
  limit: 200,
  compared: 120,
  same: 117,
  differing: 3,
  groups: [
    {
      published: {
        nodeId: 'end-nurture',
        label: 'Nurture',
        kind: 'ended',
        outcome: 'contacted',
        assignee: nurture,
      },
      draft: {
        nodeId: 'end-sales',
        label: 'Sales call',
        kind: 'ended',
        outcome: 'contacted',
        assignee: sales,
      },
      count: 3,
    },
  ],
  differences: [testUuid(810), testUuid(811), testUuid(812)].map((leadId, i) => ({
    leadId,
    leadName: `Lead ${i + 1}`,
    receivedAt: '2026-11-30T10:00:00.000Z',
    changed: ['end' as const],
    published: route('end-nurture', 'Nurture', nurture),
    draft: route('end-sales', 'Sales call', sales),
  })),
  listLimit: 100,
  draftProblems: [],
};

function renderPanel(reply = fakeResponse(200, backtest), publishedVersion: number | null = 2) {
  const onFocusNode = jest.fn();
  const mocks = mockFetch({ [`POST /api/v1/flows/${flowId}/backtest`]: reply });
  renderWithProviders(
    <FlowBacktestPanel
      flowId={flowId}
      publishedVersion={publishedVersion}
      beforeRun={() => Promise.resolve(true)}
      onFocusNode={onFocusNode}
      onClose={jest.fn()}
    />,
  );
  return { ...mocks, onFocusNode };
}

describe('compare with published', () => {
  it('replays the chosen number of leads and says which would move, where to, with links to them', async () => {
    const { requests, onFocusNode } = renderPanel();
    fireEvent.change(screen.getByLabelText('How many recent leads'), { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));

    const result = await screen.findByTestId('flow-backtest-result');
    expect(requests.find((r) => r.url.pathname.endsWith('/backtest'))?.body).toEqual({
      limit: 120,
    });
    expect(within(result).getByRole('status').textContent).toBe(
      '3 of 120 leads would route differently.',
    );
    const row = within(result).getAllByRole('row')[1] as HTMLElement;
    expect(row.textContent).toContain('ends at “Nurture” (contacted) · team Nurture');
    expect(row.textContent).toContain('ends at “Sales call” (contacted) · team Sales');
    fireEvent.click(within(row).getByRole('button'));
    expect(onFocusNode).toHaveBeenCalledWith('end-sales');
    const leads = within(result).getAllByTestId('flow-backtest-lead');
    expect(leads).toHaveLength(3);
    expect(
      within(leads[0] as HTMLElement)
        .getByRole('link', { name: 'Lead 1' })
        .getAttribute('href'),
    ).toBe(`/leads/${testUuid(810)}`);
  });

  it('refuses a count out of range before asking, and shows the server’s refusal', async () => {
    const { requests } = renderPanel(
      fakeResponse(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'This flow has no published version',
      }),
    );
    fireEvent.change(screen.getByLabelText('How many recent leads'), { target: { value: '0' } });
    expect(screen.getByText('Between 1 and 10,000 leads')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Compare' }).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('How many recent leads'), { target: { value: '50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    expect((await screen.findByRole('alert')).textContent).toContain('no published version');
    expect(requests.filter((r) => r.url.pathname.endsWith('/backtest'))).toHaveLength(1);
  });

  it('asks for a first publish when there is nothing to compare with', () => {
    renderPanel(undefined, null);
    expect(screen.getByText(/Publish a first version/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Compare' })).toBeNull();
  });
});
