import type { CurrentUser } from '@baton/api-contract';
import { NavLink } from 'react-router';
import { errorMessage } from '../../api/api-request-error';
import { Icon } from '../../ui/icon';
import { useSignOut } from './use-sign-out';

const roleLabels: Record<CurrentUser['role'], string> = {
  admin: 'Admin',
  manager: 'Manager',
  rep: 'Rep',
};

export function UserMenu({ user }: { user: CurrentUser }) {
  const signOut = useSignOut();
  return (
    <div className="user-menu">
      <div className="user-menu-identity" title={user.email}>
        <span className="user-menu-name">{user.name}</span>
        <span className="user-menu-role">{roleLabels[user.role]}</span>
      </div>
      <NavLink
        to="/settings/tokens"
        className="user-menu-icon-link"
        aria-label="API tokens"
        title="API tokens: call the API from scripts as you"
      >
        <Icon name="key" size={18} />
      </NavLink>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
      >
        {signOut.isPending ? 'Signing out…' : 'Sign out'}
      </button>
      {signOut.isError && (
        <span role="alert" className="user-menu-error">
          {errorMessage(signOut.error)}
        </span>
      )}
    </div>
  );
}
