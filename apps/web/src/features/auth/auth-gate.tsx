import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { ErrorNotice } from '../../ui/error-notice';
import { LoadingState } from '../../ui/loading-state';
import {
  currentUserQueryKey,
  fetchCurrentUser,
  fetchSignInOptions,
  signInOptionsQueryKey,
} from './auth.api';
import { CurrentUserContext } from './current-user-context';
import { LoginPage } from './login.page';

/** Shows the login page until there is a session, then its children with the current user. */
export function AuthGate({ children }: { children: ReactNode }) {
  const me = useQuery({
    queryKey: currentUserQueryKey,
    queryFn: ({ signal }) => fetchCurrentUser(signal),
    staleTime: 5 * 60_000,
  });
  const signInOptions = useQuery({
    queryKey: signInOptionsQueryKey,
    queryFn: ({ signal }) => fetchSignInOptions(signal),
    enabled: me.data === null,
    staleTime: Infinity,
  });

  if (me.isPending) return <LoadingState label="Loading Baton…" fullPage />;
  if (me.isError) {
    return (
      <div className="page-center">
        <ErrorNotice
          title="Baton is not answering"
          message={errorMessage(me.error)}
          onRetry={() => void me.refetch()}
        />
      </div>
    );
  }
  if (me.data === null) {
    if (signInOptions.isPending) return <LoadingState label="Loading Baton…" fullPage />;
    // Without the options (an older API), the password form is the way in.
    return <LoginPage options={signInOptions.data} />;
  }
  return <CurrentUserContext.Provider value={me.data}>{children}</CurrentUserContext.Provider>;
}
