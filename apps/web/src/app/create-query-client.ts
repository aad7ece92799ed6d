import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiRequestError } from '../api/api-request-error';
import { currentUserQueryKey } from '../features/auth/auth.api';

/** Retry only what can heal by itself: network failures and 5xx, not 4xx answers. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiRequestError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  // A 401 anywhere means the session ended (expired, signed out in another tab): show the login page.
  const onError = (error: unknown) => {
    if (isApiRequestError(error, 401)) queryClient.setQueryData(currentUserQueryKey, null);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { staleTime: 10_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
