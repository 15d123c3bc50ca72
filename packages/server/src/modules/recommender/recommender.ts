import type { PresentedForecast, Urgency } from '@nutmeg/api-types';
import {
  normalizeCvx,
  evaluateAndForecast,
  type ForecastInput,
  type ForecastResult,
  type SupportingData,
  type VaccineGroupForecast,
} from '@nutmeg/forecast';
import { defaultSupportingDataDir, loadSupportingDataFromDir, supportingDataDirFor } from '@nutmeg/forecast/node';

/** The loaded CDSi release and the engine over it; loaded once at start, shared by every request. */
export interface VaccineInfo {
  cvx: string;
  name: string;
  /** CDSi vaccine group names ('DTaP/Tdap/Td', 'HepB', 'Polio' for Pediarix). */
  groups: string[];
}

export interface Recommender {
  readonly version: string;
  readonly data: SupportingData;
  readonly loadMs: number;
  forecast(input: ForecastInput): ForecastResult;
  vaccineName(cvx: string): string;
  observationTitle(code: string): string | undefined;
  /** Groups and short name of a CVX code; unknown codes get no group (they still print, under "Other"). */
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
      v = { cvx: key, name: entry?.shortDescription ?? `CVX ${cvx}`, groups: [...groups] };
      catalogue.set(key, v);
    }
    return v;
  };
  return {
    version: data.version,
    data,
    loadMs,
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

export function urgencyOf(f: Pick<VaccineGroupForecast, 'status' | 'earliestDate' | 'pastDueDate'>, asOf: string): Urgency {
  if (f.status === 'Complete' || f.status === 'Immune') return 'complete';
  if (f.status !== 'Not Complete') return 'not_recommended';
  if (f.pastDueDate && asOf >= f.pastDueDate) return 'past_due';
  if (f.earliestDate && asOf >= f.earliestDate) return 'due_now';
  return 'upcoming';
}

/** The forecast as the API and the Recommender panel show it: every group with its urgency, every dose explained. */
export function presentForecast(r: Recommender, result: ForecastResult): PresentedForecast {
  const order: Record<Urgency, number> = { past_due: 0, due_now: 1, upcoming: 2, complete: 3, not_recommended: 4 };
  const groups = result.vaccineGroups
    .map((g) => ({
      ...g,
      urgency: urgencyOf(g, result.assessmentDate),
      recommendedVaccineNames: g.recommendedVaccines.map((v) => `${r.vaccineName(v.cvx)} (CVX ${v.cvx})`),
    }))
    .sort((a, b) => order[a.urgency] - order[b.urgency] || a.vaccineGroup.localeCompare(b.vaccineGroup));
  return {
    assessmentDate: result.assessmentDate,
    supportingDataVersion: result.supportingDataVersion,
    vaccineGroups: groups,
    evaluations: result.evaluations.map((e) => ({
      doseId: e.doseId,
      date: e.date,
      cvx: e.cvx,
      vaccine: r.vaccineName(e.cvx),
      antigen: e.antigen,
      vaccineGroup: r.data.antigenToVaccineGroup.get(e.antigen) ?? e.antigen,
      status: e.status,
      reasons: e.reasons,
      explanation: e.explanation,
      targetDose: e.targetDose,
      series: e.seriesName,
      rulePath: e.rulePath,
    })),
    unmappedDoses: result.unmappedDoses,
  };
}
