import { leadEventTypes } from '@baton/api-contract';
import { render, screen, within } from '@testing-library/react';
import { makeLeadEvent } from '../../test/make-lead-event';
import { testUuid } from '../../test/test-uuid';
import { leadEventKinds } from './lead-event-kinds';
import { LeadTimeline } from './lead-timeline';

const receivedAt = '2026-03-10T11:50:00.000Z';
const now = Date.parse('2026-03-10T12:30:00.000Z');

const events = [
  // Deliberately out of order: the timeline sorts by occurredAt.
  makeLeadEvent({
    type: 'contacted',
    occurredAt: '2026-03-10T11:54:10.000Z',
    actor: { type: 'user', id: testUuid(2), name: 'Grace Hopper' },
    summary: 'Grace Hopper called the lead',
  }),
  makeLeadEvent({
    type: 'received',
    occurredAt: receivedAt,
    actor: { type: 'source', id: testUuid(1), name: 'Website form' },
    summary: 'Lead received from Website form',
  }),
  makeLeadEvent({
    type: 'assigned',
    occurredAt: '2026-03-10T11:52:14.000Z',
    stepId: 'assign-1#1',
    summary: 'Assigned to Grace Hopper (round robin)',
    data: { rule: 'round_robin', skipped: [{ name: 'Alan', reason: 'out of office' }] },
  }),
  makeLeadEvent({
    type: 'escalated',
    occurredAt: '2026-03-10T13:02:14.000Z',
    summary: 'Escalated to Linus (team manager)',
  }),
];

describe('LeadTimeline', () => {
  it('lists events oldest first with the time elapsed since the lead was received', () => {
    render(<LeadTimeline events={events} receivedAt={receivedAt} now={now} />);

    const items = screen.getAllByTestId('timeline-event');
    expect(items.map((item) => item.getAttribute('data-event-type'))).toEqual([
      'received',
      'assigned',
      'contacted',
      'escalated',
    ]);
    expect(items.map((item) => item.querySelector('.timeline-elapsed')?.textContent)).toEqual([
      '+0s',
      '+2m 14s',
      '+4m 10s',
      '+1h 12m',
    ]);
  });

  it('shows the summary, the actor and the absolute time of each event', () => {
    render(<LeadTimeline events={events} receivedAt={receivedAt} now={now} />);

    const [received, assigned, contacted] = screen.getAllByTestId('timeline-event');
    expect(
      within(received as HTMLElement).getByText('Lead received from Website form'),
    ).toBeTruthy();
    expect(within(received as HTMLElement).getByText('Website form')).toBeTruthy();
    expect(within(assigned as HTMLElement).getByText('Baton')).toBeTruthy();
    expect(within(contacted as HTMLElement).getByText('Grace Hopper')).toBeTruthy();
    expect(contacted?.querySelector('time')?.getAttribute('dateTime')).toBe(
      '2026-03-10T11:54:10.000Z',
    );
  });

  it("keeps the routing decision's data for the curious, as text", () => {
    render(<LeadTimeline events={events} receivedAt={receivedAt} now={now} />);

    const assigned = screen.getAllByTestId('timeline-event')[1] as HTMLElement;
    expect(within(assigned).getByText('Details · step assign-1#1')).toBeTruthy();
    expect(assigned.querySelector('pre')?.textContent).toContain('"reason": "out of office"');
  });

  it('shows who acknowledged the lead and how long after it arrived', () => {
    const acknowledged = makeLeadEvent({
      type: 'acknowledged',
      occurredAt: '2026-03-10T11:52:15.000Z',
      stepId: 'action:abc',
      actor: { type: 'user', id: testUuid(3), name: 'Sam' },
      summary: 'Acknowledged by Sam · 2 min after it arrived',
      data: { via: 'claim', secondsAfterReceived: 135, withdrawnAlerts: 1 },
    });
    render(<LeadTimeline events={[acknowledged]} receivedAt={receivedAt} now={now} />);

    const row = screen.getByTestId('timeline-event');
    expect(row.getAttribute('data-event-type')).toBe('acknowledged');
    expect(row.className).toContain('tone-good');
    expect(row.querySelector('.timeline-summary')?.textContent).toBe(
      'Acknowledged by Sam · 2 min after it arrived',
    );
    expect(row.querySelector('.timeline-kind')?.textContent).toBe('Acknowledged');
    expect(row.querySelector('.timeline-actor')?.textContent).toBe('Sam');
    expect(row.querySelector('.timeline-elapsed')?.textContent).toBe('+2m 15s');
  });

  it('renders summaries as text, never as HTML', () => {
    const hostile = makeLeadEvent({ type: 'note', summary: '<img src=x onerror=alert(1)>' });
    render(<LeadTimeline events={[hostile]} receivedAt={receivedAt} now={now} />);

    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('says so when nothing happened yet', () => {
    render(<LeadTimeline events={[]} receivedAt={receivedAt} now={now} />);
    expect(screen.getByText('Nothing has happened yet.')).toBeTruthy();
  });

  it('has a look for every event type of the contract', () => {
    expect(Object.keys(leadEventKinds).sort()).toEqual([...leadEventTypes].sort());
  });
});
