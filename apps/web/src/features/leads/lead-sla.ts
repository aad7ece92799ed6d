import type { LeadSummary } from '@baton/api-contract';
import { isAwaitingContact } from './lead-aging';

export type SlaTone = 'ok' | 'warn' | 'late' | 'breached';

/**
 * How urgent a lead's SLA is, from the time left against the SLA's whole length (due − received):
 * more than half left is fine, down to a quarter is slipping, less is late, none is breached. A
 * 5-minute SLA and a 4-hour one turn amber at the same point of their run, not at a fixed minute.
 */
export function slaTone(lead: Pick<LeadSummary, 'receivedAt' | 'slaDueAt'>, now: number): SlaTone {
  if (!lead.slaDueAt) return 'ok';
  const due = Date.parse(lead.slaDueAt);
  const left = due - now;
  if (left <= 0) return 'breached';
  const length = Math.max(1, due - Date.parse(lead.receivedAt));
  const share = left / length;
  if (share > 0.5) return 'ok';
  if (share > 0.25) return 'warn';
  return 'late';
}

/** Milliseconds until the SLA runs out (negative once passed); null without an open SLA. */
export function slaLeftMs(
  lead: Pick<LeadSummary, 'slaDueAt' | 'status' | 'firstContactAt'>,
  now: number,
): number | null {
  if (!lead.slaDueAt || !isAwaitingContact(lead)) return null;
  return Date.parse(lead.slaDueAt) - now;
}
