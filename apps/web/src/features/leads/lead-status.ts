import type { LeadStatus } from '@baton/api-contract';

export const leadStatusLabels: Record<LeadStatus, string> = {
  new: 'New',
  routed: 'Routed',
  assigned: 'Assigned',
  contacted: 'Contacted',
  booked: 'Booked',
  disqualified: 'Disqualified',
  unhandled: 'Unhandled',
  spam: 'Spam',
};
