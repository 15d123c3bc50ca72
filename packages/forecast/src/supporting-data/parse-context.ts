/**
 * Shared helpers of the supporting data parser: XML paths that are always arrays, the error type
 * naming file and element, and a small typed reader over the parsed XML objects.
 */
import { parseDuration, parseSupportingDate, type Duration } from '../date-arithmetic.ts';
import type { ConditionType, Logic } from './model.ts';
import { parseXml } from './xml.ts';

export type Node = Record<string, unknown>;

export const ARRAY_PATHS = new Set([
  'antigenSupportingData.immunity.clinicalHistory',
  'antigenSupportingData.immunity.dateOfBirth',
  'antigenSupportingData.immunity.dateOfBirth.exclusion',
  'antigenSupportingData.contraindications.vaccineGroup.contraindication',
  'antigenSupportingData.contraindications.vaccine.contraindication',
  'antigenSupportingData.contraindications.vaccine.contraindication.contraindicatedVaccine',
  'antigenSupportingData.series',
  'antigenSupportingData.series.seriesAdminGuidance',
  'antigenSupportingData.series.requiredGender',
  'antigenSupportingData.series.indication',
  'antigenSupportingData.series.seriesDose',
  'antigenSupportingData.series.seriesDose.age',
  'antigenSupportingData.series.seriesDose.interval',
  'antigenSupportingData.series.seriesDose.allowableInterval',
  'antigenSupportingData.series.seriesDose.preferableVaccine',
  'antigenSupportingData.series.seriesDose.allowableVaccine',
  'antigenSupportingData.series.seriesDose.inadvertentVaccine',
  'antigenSupportingData.series.seriesDose.conditionalSkip',
  'antigenSupportingData.series.seriesDose.conditionalSkip.set',
  'antigenSupportingData.series.seriesDose.conditionalSkip.set.condition',
  'scheduleSupportingData.liveVirusConflicts.liveVirusConflict',
  'scheduleSupportingData.vaccineGroups.vaccineGroup',
  'scheduleSupportingData.vaccineGroupToAntigenMap.vaccineGroupMap',
  'scheduleSupportingData.vaccineGroupToAntigenMap.vaccineGroupMap.antigen',
  'scheduleSupportingData.cvxToAntigenMap.cvxMap',
  'scheduleSupportingData.cvxToAntigenMap.cvxMap.association',
  'scheduleSupportingData.observations.observation',
  'scheduleSupportingData.observations.observation.codedValues.codedValue',
]);

/** Error naming the file and element that is missing or malformed. */
export class SupportingDataError extends Error {
  constructor(file: string, element: string, problem: string) {
    super(`Supporting data ${file}: <${element}> ${problem}`);
    this.name = 'SupportingDataError';
  }
}

/** Normalise a CVX code ("08" → "8") so lookups do not depend on zero padding. */
export function normalizeCvx(cvx: string): string {
  const t = cvx.trim();
  return t.replace(/^0+(?=\d)/, '');
}

export class Ctx {
  constructor(readonly file: string) {}
  fail(element: string, problem: string): never {
    throw new SupportingDataError(this.file, element, problem);
  }
  str(n: unknown, key: string): string {
    if (n === null || typeof n !== 'object') return '';
    const v = (n as Node)[key];
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number') return String(v);
    return '';
  }
  req(n: unknown, key: string, where: string): string {
    if (n === null || typeof n !== 'object' || !(key in (n as Node))) this.fail(`${where}/${key}`, 'is missing');
    const v = this.str(n, key);
    if (v === '') this.fail(`${where}/${key}`, 'is empty');
    return v;
  }
  dur(n: unknown, key: string, where: string): Duration | undefined {
    const v = this.str(n, key);
    try {
      return parseDuration(v);
    } catch {
      return this.fail(`${where}/${key}`, `has an unrecognised duration '${v}'`);
    }
  }
  date(n: unknown, key: string, where: string): number | undefined {
    const v = this.str(n, key);
    try {
      return parseSupportingDate(v);
    } catch {
      return this.fail(`${where}/${key}`, `has an unrecognised date '${v}'`);
    }
  }
  objs(n: unknown, key: string): Node[] {
    if (n === null || typeof n !== 'object') return [];
    const v = (n as Node)[key];
    const arr = Array.isArray(v) ? v : v === undefined ? [] : [v];
    return arr.filter((x): x is Node => x !== null && typeof x === 'object');
  }
  obj(n: unknown, key: string): Node | undefined {
    return this.objs(n, key)[0];
  }
  strs(n: unknown, key: string): string[] {
    if (n === null || typeof n !== 'object') return [];
    const v = (n as Node)[key];
    const arr = Array.isArray(v) ? v : v === undefined ? [] : [v];
    return arr
      .filter((x): x is string => typeof x === 'string')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
}

export const yes = (s: string): boolean => /^(y|yes|true)$/i.test(s.trim());

export function cvxList(s: string): string[] {
  return s
    .split(/[;,]/)
    .map((x) => x.trim())
    .filter((x) => x !== '')
    .map(normalizeCvx);
}

export function logic(s: string, ctx: Ctx, where: string): Logic {
  const u = s.trim().toUpperCase();
  if (u === 'AND') return 'AND';
  if (u === 'OR' || u === '' || u === 'N/A') return 'OR';
  return ctx.fail(where, `has unknown logic '${s}'`);
}

export function conditionType(s: string, ctx: Ctx, where: string): ConditionType {
  const l = s.trim().toLowerCase();
  const map: Record<string, ConditionType> = {
    age: 'Age',
    'completed series': 'Completed Series',
    interval: 'Interval',
    'vaccine count by age': 'Vaccine Count by Age',
    'vaccine count by date': 'Vaccine Count by Date',
    'vaccine count by date and age': 'Vaccine Count by Date and Age',
  };
  const t = map[l];
  if (!t) return ctx.fail(where, `has unknown condition type '${s}'`);
  return t;
}

/** Parse an XML document or fail naming the file. */
export function readXml(ctx: Ctx, xml: string, root: string): Node {
  try {
    return parseXml(xml, ARRAY_PATHS) as Node;
  } catch (e) {
    return ctx.fail(root, `is not well-formed XML: ${(e as Error).message}`);
  }
}
