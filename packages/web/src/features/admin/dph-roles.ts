import { useQuery } from '@tanstack/react-query';
import type { DphRoleView, RequestOptions } from '@nutmeg/api-types';
import { api } from '../../api';

/** DPH's roles with their labels, as the server's access model defines them (read from the request options). */
export function useDphRoles(): DphRoleView[] {
  const options = useQuery({
    queryKey: ['account-request-options'],
    queryFn: () => api.get<RequestOptions>('/api/account-requests/options'),
  });
  return options.data?.dphRoles ?? [];
}
