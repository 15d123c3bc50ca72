/**
 * Pure parser for the CDSi Supporting Data XML (AntigenSupportingData-*.xml and
 * ScheduleSupportingData.xml). Input is a map of file name → XML text; output is the typed,
 * validated model with precomputed lookup maps. No I/O here.
 */
import type { Antigen, CvxEntry, LiveVirusConflict, Observation, SupportingData, VaccineGroup } from './model.ts';
import { parseAntigenFile } from './parse-antigen.ts';
import { SupportingDataError } from './parse-context.ts';
import { parseScheduleFile } from './parse-schedule.ts';

export { normalizeCvx, SupportingDataError } from './parse-context.ts';

export interface ParseOptions {
  /** Version label; defaults to the "-NNN" suffix convention or "unknown". */
  version?: string;
}

/**
 * Parse and validate a full set of supporting data files.
 * @param files file name → XML text; must contain ScheduleSupportingData.xml and at least one
 *   AntigenSupportingData file. Other files (e.g. .xsd) are ignored.
 */
export function parseSupportingData(files: Record<string, string>, options: ParseOptions = {}): SupportingData {
  const names = Object.keys(files).sort();
  const scheduleName = names.find((n) => /ScheduleSupportingData.*\.xml$/i.test(n));
  if (!scheduleName) throw new SupportingDataError('ScheduleSupportingData.xml', 'scheduleSupportingData', 'file is missing');
  const antigenNames = names.filter((n) => /AntigenSupportingData.*\.xml$/i.test(n));
  if (antigenNames.length === 0)
    throw new SupportingDataError('AntigenSupportingData-*.xml', 'antigenSupportingData', 'no antigen files were given');
  const schedule = parseScheduleFile(scheduleName, files[scheduleName] ?? '');
  const antigens = new Map<string, Antigen>();
  let seriesCount = 0;
  let doseCount = 0;
  for (const n of antigenNames) {
    const a = parseAntigenFile(n, files[n] ?? '');
    if (antigens.has(a.name)) throw new SupportingDataError(n, 'series/targetDisease', `duplicates antigen '${a.name}'`);
    antigens.set(a.name, a);
    seriesCount += a.series.length;
    for (const s of a.series) doseCount += s.doses.length;
  }
  const vaccineGroups = new Map<string, VaccineGroup>();
  const antigenToVaccineGroup = new Map<string, string>();
  for (const g of schedule.groups) {
    vaccineGroups.set(g.name, g);
    for (const a of g.antigens) antigenToVaccineGroup.set(a, g.name);
  }
  const cvxMap = new Map<string, CvxEntry>();
  for (const c of schedule.cvx) cvxMap.set(c.cvx, c);
  const conflictsByCurrentCvx = new Map<string, LiveVirusConflict[]>();
  for (const c of schedule.conflicts) {
    const list = conflictsByCurrentCvx.get(c.currentCvx) ?? [];
    list.push(c);
    conflictsByCurrentCvx.set(c.currentCvx, list);
  }
  const observations = new Map<string, Observation>();
  for (const o of schedule.observations) observations.set(o.code, o);
  const version = options.version ?? /(\d+\.\d+)/.exec(names.join(' '))?.[1] ?? inferVersion(names);
  return {
    version,
    counts: {
      antigens: antigens.size,
      series: seriesCount,
      targetDoses: doseCount,
      cvxMappings: cvxMap.size,
      vaccineGroups: vaccineGroups.size,
      liveVirusConflicts: schedule.conflicts.length,
      observations: observations.size,
    },
    antigens,
    vaccineGroups,
    antigenToVaccineGroup,
    cvxMap,
    conflictsByCurrentCvx,
    liveVirusConflicts: schedule.conflicts,
    observations,
  };
}

function inferVersion(_names: string[]): string {
  return 'unknown';
}
