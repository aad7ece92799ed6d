import { Link, NavLink, Outlet } from 'react-router';
import { AlertBell } from '../features/alerts/alert-bell';
import { AvailabilityMenu } from '../features/availability/availability-menu';
import { useCurrentUser } from '../features/auth/current-user-context';
import { UserMenu } from '../features/auth/user-menu';
import { LiveStatus } from '../features/live-updates/live-status';
import { useLiveUpdates } from '../features/live-updates/use-live-updates';
import { BrandMark } from '../ui/brand-mark';
import { navEntries } from './nav-entries';
import './app-shell.css';

export function AppShell() {
  const user = useCurrentUser();
  const liveMode = useLiveUpdates();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/leads" className="topbar-brand" aria-label="Baton home">
            <BrandMark size={26} />
            <span>Baton</span>
          </Link>
          <nav aria-label="Main" className="topbar-nav">
            {navEntries
              .filter((entry) => !entry.roles || entry.roles.includes(user.role))
              .map((entry) => (
                <NavLink key={entry.to} to={entry.to} className="topbar-nav-link">
                  {entry.label}
                </NavLink>
              ))}
          </nav>
          <div className="topbar-end">
            <LiveStatus mode={liveMode} />
            <AvailabilityMenu />
            <AlertBell />
            <UserMenu user={user} />
          </div>
        </div>
      </header>
      <main id="main" className="shell-main">
        <Outlet />
      </main>
    </div>
  );
}
