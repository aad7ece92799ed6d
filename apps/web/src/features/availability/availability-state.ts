import type { Availability } from '@baton/api-contract';
import { formatDateTime } from '../../time/format-date-time';

export type AvailabilityChoice = 'available' | 'away' | 'out_of_office';

/** What the person is, as routing sees it now: out of office wins while its date is ahead (then
 * they are available again by themselves). */
export function currentChoice(a: Availability, now: number): AvailabilityChoice {
  if (a.outOfOfficeUntil && Date.parse(a.outOfOfficeUntil) > now) return 'out_of_office';
  return a.status;
}

export function choiceLabel(a: Availability, now: number): string {
  const choice = currentChoice(a, now);
  if (choice === 'available') return 'Available';
  if (choice === 'away') return 'Away';
  return `Out of office until ${formatDateTime(a.outOfOfficeUntil ?? '')}`;
}

/** The end of the chosen day, in the browser's zone, as an instant: back that next morning. */
export function endOfDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, 23, 59, 59).toISOString();
}
