import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { useLocation } from '../../router';
import { useSession } from '../../session';

/**
 * A clinic-tools list (staff, storage units): the clinic's own for its people, the clinic named in
 * ?organizationId= for DPH (nothing is fetched until DPH names one).
 */
export function useClinicToolList<T>(key: string, path: string) {
  const { me } = useSession();
  const { search } = useLocation();
  const organizationId = search.get('organizationId') ?? '';
  const dph = me?.activeScope?.organizationKind === 'dph';
  const q = useQuery({
    queryKey: ['clinic', key, me?.activeScope?.organizationId, organizationId],
    queryFn: () => api.get<T>(`${path}${organizationId ? `?organizationId=${encodeURIComponent(organizationId)}` : ''}`),
    enabled: !dph || !!organizationId,
  });
  return { me, organizationId, dph, q };
}
