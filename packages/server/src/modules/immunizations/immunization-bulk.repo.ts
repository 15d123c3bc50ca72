// Bulk loading of immunization histories (doses, refusals, observations) for people the patients' bulk load
// has just written: one INSERT … SELECT FROM unnest(…) per table per batch (see src/synthetic).

import { Columns, unnestSelect, uuid7 } from '@nutmeg/db';
import type { Dose, Observation, Refusal } from '../patients/index.ts';
import type { Db } from './dose.repo.ts';

export interface BulkHistory {
  patientId: string;
  /** The organization that reported the history (an administered dose may name the clinic that gave it). */
  sourceOrgId: string;
  doses: readonly Dose[];
  refusals: readonly Refusal[];
  observations: readonly Observation[];
}

/** The immunizations' tables a bulk load writes (their indexes may be built after the load). */
export const IMMUNIZATION_BULK_TABLES = ['doses', 'patient_refusals', 'patient_observations'];

const DOSE_TYPES = {
  id: 'uuid',
  master_id: 'uuid',
  patient_id: 'uuid',
  origin_patient_id: 'uuid',
  kind: 'text',
  cvx: 'text',
  mvx: 'text',
  lot: 'text',
  lot_expiration: 'date',
  funding_source: 'text',
  date: 'date',
  volume_ml: 'real',
  site: 'text',
  route: 'text',
  administered_by: 'text',
  ordering_provider: 'text',
  vis: 'jsonb',
  vfc_eligibility: 'text',
  historical_source: 'text',
  source_org_id: 'uuid',
  source_kind: 'text',
} as const;
const REFUSAL_TYPES = {
  patient_id: 'uuid',
  origin_patient_id: 'uuid',
  vaccine_group: 'text',
  date: 'date',
  reason: 'text',
  source_org_id: 'uuid',
  source_kind: 'text',
} as const;
const OBSERVATION_TYPES = {
  patient_id: 'uuid',
  origin_patient_id: 'uuid',
  kind: 'text',
  code: 'text',
  text: 'text',
  date: 'date',
  source_org_id: 'uuid',
  source_kind: 'text',
} as const;

const columnsOf = <T extends Record<string, string>>(types: T) => new Columns(Object.keys(types) as Array<keyof T & string>);

function doseRow(h: BulkHistory, d: Dose) {
  const id = uuid7();
  const common = {
    id,
    master_id: id,
    patient_id: h.patientId,
    origin_patient_id: h.patientId,
    cvx: d.cvx,
    date: d.date,
    source_kind: 'generator',
  };
  if (d.kind === 'historical')
    return { ...common, kind: 'historical', vis: '[]', historical_source: d.source, source_org_id: h.sourceOrgId };
  return {
    ...common,
    kind: 'administered',
    mvx: d.mvx,
    lot: d.lot,
    lot_expiration: d.lotExpiration,
    funding_source: d.fundingSource,
    volume_ml: d.volumeMl,
    site: d.site,
    route: d.route,
    administered_by: d.administeredBy,
    ordering_provider: d.orderingProvider,
    vis: JSON.stringify(d.vis),
    vfc_eligibility: d.vfcEligibility,
    source_org_id: d.clinicId ?? h.sourceOrgId,
  };
}

/** Inserts the histories of a batch of people; returns the number of doses. */
export async function insertHistoriesBulk(db: Db, histories: readonly BulkHistory[]): Promise<number> {
  const doses = columnsOf(DOSE_TYPES);
  const refusals = columnsOf(REFUSAL_TYPES);
  const observations = columnsOf(OBSERVATION_TYPES);
  for (const h of histories) {
    const common = { patient_id: h.patientId, origin_patient_id: h.patientId, source_org_id: h.sourceOrgId, source_kind: 'generator' };
    for (const d of h.doses) doses.push(doseRow(h, d));
    for (const r of h.refusals) refusals.push({ ...common, vaccine_group: r.vaccineGroup, date: r.date, reason: r.reason });
    for (const o of h.observations) observations.push({ ...common, kind: o.kind, code: o.code, text: o.text, date: o.date });
  }
  if (doses.length) await db.insertInto('doses').columns(doses.names).expression(unnestSelect(doses, DOSE_TYPES)).execute();
  if (refusals.length)
    await db.insertInto('patient_refusals').columns(refusals.names).expression(unnestSelect(refusals, REFUSAL_TYPES)).execute();
  if (observations.length)
    await db
      .insertInto('patient_observations')
      .columns(observations.names)
      .expression(unnestSelect(observations, OBSERVATION_TYPES))
      .execute();
  return doses.length;
}
