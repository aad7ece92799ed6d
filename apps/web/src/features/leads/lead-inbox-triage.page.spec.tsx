import {
  bulkActionResultSchema,
  leadListSchema,
  leadViewCountsSchema,
  type CurrentUser,
  type LeadSummary,
  type UserList,
} from '@baton/api-contract';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { makeLeadSummary } from '../../test/make-lead-summary';
import { mockFetch, type RecordedRequest } from '../../test/mock-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { leadArrivalsKey } from '../live-updates/lead-row-updates';
import { LeadListPage } from './lead-list.page';
import { leadKeys } from './leads.api';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();
const inMinutes = (m: number) => new Date(NOW + m * 60_000).toISOString();

const counts = { all: 3, mine: 1, team: 3, unassigned: 1, breaching: 1, after_hours: 0, spam: 2 };

function lead(name: string, overrides: Partial<LeadSummary> = {}): LeadSummary {
  return makeLeadSummary({
    contact: { name, email: `${name.split(' ')[0]?.toLowerCase()}@example.com` },
    status: 'assigned',
    firstContactAt: null,
    ...overrides,
  });
}

// Ada has most of a 60-min SLA left (fine), Alan a fifth of his 14 min (red), Grace none.
const ada = lead('Ada Lovelace', {
  receivedAt: minutesAgo(10),
  slaDueAt: inMinutes(50),
  score: 82,
  qualificationClass: 'hot',
});
const alan = lead('Alan Turing', { receivedAt: minutesAgo(11), slaDueAt: inMinutes(3) });
const grace = lead('Grace Murray', {
  receivedAt: minutesAgo(12),
  slaDueAt: minutesAgo(1),
  score: null,
  qualificationClass: null,
});

const reps: UserList = {
  items: [
    {
      id: testUuid(31),
      email: 'linus@example.com',
      name: 'Linus Torvalds',
      role: 'rep',
      status: 'available',
      outOfOfficeUntil: null,
      capacity: 20,
      weight: 1,
      skills: [],
      territories: [],
      scheduleId: null,
      teams: [],
      openLeads: 3,
      flag: null,
      canSignIn: true,
      createdAt: '2026-01-01T09:00:00.000Z',
      updatedAt: '2026-01-01T09:00:00.000Z',
    },
  ],
};

const page = (items: LeadSummary[], total = items.length): Response =>
  fakeResponse(200, leadListSchema.parse({ items, nextCursor: null, total }));

function setup(
  routes: Record<string, Response | ((r: RecordedRequest) => Response)> = {},
  options: { url?: string; user?: CurrentUser } = {},
) {
  document.cookie = 'baton_csrf=csrf-123';
  const mocks = mockFetch({
    'GET /api/v1/leads': () => page([ada, alan, grace], 42),
    'GET /api/v1/leads/view-counts': () =>
      fakeResponse(200, leadViewCountsSchema.parse({ counts })),
    'GET /api/v1/users': () => fakeResponse(200, reps),
    ...routes,
  });
  const view = renderWithProviders(<LeadListPage />, {
    path: '/leads',
    url: options.url ?? '/leads',
    ...(options.user ? { user: options.user } : {}),
  });
  const listRequests = () => mocks.requests.filter((r) => r.url.pathname === '/api/v1/leads');
  return { ...mocks, ...view, listRequests };
}

const rowOf = async (name: string) =>
  (await screen.findByRole('link', { name })).closest('tr') as HTMLElement;

describe('LeadListPage triage', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: NOW, doNotFake: ['queueMicrotask', 'nextTick'] });
  });
  afterEach(() => {
    jest.useRealTimers();
    document.cookie = 'baton_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  });

  it('shows every view as a tab with its count and asks the server for the chosen one', async () => {
    const { listRequests, location } = setup();
    const tabs = await screen.findAllByRole('tab');
    await waitFor(() => expect(tabs[0]?.textContent).toBe('All3'));
    expect(tabs.map((t) => t.textContent)).toEqual([
      'All3',
      'Mine1',
      'My team3',
      'Unassigned1',
      'Breaching1',
      'After hours0',
      'Spam2',
    ]);
    expect(tabs[0]?.getAttribute('aria-selected')).toBe('true');

    fireEvent.click(screen.getByRole('tab', { name: /^Breaching/ }));
    expect(location().search).toBe('?view=breaching');
    await waitFor(() =>
      expect(listRequests().at(-1)?.url.searchParams.get('view')).toBe('breaching'),
    );
    expect(screen.getByRole('tab', { name: /^Breaching/ }).getAttribute('aria-selected')).toBe(
      'true',
    );

    // Arrow keys move between tabs, as WAI-ARIA tabs do.
    fireEvent.keyDown(screen.getByRole('tab', { name: /^Breaching/ }), { key: 'ArrowRight' });
    expect(location().search).toBe('?view=after_hours');
  });

  it('says what an empty view is for', async () => {
    setup({ 'GET /api/v1/leads': () => page([]) }, { url: '/leads?view=spam' });
    expect((await screen.findByTestId('view-empty')).textContent).toContain(
      'set aside here, out of the other views and the dashboard figures',
    );
  });

  it('shows the total from the server, the score and an SLA countdown coloured by time left', async () => {
    setup();
    expect((await screen.findByTestId('inbox-total')).textContent).toBe('42 leads · 3 shown');
    const adaRow = await rowOf('Ada Lovelace');
    expect(within(adaRow).getByTestId('lead-score').textContent).toBe('82Hot');
    const sla = (row: HTMLElement) => row.querySelector('.sla') as HTMLElement;
    // The clock has moved a few milliseconds since NOW while the page loaded.
    expect(sla(adaRow).textContent).toMatch(/^(50m|49m 59s) left$/);
    expect(sla(adaRow).getAttribute('data-tone')).toBe('ok');
    const alanRow = await rowOf('Alan Turing');
    expect(sla(alanRow).getAttribute('data-tone')).toBe('late');
    // Waiting follows the SLA too: 11 minutes is "slipping" by age, but late for this SLA.
    expect(alanRow.querySelector('.wait')?.className).toBe('wait wait-late');
    expect(adaRow.querySelector('.wait')?.className).toBe('wait wait-ok');
    const graceRow = await rowOf('Grace Murray');
    expect(sla(graceRow).textContent).toBe('Overdue 1m');
    expect(sla(graceRow).getAttribute('data-tone')).toBe('breached');

    // The countdown ticks with the clock, without asking the server again.
    const fetchMock = globalThis.fetch as jest.Mock;
    const calls = fetchMock.mock.calls.length;
    act(() => jest.advanceTimersByTime(5_000));
    expect(sla(adaRow).textContent).toMatch(/^49m 5[45]s left$/);
    expect(fetchMock.mock.calls.length).toBe(calls);
  });

  it('sorts through the server', async () => {
    const { listRequests, location } = setup();
    await rowOf('Ada Lovelace');
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), {
      target: { value: 'sla_due' },
    });
    expect(location().search).toBe('?sort=sla_due');
    await waitFor(() =>
      expect(listRequests().at(-1)?.url.searchParams.get('sort')).toBe('sla_due'),
    );
  });

  it('selects rows by checkbox, shift-click range and select all', async () => {
    setup();
    const box = async (name: string) =>
      within(await rowOf(name)).getByRole('checkbox', {
        name: `Select ${name}`,
      }) as HTMLInputElement;
    fireEvent.click(await box('Ada Lovelace'));
    expect(screen.getByText('1 selected')).toBeTruthy();
    fireEvent.click(await box('Grace Murray'), { shiftKey: true });
    expect(screen.getByText('3 selected')).toBeTruthy();
    expect((await box('Alan Turing')).checked).toBe(true);

    const all = screen.getByRole('checkbox', { name: 'Select all leads on this page' });
    expect((all as HTMLInputElement).checked).toBe(true);
    fireEvent.click(all);
    expect(screen.queryByText(/selected$/)).toBeNull();
    fireEvent.click(all);
    expect(screen.getByText('3 selected')).toBeTruthy();
  });

  it('bulk-assigns the selection and says which leads failed and why', async () => {
    const { requests } = setup({
      'POST /api/v1/leads/bulk/assign': () =>
        fakeResponse(
          200,
          bulkActionResultSchema.parse({
            results: [
              { leadId: ada.id, ok: true, ownerId: testUuid(31), status: 'waiting_for_contact' },
              { leadId: alan.id, ok: false, httpStatus: 409, message: 'This lead is closed' },
            ],
          }),
        ),
    });
    fireEvent.click(
      within(await rowOf('Ada Lovelace')).getByRole('checkbox', { name: 'Select Ada Lovelace' }),
    );
    fireEvent.click(
      within(await rowOf('Alan Turing')).getByRole('checkbox', { name: 'Select Alan Turing' }),
    );
    const assignTo = screen.getByRole('combobox', { name: 'Assign to' });
    await waitFor(() => expect(within(assignTo).getByText('Linus Torvalds')).toBeTruthy());
    fireEvent.change(assignTo, { target: { value: testUuid(31) } });
    fireEvent.click(screen.getByRole('button', { name: 'Assign' }));

    const outcome = await screen.findByTestId('bulk-outcome');
    expect(outcome.textContent).toContain('1 of 2 leads assigned. 1 failed:');
    expect(within(outcome).getByRole('listitem').textContent).toBe(
      'Alan Turing: This lead is closed',
    );
    const post = requests.find((r) => r.url.pathname === '/api/v1/leads/bulk/assign');
    expect(post?.body).toEqual({ leadIds: [ada.id, alan.id], toUserId: testUuid(31) });
    expect(post?.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets a rep disqualify as spam but not assign', async () => {
    const rep: CurrentUser = { id: testUuid(2), name: 'Rita', email: 'r@example.com', role: 'rep' };
    const { requests } = setup(
      {
        'POST /api/v1/leads/bulk/disqualify': () =>
          fakeResponse(
            200,
            bulkActionResultSchema.parse({
              results: [{ leadId: ada.id, ok: true, ownerId: null, status: 'finished' }],
            }),
          ),
      },
      { user: rep },
    );
    fireEvent.click(
      within(await rowOf('Ada Lovelace')).getByRole('checkbox', { name: 'Select Ada Lovelace' }),
    );
    expect(screen.queryByRole('combobox', { name: 'Assign to' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Disqualify as spam' }));
    expect((await screen.findByTestId('bulk-outcome')).textContent).toContain(
      '1 of 1 lead disqualified as spam.',
    );
    expect(requests.some((r) => r.url.pathname === '/api/v1/users')).toBe(false);
  });

  it('puts a live arrival that fits the view at the top without refetching the list', async () => {
    const { queryClient, listRequests } = setup();
    await rowOf('Ada Lovelace');
    const before = listRequests().length;
    const newcomer = lead('Margaret Hamilton', {
      receivedAt: minutesAgo(0),
      owner: null,
      status: 'new',
    });
    act(() => {
      queryClient.setQueryData(leadArrivalsKey, [newcomer]);
    });

    await waitFor(() =>
      expect(screen.getAllByTestId('lead-row')[0]?.textContent).toContain('Margaret Hamilton'),
    );
    expect(screen.getByTestId('inbox-total').textContent).toBe('43 leads · 4 shown');
    expect(listRequests().length).toBe(before);
  });

  it('leaves out an arrival that does not fit, and counts it as new when the list is paged', async () => {
    const { queryClient } = setup({}, { url: '/leads?view=mine' });
    await rowOf('Ada Lovelace');
    const notMine = lead('Not Mine', {
      receivedAt: minutesAgo(0),
      owner: { id: testUuid(77), name: 'X' },
    });
    act(() => {
      queryClient.setQueryData(leadArrivalsKey, [notMine]);
    });
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.queryByRole('link', { name: 'Not Mine' })).toBeNull();
    expect(screen.queryByText(/new lead/)).toBeNull();

    // Sorted by score, the top of the list is not where a new lead goes: it is announced instead.
    const list = leadKeys.list({ view: 'mine' });
    expect(queryClient.getQueryData(list)).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), {
      target: { value: 'score' },
    });
    await rowOf('Ada Lovelace');
    const mine = lead('Mine Too', {
      receivedAt: minutesAgo(0),
      owner: { id: testUuid(9), name: 'Grace Hopper' },
    });
    act(() => {
      queryClient.setQueryData(leadArrivalsKey, [mine]);
    });
    expect((await screen.findByRole('button', { name: /new lead/ })).textContent).toBe(
      '1 new lead · show',
    );
    expect(screen.queryByRole('link', { name: 'Mine Too' })).toBeNull();
  });
});
