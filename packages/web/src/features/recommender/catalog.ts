import { useQuery } from '@tanstack/react-query';
import type { ObservationCodeList, RecommenderRelease } from '@nutmeg/api-types';
import { api } from '../../api';

/** The release's CDSi observation codes (about 280): fetched once per session. */
export function useObservationCodes() {
  return useQuery({
    queryKey: ['recommender', 'observations'],
    queryFn: () => api.get<ObservationCodeList>('/api/recommender/observations'),
    staleTime: Infinity,
  });
}

/** The release's CDSi vaccine group names ('DTaP/Tdap/Td', 'MMR', …). */
export function useVaccineGroups() {
  return useQuery({
    queryKey: ['recommender', 'release'],
    queryFn: () => api.get<RecommenderRelease>('/api/recommender'),
    staleTime: Infinity,
    select: (r) => r.vaccineGroups,
  });
}
