import { cvx as cdcCvx } from '@nutmeg/codes';
import { normalizeCvx, evaluateAndForecast, type ForecastInput, type ForecastResult, type SupportingData } from '@nutmeg/forecast';
import { defaultSupportingDataDir, loadSupportingDataFromDir, supportingDataDirFor } from '@nutmeg/forecast/node';
import { releaseSeasons, type ReleaseSeason } from './season.ts';

/** The loaded CDSi release and the engine over it; loaded once at start, shared by every request. */
export interface VaccineInfo {
  /** The engine's key: CVX without leading zeros ('8'), as the forecaster normalises it. */
  cvx: string;
  /** CDC's short name of the CVX (@nutmeg/codes), the one name a vaccine has everywhere. */
  name: string;
  /** CDSi vaccine group names ('DTaP/Tdap/Td', 'HepB', 'Polio' for Pediarix). */
  groups: string[];
}

export interface Recommender {
  readonly version: string;
  readonly data: SupportingData;
  readonly loadMs: number;
  /** The season the release describes for each seasonal vaccine group (influenza, COVID-19). */
  readonly seasons: ReadonlyMap<string, ReleaseSeason>;
  forecast(input: ForecastInput): ForecastResult;
  vaccineName(cvx: string): string;
  observationTitle(code: string): string | undefined;
  /** CDSi groups and CDC short name of a CVX code; unknown codes get no group (they still print, under "Other"). */
  vaccineInfo(cvx: string): VaccineInfo;
}

export function createRecommender(dir: string = defaultSupportingDataDir()): Recommender {
  const started = performance.now();
  const data = loadSupportingDataFromDir(dir);
  const loadMs = Math.round(performance.now() - started);
  const catalogue = new Map<string, VaccineInfo>();
  const vaccineInfo = (cvx: string): VaccineInfo => {
    const key = normalizeCvx(cvx);
    let v = catalogue.get(key);
    if (!v) {
      const entry = data.cvxMap.get(key);
      const groups = new Set<string>();
      for (const a of entry?.associations ?? []) {
        const g = data.antigenToVaccineGroup.get(a.antigen);
        if (g) groups.add(g);
      }
      // Groups are CDSi data (what the forecast counts a dose for); the name is CDC's, from the code set.
      v = { cvx: key, name: cdcCvx(cvx)?.shortName ?? entry?.shortDescription ?? `CVX ${cvx}`, groups: [...groups] };
      catalogue.set(key, v);
    }
    return v;
  };
  return {
    version: data.version,
    data,
    loadMs,
    seasons: releaseSeasons(data),
    forecast: (input) => evaluateAndForecast(input, data),
    vaccineName: (cvx) => vaccineInfo(cvx).name,
    vaccineInfo,
    observationTitle: (code) => data.observations.get(code)?.title,
  };
}

/** The supporting-data folder a configuration names: CDSI_DATA_DIR, else the shipped CDSI_RELEASE. */
export function supportingDataDirOf(config: { CDSI_RELEASE: string; CDSI_DATA_DIR?: string | undefined }): string {
  return config.CDSI_DATA_DIR ?? supportingDataDirFor(config.CDSI_RELEASE);
}

const loaded = new Map<string, Recommender>();
/** One recommender per supporting-data folder per process (tests start many servers). */
export function sharedRecommender(dir: string = defaultSupportingDataDir()): Recommender {
  let r = loaded.get(dir);
  if (!r) {
    r = createRecommender(dir);
    loaded.set(dir, r);
  }
  return r;
}
