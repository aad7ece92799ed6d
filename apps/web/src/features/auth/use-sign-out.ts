import { useMutation, useQueryClient } from '@tanstack/react-query';
import { currentUserQueryKey, signOut } from './auth.api';

/** Ends the session and forgets every cached answer that belonged to it. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      queryClient.removeQueries({
        predicate: (query) => query.queryKey[0] !== currentUserQueryKey[0],
      });
      queryClient.setQueryData(currentUserQueryKey, null);
    },
  });
}
