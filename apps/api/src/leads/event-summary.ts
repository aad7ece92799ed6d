import type { LeadEventType } from '@baton/api-contract';
import { formatWait } from './format-wait';

type Data = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

// One sentence per event type for the timeline; the structured data stays alongside for details.
const summaries: Record<LeadEventType, (d: Data, actor: string | null) => string> = {
  received: () => 'Lead received',
  duplicate: () => 'The same lead was sent again and folded into this one',
  qualified: (d) => {
    const score =
      typeof d['score'] === 'number'
        ? `Qualified: score ${d['score']}${str(d['intent']) ? `, ${d['intent']}` : ''}`
        : 'Qualified';
    // The heuristic stood in for the model: say so, people should know how the score was made.
    return str(d['fallbackReason']) ? `${score} (${d['fallbackReason']})` : score;
  },
  routed: (d) => str(d['reason']) ?? 'Routed',
  assigned: (d) =>
    `Assigned to ${str(d['ownerName']) ?? 'a rep'}${str(d['reason']) ? ` (${d['reason']})` : ''}`,
  notified: (d) =>
    `Notified ${str(d['recipient']) ?? 'the owner'}${str(d['channel']) ? ` by ${d['channel']}` : ''}`,
  reminded: (d) => `Reminder sent to ${str(d['recipient']) ?? 'the owner'}`,
  breached: (d) =>
    `Speed-to-lead SLA missed${str(d['ownerName']) ? ` by ${d['ownerName']}` : ''}${d['flagged'] === true ? '; the rep is now flagged for repeated breaches' : ''}`,
  escalated: (d) => `Escalated to ${str(d['recipient']) ?? 'the manager'}`,
  reassigned: (d) =>
    `Reassigned to ${str(d['ownerName']) ?? 'another rep'}${str(d['reason']) ? ` (${d['reason']})` : ''}`,
  auto_replied: () => 'Auto-reply sent to the lead',
  claimed: (_d, actor) => `Claimed by ${actor ?? 'a rep'}`,
  acknowledged: (d, actor) => {
    const who = `Acknowledged by ${actor ?? 'a rep'}`;
    const s = d['secondsAfterReceived'];
    return typeof s === 'number' && Number.isFinite(s)
      ? `${who} · ${formatWait(s)} after it arrived`
      : who;
  },
  contacted: (_d, actor) => `Contacted by ${actor ?? 'a rep'}`,
  booked: (d) => `Meeting booked${str(d['startsAt']) ? ` for ${d['startsAt']}` : ''}`,
  disqualified: (d) => `Disqualified${str(d['reason']) ? `: ${d['reason']}` : ''}`,
  unhandled: () => 'Nobody took the lead after every escalation round: parked as unhandled',
  note: (d, actor) => `${actor ?? 'Someone'} noted: ${str(d['text']) ?? ''}`.trim(),
  qualification_corrected: (d, actor) =>
    `Corrected to ${str(d['class']) ?? 'another class'} by ${actor ?? 'someone'}${str(d['note']) ? `: ${d['note']}` : ''}`,
  error: (d) => `Problem: ${str(d['message']) ?? 'an automated step failed'}`,
};

export function summarizeEvent(type: LeadEventType, data: Data, actorName: string | null): string {
  return summaries[type](data, actorName);
}
