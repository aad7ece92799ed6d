import type { CurrentUser } from '@baton/api-contract';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { mockFetch } from '../../test/mock-fetch';
import { renderWithProviders, testManager } from '../../test/render-with-providers';
import { SAMPLE_BANNER_DISMISSED_KEY, SampleDataBanner } from './sample-data-banner';

const admin: CurrentUser = { ...testManager, role: 'admin', name: 'Ada Admin' };

describe('SampleDataBanner', () => {
  beforeEach(() => window.localStorage.clear());

  it('tells an admin the figures are sample data and removes it after a confirmation', async () => {
    const { requests } = mockFetch({
      'GET /api/v1/demo-data': fakeResponse(200, { sampleLeads: 312 }),
      'DELETE /api/v1/demo-data': fakeResponse(200, { removedLeads: 312 }),
    });
    renderWithProviders(<SampleDataBanner />, { user: admin });
    const banner = await screen.findByRole('region', { name: 'You are looking at sample data' });
    expect(banner.textContent).toContain('312 leads');

    fireEvent.click(screen.getByRole('button', { name: 'Remove sample data' }));
    expect(banner.textContent).toContain('Remove all 312 sample leads for everyone?');
    fireEvent.click(screen.getByRole('button', { name: 'Keep them' }));
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Remove sample data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove them' }));
    expect((await screen.findByRole('status')).textContent).toContain(
      'Sample data removed: 312 sample leads are gone',
    );
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    expect(screen.queryByRole('region', { name: 'You are looking at sample data' })).toBeNull();
  });

  it('says so when the removal fails, and keeps the notice', async () => {
    mockFetch({
      'GET /api/v1/demo-data': fakeResponse(200, { sampleLeads: 40 }),
      'DELETE /api/v1/demo-data': fakeResponse(403, {
        statusCode: 403,
        error: 'Forbidden',
        message: 'This needs the admin role',
      }),
    });
    renderWithProviders(<SampleDataBanner />, { user: admin });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove sample data' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove them' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This needs the admin role');
    expect(screen.getByRole('region', { name: 'You are looking at sample data' })).toBeTruthy();
  });

  it('can be hidden in this browser without removing anything', async () => {
    const { requests } = mockFetch({
      'GET /api/v1/demo-data': fakeResponse(200, { sampleLeads: 40 }),
    });
    const first = renderWithProviders(<SampleDataBanner />, { user: admin });
    fireEvent.click(await screen.findByRole('button', { name: 'Hide this notice' }));
    expect(screen.queryByRole('region')).toBeNull();
    expect(window.localStorage.getItem(SAMPLE_BANNER_DISMISSED_KEY)).toBe('true');
    first.unmount();
    renderWithProviders(<SampleDataBanner />, { user: admin });
    await waitFor(() => expect(requests.length).toBeGreaterThanOrEqual(2));
    expect(screen.queryByRole('region')).toBeNull();
    expect(requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('shows nothing once the sample data is gone, and never asks for a manager', async () => {
    const { requests } = mockFetch({
      'GET /api/v1/demo-data': fakeResponse(200, { sampleLeads: 0 }),
    });
    const view = renderWithProviders(<SampleDataBanner />, { user: admin });
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(view.container.textContent).toBe('');
    view.unmount();

    renderWithProviders(<SampleDataBanner />);
    expect(screen.queryByRole('region')).toBeNull();
    expect(requests).toHaveLength(1);
  });
});
