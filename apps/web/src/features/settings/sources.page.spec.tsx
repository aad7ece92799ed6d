import type { CurrentUser, SourceView } from '@baton/api-contract';
import { fireEvent, screen, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { makeFlowList } from '../../test/make-flow';
import { mockFetch, type RecordedRequest } from '../../test/mock-fetch';
import { renderWithProviders, testManager } from '../../test/render-with-providers';
import { testUuid } from '../../test/test-uuid';
import { SourcesPage } from './sources.page';

const admin: CurrentUser = { ...testManager, role: 'admin', name: 'Ada Admin' };
const website: SourceView = {
  id: testUuid(700),
  slug: 'website',
  name: 'Website contact form',
  apiKeyPrefix: 'bat_abcd',
  allowedOrigins: ['https://www.example-dental.com'],
  thankYouUrl: null,
  flowId: testUuid(500),
  active: true,
  createdAt: '2026-11-01T10:00:00.000Z',
};

describe('SourcesPage', () => {
  it('lists sources with their flow and origins, and a form snippet that posts to the intake', async () => {
    mockFetch({
      'GET /api/v1/sources': fakeResponse(200, { items: [website] }),
      'GET /api/v1/flows': fakeResponse(200, makeFlowList()),
    });
    renderWithProviders(<SourcesPage />, { user: admin });
    const card = await screen.findByRole('article', { name: 'Website contact form' });
    expect(card.textContent).toContain('https://www.example-dental.com');
    await within(card).findByText('Inbound demo requests');
    const snippet = within(card).getByText(/<form method="post"/);
    expect(snippet.textContent).toContain(
      `action="${window.location.origin}/api/v1/intake/website"`,
    );
    expect(snippet.textContent).toContain('name="website_url"');
    expect(within(card).getByRole('button', { name: 'Rotate key' })).toBeTruthy();
  });

  it('creates a source (slug from the name) and shows its key once', async () => {
    let created: RecordedRequest | undefined;
    mockFetch({
      'GET /api/v1/sources': fakeResponse(200, { items: [] }),
      'GET /api/v1/flows': fakeResponse(200, makeFlowList()),
      'POST /api/v1/sources': (request) => {
        created = request;
        return fakeResponse(201, {
          source: { ...website, id: testUuid(701), slug: 'spring-ads', name: 'Spring ads' },
          apiKey: 'bat_secret-key-shown-once-0123456789',
        });
      },
    });
    renderWithProviders(<SourcesPage />, { user: admin });
    expect(await screen.findByText('No sources yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New source' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Spring ads' } });
    expect((screen.getByLabelText('Slug') as HTMLInputElement).value).toBe('spring-ads');
    fireEvent.change(screen.getByLabelText('Websites allowed to post its form'), {
      target: { value: 'https://a.example\nhttps://b.example' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create source' }));

    expect((await screen.findByTestId('source-api-key')).textContent).toBe(
      'bat_secret-key-shown-once-0123456789',
    );
    expect(created?.body).toEqual({
      name: 'Spring ads',
      slug: 'spring-ads',
      flowId: testUuid(500),
      allowedOrigins: ['https://a.example', 'https://b.example'],
      thankYouUrl: null,
    });
    fireEvent.click(screen.getByRole('button', { name: 'I have stored the key' }));
    expect(screen.queryByTestId('source-api-key')).toBeNull();
  });

  it('names the field the API refused', async () => {
    mockFetch({
      'GET /api/v1/sources': fakeResponse(200, { items: [] }),
      'GET /api/v1/flows': fakeResponse(200, makeFlowList()),
      'POST /api/v1/sources': fakeResponse(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'slug: a source called "website" exists already',
        issues: [{ path: 'slug', message: 'a source called "website" exists already' }],
      }),
    });
    renderWithProviders(<SourcesPage />, { user: admin });
    fireEvent.click(await screen.findByRole('button', { name: 'New source' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Website' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create source' }));
    const slug = screen.getByLabelText('Slug');
    await screen.findByText('a source called "website" exists already');
    expect(slug.getAttribute('aria-invalid')).toBe('true');
  });

  it('lets a manager read sources but not create or rotate them', async () => {
    mockFetch({
      'GET /api/v1/sources': fakeResponse(200, { items: [website] }),
      'GET /api/v1/flows': fakeResponse(200, makeFlowList()),
    });
    renderWithProviders(<SourcesPage />);
    await screen.findByRole('article', { name: 'Website contact form' });
    expect(screen.queryByRole('button', { name: 'New source' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Rotate key' })).toBeNull();
  });
});
