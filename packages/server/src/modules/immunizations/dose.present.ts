// What a dose row looks like to the API, shared by the record's dose list and the per-source report comparison.
import type { DoseFields } from '@nutmeg/api-types';
import type { Recommender } from '../recommender/index.ts';
import type { DoseRow } from './dose.repo.ts';

export function doseFields(recommender: Pick<Recommender, 'vaccineInfo'>, d: DoseRow): DoseFields {
  return {
    id: d.id,
    kind: d.kind,
    cvx: d.cvx,
    vaccine: recommender.vaccineInfo(d.cvx).name,
    date: d.date,
    lot: d.lot,
    lotExpiration: d.lot_expiration,
    mvx: d.mvx,
    ndc: d.ndc,
    volumeMl: d.volume_ml,
    fundingSource: d.funding_source,
    vfcEligibility: d.vfc_eligibility,
    doseCondition: d.dose_condition,
    route: d.route,
    site: d.site,
    administeredBy: d.administered_by,
    orderingProvider: d.ordering_provider,
    historicalSource: d.historical_source,
    vis: d.vis,
  };
}
