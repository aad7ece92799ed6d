import { fireEvent, screen, within } from '@testing-library/react';
import { fakeResponse } from '../../test/fake-response';
import { makeLeadDetail } from '../../test/make-lead-detail';
import { mockFetch } from '../../test/mock-fetch';
import { renderWithProviders } from '../../test/render-with-providers';
import { LeadPage } from './lead.page';

function renderLead(leadId: string) {
  return renderWithProviders(<LeadPage />, { path: '/leads/:leadId', url: `/leads/${leadId}` });
}

describe('LeadPage', () => {
  it('shows contact details, status, owner, source context and the timeline', async () => {
    const lead = makeLeadDetail();
    mockFetch({ [`GET /api/v1/leads/${lead.id}`]: fakeResponse(200, lead) });
    renderLead(lead.id);

    expect(await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'ada@example.com' }).getAttribute('href')).toBe(
      'mailto:ada@example.com',
    );
    expect(screen.getByRole('link', { name: '+44 20 7946 0018' }).getAttribute('href')).toBe(
      'tel:+442079460018',
    );
    expect(screen.getByText('Assigned', { selector: '.status-badge' })).toBeTruthy();
    expect(screen.getAllByText('Grace Hopper').length).toBeGreaterThan(0);
    expect(screen.getByText('spring-launch')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'https://example.com/pricing' }).getAttribute('rel'),
    ).toContain('noopener');
    expect(screen.getByText('teamSize')).toBeTruthy();
    expect(screen.getByText('82')).toBeTruthy();
    expect(
      screen.getAllByTestId('timeline-event').map((e) => e.getAttribute('data-event-type')),
    ).toEqual(['received', 'assigned']);
  });

  it('measures speed to lead from received', async () => {
    const lead = makeLeadDetail({
      receivedAt: '2026-03-10T11:50:00.000Z',
      firstResponseAt: '2026-03-10T11:50:04.000Z',
      assignedAt: '2026-03-10T11:50:02.000Z',
      firstContactAt: '2026-03-10T11:54:10.000Z',
      status: 'contacted',
    });
    mockFetch({ [`GET /api/v1/leads/${lead.id}`]: fakeResponse(200, lead) });
    renderLead(lead.id);

    const strip = (await screen.findByLabelText('Speed to lead')) as HTMLElement;
    expect(within(strip).getByText('4s')).toBeTruthy();
    expect(within(strip).getByText('2s')).toBeTruthy();
    expect(within(strip).getByText('4m 10s')).toBeTruthy();
  });

  it('renders the message as text, never as HTML', async () => {
    const lead = makeLeadDetail({ message: '<script>alert(1)</script>\n<b>Call me</b>' });
    mockFetch({ [`GET /api/v1/leads/${lead.id}`]: fakeResponse(200, lead) });
    renderLead(lead.id);

    const message = await screen.findByText(/<script>alert\(1\)<\/script>/);
    expect(message.textContent).toBe('<script>alert(1)</script>\n<b>Call me</b>');
    expect(document.querySelector('.lead-message b, .lead-message script')).toBeNull();
  });

  it('keeps untrusted URLs as text', async () => {
    const lead = makeLeadDetail({ context: { landingPage: 'javascript:alert(1)' } });
    mockFetch({ [`GET /api/v1/leads/${lead.id}`]: fakeResponse(200, lead) });
    renderLead(lead.id);

    expect(await screen.findByText('javascript:alert(1)')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'javascript:alert(1)' })).toBeNull();
  });

  it('says when the lead does not exist', async () => {
    mockFetch({});
    renderLead('00000000-0000-4000-8000-000000000404');

    expect(await screen.findByText('Lead not found')).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Inbox' }));
    expect(await screen.findByText('Somewhere else')).toBeTruthy();
  });
});
