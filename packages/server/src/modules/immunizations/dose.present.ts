// What a dose row looks like to the API, shared by the record's dose list and the per-source report comparison.
import type { Recommender } from '../recommender/index.ts';
import type { DoseRow } from './dose.repo.ts';

export interface DoseFields {
  id: string;
  kind: 'administered' | 'historical';
  cvx: string;
  vaccine: string;
  date: string;
  lot: string | null;
  lotExpiration: string | null;
  mvx: string | null;
  ndc: string | null;
  volumeMl: number | null;
  fundingSource: string | null;
  vfcEligibility: string | null;
  /** Partial dose, storage problem, recall…: the recommender does not count the dose. */
  doseCondition: string | null;
  route: string | null;
  site: string | null;
  administeredBy: string | null;
  orderingProvider: string | null;
  historicalSource: string | null;
  vis: Array<{ document: string; edition: string; presented: string }>;
}

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
