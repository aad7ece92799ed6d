import type { Role } from '@baton/api-contract';
import { NavLink } from 'react-router';
import { useCurrentUser } from '../auth/current-user-context';
import './settings-nav.css';

interface SettingsLink {
  to: string;
  label: string;
  roles: readonly Role[];
}

// Every settings page, in the order an admin sets Baton up; each page shows this bar, and the top
// bar has one Settings entry, so the others are one click away.
const settingsLinks: readonly SettingsLink[] = [
  { to: '/settings/people', label: 'People', roles: ['admin', 'manager'] },
  { to: '/settings/teams', label: 'Teams', roles: ['admin', 'manager'] },
  { to: '/settings/schedules', label: 'Schedules', roles: ['admin', 'manager'] },
  { to: '/settings/sources', label: 'Sources', roles: ['admin', 'manager'] },
  { to: '/settings/general', label: 'General', roles: ['admin', 'manager'] },
  { to: '/settings/audit', label: 'Audit log', roles: ['admin'] },
  { to: '/settings/status', label: 'Status', roles: ['admin', 'manager'] },
];

export function SettingsNav() {
  const { role } = useCurrentUser();
  return (
    <nav aria-label="Settings" className="settings-nav">
      {settingsLinks
        .filter((link) => link.roles.includes(role))
        .map((link) => (
          <NavLink key={link.to} to={link.to} className="settings-nav-link">
            {link.label}
          </NavLink>
        ))}
    </nav>
  );
}
