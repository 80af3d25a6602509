/**
 * Who is signed in. The `me` query is the source of truth: null means nobody, and any 401 from the
 * API (an expired or ended session) sets it to null, which sends the user back to the login page.
 */
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { Navigate, useLocation } from 'react-router';
import { type LoginInput, login, logout, type MeResponse, meKey, meQuery } from '../api/auth.api.ts';
import { FullPageLoader } from '../components/full-page-loader.tsx';
import { QueryError } from '../components/query-error.tsx';

export function useMe() {
  return useQuery(meQuery);
}

// Read from context, not from the query: when the session ends, <RequireSession> replaces its
// children with a redirect, and they never render without a user.
const SignedInUserContext = createContext<MeResponse | null>(null);

/** The signed-in user; only call below <RequireSession>. */
export function useSignedInUser(): MeResponse {
  const me = useContext(SignedInUserContext);
  if (!me) throw new Error('useSignedInUser must be used below <RequireSession>');
  return me;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => login(input),
    onSuccess: (me) => {
      // A different user may sign in on the same tab: drop everything the previous one loaded.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      queryClient.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      // Messages about the previous user's work do not linger for the next one.
      notifications.clean();
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}

/** Renders its children for a signed-in user; sends anybody else to the login page and back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} fullPage />;
  if (!me.data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/masuk" replace state={from === '/' ? undefined : { from }} />;
  }
  return <SignedInUserContext value={me.data}>{children}</SignedInUserContext>;
}
