/**
 * Pure parser for the CDSi Supporting Data XML (AntigenSupportingData-*.xml and
 * ScheduleSupportingData.xml). Input is a map of file name → XML text; output is the typed,
 * validated model with precomputed lookup maps. No I/O here.
 */
import { parseXml } from './xml.ts';
import { parseDuration, parseSupportingDate, type Duration } from '../date-arithmetic.ts';
import type {
  AgeSpec,
  Antigen,
  AntigenContraindication,
  AntigenSeries,
  ConditionalSkip,
  ConditionType,
  CvxEntry,
  Immunity,
  Indication,
  IntervalSpec,
  LiveVirusConflict,
  Logic,
  Observation,
  SeriesDose,
  SeriesType,
  SeriesVaccine,
  SkipCondition,
  SkipContext,
  SkipSet,
  SupportingData,
  VaccineContraindication,
  VaccineGroup,
} from './model.ts';

type Node = Record<string, unknown>;

const ARRAY_PATHS = new Set([
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

class Ctx {
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
    } catch (e) {
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
    return arr.filter((x): x is string => typeof x === 'string').map((s) => s.trim()).filter((s) => s !== '');
  }
}

const yes = (s: string): boolean => /^(y|yes|true)$/i.test(s.trim());

function cvxList(s: string): string[] {
  return s
    .split(/[;,]/)
    .map((x) => x.trim())
    .filter((x) => x !== '')
    .map(normalizeCvx);
}

function logic(s: string, ctx: Ctx, where: string): Logic {
  const u = s.trim().toUpperCase();
  if (u === 'AND') return 'AND';
  if (u === 'OR' || u === '' || u === 'N/A') return 'OR';
  return ctx.fail(where, `has unknown logic '${s}'`);
}

function conditionType(s: string, ctx: Ctx, where: string): ConditionType {
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

function parseVaccine(ctx: Ctx, n: Node, where: string, preferable: boolean): SeriesVaccine | undefined {
  const cvx = ctx.str(n, 'cvx');
  if (cvx === '') return undefined;
  const vol = ctx.str(n, 'volume');
  const v: SeriesVaccine = {
    vaccineType: ctx.str(n, 'vaccineType'),
    cvx: normalizeCvx(cvx),
    beginAge: ctx.dur(n, 'beginAge', where),
    endAge: ctx.dur(n, 'endAge', where),
    tradeName: ctx.str(n, 'tradeName') || undefined,
    mvx: ctx.str(n, 'mvx') || undefined,
    volume: vol !== '' && !Number.isNaN(Number(vol)) ? Number(vol) : undefined,
    forecastVaccineType: preferable && yes(ctx.str(n, 'forecastVaccineType')),
  };
  return v;
}

function parseInterval(ctx: Ctx, n: Node, where: string): IntervalSpec | undefined {
  const fromPrevious = yes(ctx.str(n, 'fromPrevious'));
  const ftd = ctx.str(n, 'fromTargetDose');
  const fmr = ctx.str(n, 'fromMostRecent');
  const obsNode = ctx.obj(n, 'fromRelevantObs');
  const obsCode = obsNode ? ctx.str(obsNode, 'code') : '';
  const hasAny = ['absMinInt', 'minInt', 'earliestRecInt', 'latestRecInt'].some((k) => ctx.str(n, k) !== '');
  if (!fromPrevious && ftd === '' && fmr === '' && obsCode === '' && !hasAny) return undefined;
  return {
    fromPrevious,
    fromTargetDose: ftd !== '' && /^\d+$/.test(ftd) ? Number(ftd) : undefined,
    fromMostRecent: fmr !== '' ? cvxList(fmr) : undefined,
    fromRelevantObs: obsCode !== '' ? { code: obsCode, text: obsNode ? ctx.str(obsNode, 'text') : '' } : undefined,
    absMinInt: ctx.dur(n, 'absMinInt', where),
    minInt: ctx.dur(n, 'minInt', where),
    earliestRecInt: ctx.dur(n, 'earliestRecInt', where),
    latestRecInt: ctx.dur(n, 'latestRecInt', where),
    priority: /^(y|yes|override)$/i.test(ctx.str(n, 'intervalPriority')),
    effectiveDate: ctx.date(n, 'effectiveDate', where),
    cessationDate: ctx.date(n, 'cessationDate', where),
  };
}

function parseSkip(ctx: Ctx, n: Node, where: string): ConditionalSkip | undefined {
  const contextRaw = ctx.str(n, 'context');
  const sets = ctx.objs(n, 'set');
  if (sets.length === 0) return undefined;
  const cl = contextRaw.toLowerCase();
  const context: SkipContext = cl === 'evaluation' ? 'Evaluation' : cl === 'forecast' ? 'Forecast' : cl === 'both' ? 'Both' : ctx.fail(`${where}/context`, `has unknown context '${contextRaw}'`);
  const parsedSets: SkipSet[] = sets.map((s, si) => {
    const sw = `${where}/set[${si + 1}]`;
    const conditions: SkipCondition[] = ctx.objs(s, 'condition').map((c, ci) => {
      const cw = `${sw}/condition[${ci + 1}]`;
      const dt = ctx.str(c, 'doseType').toLowerCase();
      const dcl = ctx.str(c, 'doseCountLogic').toLowerCase();
      const dc = ctx.str(c, 'doseCount');
      return {
        id: ctx.str(c, 'conditionID'),
        type: conditionType(ctx.req(c, 'conditionType', cw), ctx, `${cw}/conditionType`),
        startDate: ctx.date(c, 'startDate', cw),
        endDate: ctx.date(c, 'endDate', cw),
        beginAge: ctx.dur(c, 'beginAge', cw),
        endAge: ctx.dur(c, 'endAge', cw),
        interval: ctx.dur(c, 'interval', cw),
        doseCount: dc !== '' ? Number(dc) : undefined,
        doseType: dt === 'valid' ? 'Valid' : 'Total',
        doseCountLogic: dcl.startsWith('greater') ? 'greater than' : dcl.startsWith('less') ? 'less than' : 'equal to',
        vaccineTypes: new Set(cvxList(ctx.str(c, 'vaccineTypes'))),
        seriesGroups: ctx
          .str(c, 'seriesGroups')
          .split(/[;,]/)
          .map((x) => x.trim())
          .filter((x) => x !== ''),
      };
    });
    return {
      id: ctx.str(s, 'setID'),
      description: ctx.str(s, 'setDescription'),
      effectiveDate: ctx.date(s, 'effectiveDate', sw),
      cessationDate: ctx.date(s, 'cessationDate', sw),
      conditionLogic: logic(ctx.str(s, 'conditionLogic'), ctx, `${sw}/conditionLogic`),
      conditions,
    };
  });
  return { context, setLogic: logic(ctx.str(n, 'setLogic'), ctx, `${where}/setLogic`), sets: parsedSets };
}

function parseSeriesDose(ctx: Ctx, n: Node, where: string): SeriesDose {
  const dn = ctx.req(n, 'doseNumber', where);
  const m = /(\d+)/.exec(dn);
  if (!m) ctx.fail(`${where}/doseNumber`, `is not a dose number: '${dn}'`);
  const w = `${where}[${dn}]`;
  const ages: AgeSpec[] = ctx.objs(n, 'age').map((a) => ({
    absMinAge: ctx.dur(a, 'absMinAge', `${w}/age`),
    minAge: ctx.dur(a, 'minAge', `${w}/age`),
    earliestRecAge: ctx.dur(a, 'earliestRecAge', `${w}/age`),
    latestRecAge: ctx.dur(a, 'latestRecAge', `${w}/age`),
    maxAge: ctx.dur(a, 'maxAge', `${w}/age`),
    effectiveDate: ctx.date(a, 'effectiveDate', `${w}/age`),
    cessationDate: ctx.date(a, 'cessationDate', `${w}/age`),
  }));
  const intervals = ctx
    .objs(n, 'interval')
    .map((i) => parseInterval(ctx, i, `${w}/interval`))
    .filter((x): x is IntervalSpec => x !== undefined);
  const allowableIntervals = ctx
    .objs(n, 'allowableInterval')
    .map((i) => parseInterval(ctx, i, `${w}/allowableInterval`))
    .filter((x): x is IntervalSpec => x !== undefined);
  const pv = ctx
    .objs(n, 'preferableVaccine')
    .map((v) => parseVaccine(ctx, v, `${w}/preferableVaccine`, true))
    .filter((x): x is SeriesVaccine => x !== undefined);
  const av = ctx
    .objs(n, 'allowableVaccine')
    .map((v) => parseVaccine(ctx, v, `${w}/allowableVaccine`, false))
    .filter((x): x is SeriesVaccine => x !== undefined);
  const inadvertent = new Set(
    ctx
      .objs(n, 'inadvertentVaccine')
      .map((v) => ctx.str(v, 'cvx'))
      .filter((c) => c !== '')
      .map(normalizeCvx),
  );
  const skips = ctx
    .objs(n, 'conditionalSkip')
    .map((s) => parseSkip(ctx, s, `${w}/conditionalSkip`))
    .filter((x): x is ConditionalSkip => x !== undefined);
  const seasonalNode = ctx.obj(n, 'seasonalRecommendation');
  const seasonal = seasonalNode
    ? { startDate: ctx.date(seasonalNode, 'startDate', `${w}/seasonalRecommendation`), endDate: ctx.date(seasonalNode, 'endDate', `${w}/seasonalRecommendation`) }
    : undefined;
  return {
    doseNumber: Number(m[1]),
    ages,
    intervals,
    allowableIntervals,
    preferableVaccines: pv,
    allowableVaccines: av,
    inadvertentVaccines: inadvertent,
    conditionalSkips: skips,
    recurring: yes(ctx.str(n, 'recurringDose')),
    seasonal: seasonal && (seasonal.startDate !== undefined || seasonal.endDate !== undefined) ? seasonal : undefined,
  };
}

function seriesType(s: string, ctx: Ctx, where: string): SeriesType {
  const l = s.toLowerCase();
  if (l === 'standard') return 'Standard';
  if (l === 'risk') return 'Risk';
  if (l === 'evaluation only') return 'Evaluation Only';
  return ctx.fail(where, `has unknown series type '${s}'`);
}

function parseSeries(ctx: Ctx, n: Node, idx: number): AntigenSeries {
  const where = `series[${idx + 1}]`;
  const name = ctx.req(n, 'seriesName', where);
  const w = `series '${name}'`;
  const sel = ctx.obj(n, 'selectSeries');
  if (!sel) ctx.fail(`${w}/selectSeries`, 'is missing');
  const indications: Indication[] = ctx
    .objs(n, 'indication')
    .map((i) => {
      const oc = ctx.obj(i, 'observationCode');
      return {
        code: oc ? ctx.str(oc, 'code') : '',
        text: oc ? ctx.str(oc, 'text') : '',
        description: ctx.str(i, 'description'),
        beginAge: ctx.dur(i, 'beginAge', `${w}/indication`),
        endAge: ctx.dur(i, 'endAge', `${w}/indication`),
        guidance: ctx.str(i, 'guidance'),
      };
    })
    .filter((i) => i.code !== '');
  const doses = ctx.objs(n, 'seriesDose').map((d) => parseSeriesDose(ctx, d, `${w}/seriesDose`));
  if (doses.length === 0) ctx.fail(`${w}/seriesDose`, 'is missing');
  const pref = ctx.str(sel, 'seriesPreference');
  return {
    name,
    antigen: ctx.req(n, 'targetDisease', w),
    vaccineGroup: ctx.req(n, 'vaccineGroup', w),
    adminGuidance: ctx.strs(n, 'seriesAdminGuidance'),
    type: seriesType(ctx.req(n, 'seriesType', w), ctx, `${w}/seriesType`),
    equivalentSeriesGroups: ctx
      .str(n, 'equivalentSeriesGroups')
      .split(/[;,]/)
      .map((x) => x.trim())
      .filter((x) => x !== '' && x.toLowerCase() !== 'n/a'),
    requiredGenders: ctx.strs(n, 'requiredGender'),
    defaultSeries: yes(ctx.str(sel, 'defaultSeries')),
    productPath: yes(ctx.str(sel, 'productPath')),
    seriesGroupName: ctx.str(sel, 'seriesGroupName'),
    seriesGroup: ctx.req(sel, 'seriesGroup', `${w}/selectSeries`),
    seriesPriority: ctx.str(sel, 'seriesPriority') || 'A',
    seriesPreference: pref !== '' ? Number(pref) : 1,
    minAgeToStart: ctx.dur(sel, 'minAgeToStart', `${w}/selectSeries`),
    maxAgeToStart: ctx.dur(sel, 'maxAgeToStart', `${w}/selectSeries`),
    indications,
    doses,
  };
}

function parseAntigenFile(file: string, xml: string): Antigen {
  const ctx = new Ctx(file);
  let doc: Node;
  try {
    doc = parseXml(xml, ARRAY_PATHS) as Node;
  } catch (e) {
    return ctx.fail('antigenSupportingData', `is not well-formed XML: ${(e as Error).message}`);
  }
  const root = ctx.obj(doc, 'antigenSupportingData');
  if (!root) ctx.fail('antigenSupportingData', 'root element is missing');
  const imm = ctx.obj(root, 'immunity');
  const immunity: Immunity = {
    clinicalHistory: ctx.objs(imm, 'clinicalHistory').map((c) => ({ code: ctx.str(c, 'guidelineCode'), title: ctx.str(c, 'guidelineTitle') })).filter((c) => c.code !== ''),
    dateOfBirth: ctx
      .objs(imm, 'dateOfBirth')
      .filter((d) => ctx.str(d, 'immunityBirthDate') !== '')
      .map((d) => ({
        immunityBirthDate: ctx.date(d, 'immunityBirthDate', 'immunity/dateOfBirth') as number,
        birthCountry: ctx.str(d, 'birthCountry'),
        exclusions: ctx.objs(d, 'exclusion').map((x) => ({ code: ctx.str(x, 'exclusionCode'), title: ctx.str(x, 'exclusionTitle') })).filter((x) => x.code !== ''),
      })),
  };
  if (!root || !('contraindications' in root)) ctx.fail('contraindications', 'is missing');
  const ci = ctx.obj(root, 'contraindications');
  const antigenCis: AntigenContraindication[] = ctx.objs(ctx.obj(ci, 'vaccineGroup'), 'contraindication').map((c) => ({
    code: ctx.req(c, 'observationCode', 'contraindications/vaccineGroup/contraindication'),
    title: ctx.str(c, 'observationTitle'),
    text: ctx.str(c, 'contraindicationText'),
    guidance: ctx.str(c, 'contraindicationGuidance'),
    beginAge: ctx.dur(c, 'beginAge', 'contraindication'),
    endAge: ctx.dur(c, 'endAge', 'contraindication'),
  }));
  const vaccineCis: VaccineContraindication[] = ctx.objs(ctx.obj(ci, 'vaccine'), 'contraindication').map((c) => ({
    code: ctx.req(c, 'observationCode', 'contraindications/vaccine/contraindication'),
    title: ctx.str(c, 'observationTitle'),
    text: ctx.str(c, 'contraindicationText'),
    guidance: ctx.str(c, 'contraindicationGuidance'),
    vaccines: ctx.objs(c, 'contraindicatedVaccine').map((v) => ({
      vaccineType: ctx.str(v, 'vaccineType'),
      cvx: normalizeCvx(ctx.req(v, 'cvx', 'contraindicatedVaccine')),
      beginAge: ctx.dur(v, 'beginAge', 'contraindicatedVaccine'),
      endAge: ctx.dur(v, 'endAge', 'contraindicatedVaccine'),
    })),
  }));
  const seriesNodes = ctx.objs(root, 'series');
  if (seriesNodes.length === 0) ctx.fail('series', 'is missing (at least one series is required)');
  const series = seriesNodes.map((s, i) => parseSeries(ctx, s, i));
  const name = series[0]?.antigen ?? ctx.fail('series/targetDisease', 'is missing');
  return { name, fileName: file, immunity, antigenContraindications: antigenCis, vaccineContraindications: vaccineCis, series };
}

interface ScheduleParts {
  conflicts: LiveVirusConflict[];
  groups: VaccineGroup[];
  cvx: CvxEntry[];
  observations: Observation[];
}

function parseScheduleFile(file: string, xml: string): ScheduleParts {
  const ctx = new Ctx(file);
  let doc: Node;
  try {
    doc = parseXml(xml, ARRAY_PATHS) as Node;
  } catch (e) {
    return ctx.fail('scheduleSupportingData', `is not well-formed XML: ${(e as Error).message}`);
  }
  const root = ctx.obj(doc, 'scheduleSupportingData');
  if (!root) ctx.fail('scheduleSupportingData', 'root element is missing');
  const lvc = ctx.obj(root, 'liveVirusConflicts');
  if (!lvc) ctx.fail('liveVirusConflicts', 'is missing');
  const conflicts = ctx.objs(lvc, 'liveVirusConflict').map((c, i) => {
    const w = `liveVirusConflict[${i + 1}]`;
    const prev = ctx.obj(c, 'previous');
    const cur = ctx.obj(c, 'current');
    if (!prev) ctx.fail(`${w}/previous`, 'is missing');
    if (!cur) ctx.fail(`${w}/current`, 'is missing');
    return {
      previousVaccineType: ctx.str(prev, 'vaccineType'),
      previousCvx: normalizeCvx(ctx.req(prev, 'cvx', `${w}/previous`)),
      currentVaccineType: ctx.str(cur, 'vaccineType'),
      currentCvx: normalizeCvx(ctx.req(cur, 'cvx', `${w}/current`)),
      conflictBeginInterval: ctx.dur(c, 'conflictBeginInterval', w),
      minConflictEndInterval: ctx.dur(c, 'minConflictEndInterval', w),
      conflictEndInterval: ctx.dur(c, 'conflictEndInterval', w),
    };
  });
  const vgs = ctx.obj(root, 'vaccineGroups');
  if (!vgs) ctx.fail('vaccineGroups', 'is missing');
  const vgMap = ctx.obj(root, 'vaccineGroupToAntigenMap');
  if (!vgMap) ctx.fail('vaccineGroupToAntigenMap', 'is missing');
  const antigensByGroup = new Map<string, string[]>();
  for (const m of ctx.objs(vgMap, 'vaccineGroupMap')) antigensByGroup.set(ctx.req(m, 'name', 'vaccineGroupMap'), ctx.strs(m, 'antigen'));
  const groups = ctx.objs(vgs, 'vaccineGroup').map((g) => {
    const name = ctx.req(g, 'name', 'vaccineGroup');
    const antigens = antigensByGroup.get(name);
    if (!antigens || antigens.length === 0) return ctx.fail(`vaccineGroupToAntigenMap/vaccineGroupMap[${name}]`, 'is missing');
    return { name, administerFullVaccineGroup: yes(ctx.str(g, 'administerFullVaccineGroup')), antigens };
  });
  const cm = ctx.obj(root, 'cvxToAntigenMap');
  if (!cm) ctx.fail('cvxToAntigenMap', 'is missing');
  const cvx = ctx.objs(cm, 'cvxMap').map((m) => {
    const code = normalizeCvx(ctx.req(m, 'cvx', 'cvxMap'));
    return {
      cvx: code,
      shortDescription: ctx.str(m, 'shortDescription'),
      associations: ctx.objs(m, 'association').map((a) => ({
        antigen: ctx.req(a, 'antigen', `cvxMap[${code}]/association`),
        beginAge: ctx.dur(a, 'associationBeginAge', `cvxMap[${code}]/association`),
        endAge: ctx.dur(a, 'associationEndAge', `cvxMap[${code}]/association`),
      })),
    };
  });
  const obsRoot = ctx.obj(root, 'observations');
  const observations = ctx.objs(obsRoot, 'observation').map((o) => ({
    code: ctx.req(o, 'observationCode', 'observation'),
    title: ctx.str(o, 'observationTitle'),
    group: ctx.str(o, 'group'),
    indicationText: ctx.str(o, 'indicationText'),
    contraindicationText: ctx.str(o, 'contraindicationText'),
    clarifyingText: ctx.str(o, 'clarifyingText'),
  }));
  return { conflicts, groups, cvx, observations };
}

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
  if (antigenNames.length === 0) throw new SupportingDataError('AntigenSupportingData-*.xml', 'antigenSupportingData', 'no antigen files were given');
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
