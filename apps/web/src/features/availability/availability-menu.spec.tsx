import type { Availability } from '@baton/api-contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { mockFetch, type RecordedRequest } from '../../test/mock-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { AvailabilityMenu } from './availability-menu';
import { endOfDay } from './availability-state';

const available: Availability = {
  status: 'available',
  outOfOfficeUntil: null,
  capacity: 25,
  skills: [],
  territories: [],
  scheduleId: null,
  openLeads: 3,
  flag: null,
};

function serve(initial: Availability) {
  let state = initial;
  return mockFetch({
    'GET /api/v1/me/availability': () => fakeResponse(200, state),
    'PATCH /api/v1/me/availability': (request: RecordedRequest) => {
      state = { ...state, ...(request.body as Partial<Availability>) };
      return fakeResponse(200, state);
    },
  });
}

describe('AvailabilityMenu', () => {
  it('shows that I am available and sets me away', async () => {
    const { requests } = serve(available);
    renderWithProviders(<AvailabilityMenu />);
    const button = await screen.findByRole('button', { name: 'My availability: Available' });
    fireEvent.click(button);
    expect(screen.getByText(/New leads skip you while you are away/)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /Away/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByRole('button', { name: 'My availability: Away' });
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ status: 'away', outOfOfficeUntil: null });
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('sets me out of office until the end of a chosen day, available again after it', async () => {
    const { requests } = serve(available);
    renderWithProviders(<AvailabilityMenu />);
    fireEvent.click(await screen.findByRole('button', { name: 'My availability: Available' }));
    fireEvent.click(screen.getByRole('radio', { name: /Out of office/ }));
    const day = new Date(Date.now() + 3 * 86_400_000);
    const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    fireEvent.change(screen.getByLabelText('Back after'), { target: { value: date } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByRole('button', { name: /^My availability: Out of office until / });
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      status: 'available',
      outOfOfficeUntil: endOfDay(date),
    });
  });

  it('reads an out-of-office date that has passed as available', async () => {
    serve({ ...available, outOfOfficeUntil: new Date(Date.now() - 60_000).toISOString() });
    renderWithProviders(<AvailabilityMenu />);
    expect(await screen.findByRole('button', { name: 'My availability: Available' })).toBeTruthy();
  });

  it('keeps the menu open with the reason when saving fails', async () => {
    mockFetch({
      'GET /api/v1/me/availability': fakeResponse(200, available),
      'PATCH /api/v1/me/availability': fakeResponse(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'outOfOfficeUntil: must be in the future',
        issues: [{ path: 'outOfOfficeUntil', message: 'must be in the future' }],
      }),
    });
    renderWithProviders(<AvailabilityMenu />);
    fireEvent.click(await screen.findByRole('button', { name: 'My availability: Available' }));
    fireEvent.click(screen.getByRole('radio', { name: /Away/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('must be in the future'),
    );
    expect(screen.getByRole('radio', { name: /Away/ })).toBeTruthy();
  });
});
