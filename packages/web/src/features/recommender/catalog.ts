import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export interface ObservationCode {
  code: string;
  title: string;
  group: string;
}

/** The release's CDSi observation codes (about 280): fetched once per session. */
export function useObservationCodes() {
  return useQuery({
    queryKey: ['recommender', 'observations'],
    queryFn: () => api.get<{ observations: ObservationCode[] }>('/api/recommender/observations'),
    staleTime: Infinity,
  });
}

/** The release's CDSi vaccine group names ('DTaP/Tdap/Td', 'MMR', …). */
export function useVaccineGroups() {
  return useQuery({
    queryKey: ['recommender', 'release'],
    queryFn: () => api.get<{ supportingDataVersion: string; vaccineGroups: string[] }>('/api/recommender'),
    staleTime: Infinity,
    select: (r) => r.vaccineGroups,
  });
}
