// The pages in the top bar. A page that exists gets one line here; nothing else lists them.
export interface NavEntry {
  to: string;
  label: string;
}

export const navEntries: readonly NavEntry[] = [
  { to: '/leads', label: 'Inbox' },
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/flows', label: 'Flows' },
];
