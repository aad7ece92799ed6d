import type { Role } from '@baton/api-contract';
import { NavLink } from 'react-router';
import { useCurrentUser } from '../auth/current-user-context';

interface SettingsLink {
  to: string;
  label: string;
  roles: readonly Role[];
}

// The install-wide settings pages; each page shows this bar so the others are one click away.
const settingsLinks: readonly SettingsLink[] = [
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
