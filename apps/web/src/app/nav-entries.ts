import type { Role } from '@baton/api-contract';

// The pages in the top bar. A page that exists gets one line here; nothing else lists them.
export interface NavEntry {
  to: string;
  label: string;
  /** Only these roles see it (the API refuses the rest anyway); everyone when absent. */
  roles?: readonly Role[];
}

export const navEntries: readonly NavEntry[] = [
  { to: '/leads', label: 'Inbox' },
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/flows', label: 'Flows' },
  // People, teams, schedules, sources and install settings: one entry, their own sub-navigation.
  { to: '/settings', label: 'Settings', roles: ['admin', 'manager'] },
];
