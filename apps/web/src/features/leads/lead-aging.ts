import type { LeadStatus, LeadSummary } from '@baton/api-contract';

export type AgingTone = 'ok' | 'warn' | 'late';

const minute = 60_000;
/** Up to 5 min is fast, up to 30 min is slipping, beyond that the lead is going cold. */
export const agingThresholds = { warnAfterMs: 5 * minute, lateAfterMs: 30 * minute };

const finishedStatuses: ReadonlySet<LeadStatus> = new Set([
  'contacted',
  'booked',
  'disqualified',
  'spam',
]);

/** Lead aging applies to leads nobody has contacted yet and that still expect contact. */
export function isAwaitingContact(lead: Pick<LeadSummary, 'status' | 'firstContactAt'>): boolean {
  return lead.firstContactAt === null && !finishedStatuses.has(lead.status);
}

export function agingTone(ms: number): AgingTone {
  if (ms >= agingThresholds.lateAfterMs) return 'late';
  if (ms >= agingThresholds.warnAfterMs) return 'warn';
  return 'ok';
}

/** Lead aging: now − received. */
export function leadAgeMs(lead: Pick<LeadSummary, 'receivedAt'>, now: number): number {
  return Math.max(0, now - Date.parse(lead.receivedAt));
}

/** Speed to lead: first human contact − received, or null before contact. */
export function speedToLeadMs(
  lead: Pick<LeadSummary, 'receivedAt' | 'firstContactAt'>,
): number | null {
  return lead.firstContactAt === null
    ? null
    : Date.parse(lead.firstContactAt) - Date.parse(lead.receivedAt);
}
