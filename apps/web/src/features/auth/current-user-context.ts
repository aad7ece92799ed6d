import type { CurrentUser } from '@baton/api-contract';
import { createContext, useContext } from 'react';

export const CurrentUserContext = createContext<CurrentUser | null>(null);

/** The signed-in user; only usable below the AuthGate. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (user === null) throw new Error('useCurrentUser() must be used below <AuthGate>');
  return user;
}
