// A worker thread of `nutmeg forecast refresh`: loads the CDSi release once, then turns batches of patients'
// inputs into stored forecasts (pure engine work; the main thread reads and writes the database).
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateAndForecast, type SeasonDates } from '@nutmeg/forecast';
import { loadSupportingDataFromDir } from '@nutmeg/forecast/node';
import { toStoredForecast } from '@nutmeg/server/stored-forecast';
import type { PatientForecastInput } from '@nutmeg/server/recommender';

export interface WorkerBatch {
  id: number;
  assessmentDate: string;
  seasons: SeasonDates[];
  patients: Array<[string, PatientForecastInput]>;
}

const data = loadSupportingDataFromDir((workerData as { dir: string }).dir);
parentPort!.on('message', (batch: WorkerBatch) => {
  const forecasts = batch.patients.map(([id, input]) =>
    toStoredForecast(
      id,
      evaluateAndForecast({ ...input, assessmentDate: batch.assessmentDate, seasons: batch.seasons }, data),
      data.antigenToVaccineGroup,
    ),
  );
  parentPort!.postMessage({ id: batch.id, forecasts });
});
