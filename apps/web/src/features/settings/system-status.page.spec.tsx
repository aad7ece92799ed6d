import type { SystemStatus } from '@baton/api-contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { mockFetch } from '../../test/mock-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { SystemStatusPage } from './system-status.page';

const healthy: SystemStatus = {
  checkedAt: '2026-11-01T10:00:00.000Z',
  model: {
    state: 'ok',
    configured: true,
    host: 'http://ollama:11434',
    model: 'llama3.2:3b',
    reachable: true,
    modelPresent: true,
    detail: null,
    pullCommand: null,
    lastQualification: {
      at: '2026-11-01T09:58:00.000Z',
      method: 'llm',
      model: 'llama3.2:3b',
      latencyMs: 842,
      fallbackReason: null,
    },
    recent: { total: 20, heuristic: 2 },
  },
  smtp: {
    state: 'ok',
    configured: true,
    host: 'relay.example.com:587',
    capturing: false,
    lastDeliveryAt: '2026-11-01T09:59:00.000Z',
    lastFailure: null,
  },
  temporal: { state: 'ok', reachable: true, address: 'temporal:7233' },
};

const card = (name: string) => screen.findByRole('article', { name });

describe('SystemStatusPage', () => {
  it('shows each part as a card with its state in words', async () => {
    mockFetch({ 'GET /api/v1/status': fakeResponse(200, healthy) });
    renderWithProviders(<SystemStatusPage />);
    const model = await card('Qualification model');
    expect(model.textContent).toContain('OK');
    expect(model.textContent).toContain('llama3.2:3b is ready at http://ollama:11434');
    expect(model.textContent).toContain('The heuristic scored 2 of the last 20 leads');
    expect(model.textContent).not.toContain('What to do');
    const mail = await card('Email (SMTP)');
    expect(mail.textContent).toContain('relay.example.com:587');
    expect(mail.textContent).toContain('Last email sent');
    expect((await card('Temporal')).textContent).toContain('temporal:7233 answers');
    expect(screen.queryByRole('region', { name: 'Captured mail' })).toBeNull();
  });

  it('says what to do: the pull command, the SMTP failure, Temporal down', async () => {
    mockFetch({
      'GET /api/v1/status': fakeResponse(200, {
        ...healthy,
        model: {
          ...healthy.model,
          state: 'attention',
          modelPresent: false,
          detail: 'model llama3.2:3b is not pulled on http://ollama:11434',
          pullCommand: 'ollama pull llama3.2:3b',
          lastQualification: null,
          recent: { total: 0, heuristic: 0 },
        },
        smtp: {
          ...healthy.smtp,
          state: 'attention',
          lastFailure: { at: '2026-11-01T09:59:30.000Z', message: 'connect ECONNREFUSED' },
        },
        temporal: { state: 'attention', reachable: false, address: 'temporal:7233' },
      }),
    });
    renderWithProviders(<SystemStatusPage />);
    const model = await card('Qualification model');
    expect(model.textContent).toContain('Needs attention');
    expect(within(model).getByText('ollama pull llama3.2:3b').tagName).toBe('CODE');
    expect(within(model).getByRole('button', { name: 'Copy command' })).toBeTruthy();
    expect(model.textContent).toContain('No lead has been scored yet');
    const mail = await card('Email (SMTP)');
    expect(mail.textContent).toContain('connect ECONNREFUSED');
    expect(mail.textContent).toContain('What to do');
    const temporal = await card('Temporal');
    expect(temporal.textContent).toContain('Needs attention');
    expect(temporal.textContent).toContain('TEMPORAL_ADDRESS');
  });

  it('in capture mode lists the captured mail newest first, the body on click', async () => {
    mockFetch({
      'GET /api/v1/status': fakeResponse(200, {
        ...healthy,
        model: {
          ...healthy.model,
          state: 'not_configured',
          configured: false,
          host: null,
          reachable: null,
          modelPresent: null,
          detail: 'OLLAMA_HOST is not set',
        },
        smtp: {
          ...healthy.smtp,
          state: 'not_configured',
          configured: false,
          host: null,
          capturing: true,
        },
      }),
      'GET /api/v1/dev/mail': fakeResponse(200, {
        items: [
          {
            id: 'a',
            receivedAt: '2026-11-01T09:00:00.000Z',
            from: 'baton@localhost',
            to: 'sam@example.com',
            subject: 'Older',
            text: 'first',
          },
          {
            id: 'b',
            receivedAt: '2026-11-01T09:30:00.000Z',
            from: 'baton@localhost',
            to: 'dana@example.com',
            subject: 'New lead: Ada',
            text: 'Call Ada on 555-0100',
          },
        ],
      }),
    });
    renderWithProviders(<SystemStatusPage />);
    expect((await card('Qualification model')).textContent).toContain('Not configured');
    expect((await card('Email (SMTP)')).textContent).toContain('mail is being captured');
    const list = await screen.findByRole('region', { name: 'Captured mail' });
    await within(list).findByText('New lead: Ada');
    const subjects = [...list.querySelectorAll('.captured-subject')].map((s) => s.textContent);
    expect(subjects).toEqual(['New lead: Ada', 'Older']);
    expect(list.textContent).toContain('to dana@example.com');
    const details = list.querySelector('details') as HTMLDetailsElement;
    fireEvent.click(within(list).getByText('New lead: Ada'));
    expect(details.open).toBe(true);
    expect(details.querySelector('pre')?.textContent).toBe('Call Ada on 555-0100');
  });

  it('teaches what the captured mail list is for while it is empty', async () => {
    mockFetch({
      'GET /api/v1/status': fakeResponse(200, {
        ...healthy,
        smtp: {
          ...healthy.smtp,
          state: 'not_configured',
          configured: false,
          host: null,
          capturing: true,
        },
      }),
      'GET /api/v1/dev/mail': fakeResponse(200, { items: [] }),
    });
    renderWithProviders(<SystemStatusPage />);
    expect(await screen.findByText(/No mail captured yet/)).toBeTruthy();
  });

  it('says so when the status cannot be checked, and checks again on request', async () => {
    const { requests } = mockFetch({
      'GET /api/v1/status': fakeResponse(403, {
        statusCode: 403,
        error: 'Forbidden',
        message: 'Admins and managers only',
      }),
    });
    renderWithProviders(<SystemStatusPage />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Admins and managers only');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(requests.filter((r) => r.url.pathname === '/api/v1/status')).toHaveLength(2),
    );
  });
});
