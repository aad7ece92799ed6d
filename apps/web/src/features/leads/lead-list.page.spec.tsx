import { leadListSchema, type LeadList } from '@baton/api-contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { makeLeadSummary } from '../../test/make-lead-summary';
import { mockFetch } from '../../test/mock-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { LeadListPage } from './lead-list.page';

function leadList(list: Omit<LeadList, 'total'> & { total?: number }) {
  return fakeResponse(200, leadListSchema.parse({ total: list.items.length, ...list }));
}

const ada = makeLeadSummary({
  contact: { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Analytical Engines' },
  status: 'new',
  owner: null,
  firstResponseAt: null,
  assignedAt: null,
  receivedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
});
const alan = makeLeadSummary({
  contact: { name: 'Alan Turing', phone: '+44 161 496 0000' },
  status: 'contacted',
  receivedAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
  firstContactAt: new Date(Date.now() - 2 * 3600_000 + 4 * 60_000 + 12_000).toISOString(),
});

describe('LeadListPage', () => {
  it('renders a row per lead, newest first, linking to the lead page', async () => {
    mockFetch({ 'GET /api/v1/leads': leadList({ items: [alan, ada], nextCursor: null }) });
    renderWithProviders(<LeadListPage />, { path: '/leads' });

    const rows = await screen.findAllByTestId('lead-row');
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual([
      'Ada Lovelace',
      'Alan Turing',
    ]);
    expect(
      within(rows[0] as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe(`/leads/${ada.id}`);
  });

  it('shows status, owner, received time and lead aging', async () => {
    mockFetch({ 'GET /api/v1/leads': leadList({ items: [ada, alan], nextCursor: null }) });
    renderWithProviders(<LeadListPage />, { path: '/leads' });

    const [adaRow, alanRow] = (await screen.findAllByTestId('lead-row')) as HTMLElement[];
    expect(within(adaRow as HTMLElement).getByText('New')).toBeTruthy();
    expect(within(adaRow as HTMLElement).getByText('Unassigned').className).toBe(
      'owner-unassigned',
    );
    expect(
      within(adaRow as HTMLElement)
        .getByText('3 min ago')
        .getAttribute('title'),
    ).toBeTruthy();
    expect(within(adaRow as HTMLElement).getByText(/^Waiting 3m/)).toBeTruthy();
    expect(within(alanRow as HTMLElement).getByText('Grace Hopper')).toBeTruthy();
    expect(within(alanRow as HTMLElement).getByText('Contacted in 4m 12s')).toBeTruthy();
  });

  it('shows a newcomer how to send a first lead when the inbox is empty', async () => {
    mockFetch({ 'GET /api/v1/leads': leadList({ items: [], nextCursor: null }) });
    renderWithProviders(<LeadListPage />, { path: '/leads' });

    expect(await screen.findByRole('heading', { name: 'No leads yet' })).toBeTruthy();
    expect(screen.getByText(/^curl -X POST/).textContent).toBe(
      `curl -X POST http://localhost/api/v1/leads -H 'Authorization: Bearer <source API key>' ` +
        `-H 'Content-Type: application/json' -d '{"contact":{"name":"Ada","email":"ada@example.com"}}'`,
    );
    expect(screen.queryAllByTestId('lead-row')).toHaveLength(0);
  });

  it('passes URL filters to the API and offers to clear them when nothing matches', async () => {
    const { requests } = mockFetch({
      'GET /api/v1/leads': leadList({ items: [], nextCursor: null }),
    });
    const { location } = renderWithProviders(<LeadListPage />, {
      path: '/leads',
      url: '/leads?status=new&q=ada',
    });

    expect(await screen.findByText('No leads match these filters.')).toBeTruthy();
    expect(requests[0]?.url.searchParams.get('status')).toBe('new');
    expect(requests[0]?.url.searchParams.get('q')).toBe('ada');
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('ada');

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));

    await waitFor(() => expect(location().search).toBe(''));
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('');
  });

  it('writes the status filter and the debounced search to the URL', async () => {
    mockFetch({ 'GET /api/v1/leads': leadList({ items: [ada], nextCursor: null }) });
    const { location } = renderWithProviders(<LeadListPage />, { path: '/leads' });
    await screen.findAllByTestId('lead-row');

    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), {
      target: { value: 'unhandled' },
    });
    expect(location().search).toBe('?status=unhandled');

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'lovelace ' } });
    expect(location().search).toBe('?status=unhandled');
    await waitFor(() => expect(location().search).toBe('?status=unhandled&q=lovelace'));
  });

  it('loads more with the next cursor', async () => {
    const { requests } = mockFetch({
      'GET /api/v1/leads': (request) =>
        request.url.searchParams.get('cursor') === 'page-2'
          ? leadList({ items: [alan], nextCursor: null })
          : leadList({ items: [ada], nextCursor: 'page-2' }),
    });
    renderWithProviders(<LeadListPage />, { path: '/leads' });
    await screen.findAllByTestId('lead-row');

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));

    await waitFor(() => expect(screen.getAllByTestId('lead-row')).toHaveLength(2));
    const pages = requests.filter((r) => r.url.pathname === '/api/v1/leads');
    expect(pages[1]?.url.searchParams.get('cursor')).toBe('page-2');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('shows the error and retries', async () => {
    let calls = 0;
    mockFetch({
      'GET /api/v1/leads': () =>
        ++calls === 1
          ? fakeResponse(503, {
              statusCode: 503,
              error: 'Service Unavailable',
              message: 'The database is not reachable.',
            })
          : leadList({ items: [ada], nextCursor: null }),
    });
    renderWithProviders(<LeadListPage />, { path: '/leads' });

    expect((await screen.findByRole('alert')).textContent).toContain(
      'The database is not reachable.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('lead-row')).toHaveLength(1);
  });
});
