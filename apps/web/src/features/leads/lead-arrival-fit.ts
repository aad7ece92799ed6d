import {
  BREACHING_WITHIN_DEFAULT_MINUTES,
  openLeadStatuses,
  type CurrentUser,
  type LeadSummary,
} from '@baton/api-contract';
import type { LeadFilters } from './leads.api';

export type ArrivalFit = 'yes' | 'no' | 'maybe';

const isOpen = (lead: LeadSummary) => (openLeadStatuses as readonly string[]).includes(lead.status);

/**
 * Whether a lead that just arrived belongs in the view on screen, judged from its row as the
 * server's view conditions would (lead-views.sql). "maybe" where the row cannot tell (team
 * membership, the schedule that applies): the inbox asks the server for that one list then.
 */
export function arrivalFit(
  lead: LeadSummary,
  filters: LeadFilters,
  me: Pick<CurrentUser, 'id'>,
  now: number,
): ArrivalFit {
  if (filters.status && lead.status !== filters.status) return 'no';
  if (filters.q) {
    const q = filters.q.toLowerCase();
    const fields = [
      lead.contact.name,
      lead.contact.email,
      lead.contact.company,
      lead.contact.phone,
    ];
    if (!fields.some((f) => f?.toLowerCase().includes(q))) return 'no';
  }
  const view = filters.view ?? 'all';
  if (view === 'spam') return lead.spam ? 'yes' : 'no';
  if (lead.spam) return 'no';
  const yes = (holds: boolean): ArrivalFit => (holds ? 'yes' : 'no');
  switch (view) {
    case 'all':
      return 'yes';
    case 'mine':
      return yes(lead.owner?.id === me.id);
    case 'unassigned':
      return yes(lead.owner === null && isOpen(lead));
    case 'breaching':
      return yes(
        isOpen(lead) &&
          lead.firstContactAt === null &&
          lead.slaDueAt !== null &&
          Date.parse(lead.slaDueAt) - now < BREACHING_WITHIN_DEFAULT_MINUTES * 60_000,
      );
    default:
      return 'maybe';
  }
}
