import type { AlertKind } from '@baton/api-contract';
import type { IconName } from '../../ui/icon';

/** How each kind of alert reads in the bell: a short label, an icon and how loud it is. */
export const alertKindLooks: Record<
  AlertKind,
  { label: string; icon: IconName; tone: 'info' | 'warn' | 'danger' }
> = {
  new_lead: { label: 'New lead', icon: 'inbox', tone: 'info' },
  reminder: { label: 'Reminder', icon: 'clock', tone: 'warn' },
  escalation: { label: 'Escalation', icon: 'alertTriangle', tone: 'danger' },
  unhandled: { label: 'Unhandled', icon: 'alertOctagon', tone: 'danger' },
  flagged: { label: 'Repeated breaches', icon: 'alertCircle', tone: 'warn' },
  message: { label: 'Message', icon: 'send', tone: 'info' },
  step_failed: { label: 'Step failed', icon: 'xCircle', tone: 'danger' },
};
