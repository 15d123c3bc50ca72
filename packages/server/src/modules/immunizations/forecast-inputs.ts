// The forecast store's loader (injected into the recommender's refresh jobs by the composition root): the engine
// input of many patients at once, read in the refresh's transaction.
import type { Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import type { PatientForecastInput } from '../recommender/index.ts';
import { forecastDemographicsOf } from '../patients/index.ts';
import { liveDosesOfPatients, type DoseRow } from './dose.repo.ts';
import { forecastInputOf } from './immunization.service.ts';
import { liveObservationsOfPatients } from './note.repo.ts';

function groupBy<T extends { patient_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.patient_id);
    if (list) list.push(r);
    else out.set(r.patient_id, [r]);
  }
  return out;
}

/** Engine inputs of the live records among `patientIds` (merged-away ones are absent from the map). */
export async function loadForecastInputs(db: Kysely<Database>, patientIds: readonly string[]): Promise<Map<string, PatientForecastInput>> {
  const [people, doses, observations] = await Promise.all([
    forecastDemographicsOf(db, patientIds),
    liveDosesOfPatients(db, patientIds),
    liveObservationsOfPatients(db, patientIds),
  ]);
  const dosesOf = groupBy<DoseRow>(doses);
  const obsOf = groupBy(observations);
  const out = new Map<string, PatientForecastInput>();
  for (const p of people) {
    out.set(
      p.id,
      forecastInputOf({ dob: p.dob, sex: p.sex, birth_country: p.birthCountry }, dosesOf.get(p.id) ?? [], obsOf.get(p.id) ?? []),
    );
  }
  return out;
}
