import type { LeadEventType } from '@baton/api-contract';
import type { IconName } from '../../ui/icon';

export type EventTone = 'neutral' | 'info' | 'good' | 'warn' | 'bad';

export interface LeadEventKind {
  label: string;
  icon: IconName;
  tone: EventTone;
}

// How each event type looks on the timeline. Typed by the contract's event types, so a new
// type fails the build until it gets a line here.
export const leadEventKinds: Record<LeadEventType, LeadEventKind> = {
  received: { label: 'Received', icon: 'inbox', tone: 'info' },
  duplicate: { label: 'Duplicate', icon: 'copy', tone: 'neutral' },
  qualified: { label: 'Qualified', icon: 'star', tone: 'info' },
  routed: { label: 'Routed', icon: 'branch', tone: 'info' },
  assigned: { label: 'Assigned', icon: 'userCheck', tone: 'info' },
  notified: { label: 'Notified', icon: 'bell', tone: 'neutral' },
  reminded: { label: 'Reminder', icon: 'clock', tone: 'warn' },
  breached: { label: 'SLA missed', icon: 'clock', tone: 'bad' },
  escalated: { label: 'Escalated', icon: 'alertTriangle', tone: 'warn' },
  reassigned: { label: 'Reassigned', icon: 'repeat', tone: 'warn' },
  auto_replied: { label: 'Auto-reply', icon: 'send', tone: 'neutral' },
  claimed: { label: 'Claimed', icon: 'userPlus', tone: 'info' },
  acknowledged: { label: 'Acknowledged', icon: 'userCheck', tone: 'good' },
  contacted: { label: 'Contacted', icon: 'phone', tone: 'good' },
  booked: { label: 'Booked', icon: 'calendar', tone: 'good' },
  disqualified: { label: 'Disqualified', icon: 'xCircle', tone: 'neutral' },
  unhandled: { label: 'Unhandled', icon: 'alertOctagon', tone: 'bad' },
  note: { label: 'Note', icon: 'message', tone: 'neutral' },
  qualification_corrected: { label: 'Qualification corrected', icon: 'star', tone: 'neutral' },
  error: { label: 'Error', icon: 'alertCircle', tone: 'bad' },
};
