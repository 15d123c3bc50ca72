import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@nutmeg/api-types';
import { ApiError, api, setCsrfToken } from './api';

export type { Me, Membership, ModuleName } from '@nutmeg/api-types';

interface SessionValue {
  me: Me | null;
  loading: boolean;
  refresh(): Promise<void>;
  can(permission: string): boolean;
}

const SessionContext = createContext<SessionValue>({ me: null, loading: true, refresh: async () => {}, can: () => false });

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        const me = await api.get<Me>('/api/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: 60_000,
  });
  const me = q.data ?? null;
  const value: SessionValue = {
    me,
    // Also while re-fetching: after sign-in the page navigates before React re-renders with the new user,
    // and a stale "signed out" must not redirect back to the sign-in page.
    loading: q.isLoading || q.isFetching,
    refresh: async () => {
      await qc.invalidateQueries();
    },
    can: (p) => !!me && me.stage === 'active' && me.permissions.includes(p),
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  return useContext(SessionContext);
}
