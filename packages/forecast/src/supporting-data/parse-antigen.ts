/**
 * Parser for one AntigenSupportingData-*.xml file (immunity, contraindications, series, series doses).
 */
import { Ctx, conditionType, cvxList, logic, normalizeCvx, readXml, yes, type Node } from './parse-context.ts';
import type {
  AgeSpec,
  Antigen,
  AntigenContraindication,
  AntigenSeries,
  ConditionalSkip,
  Immunity,
  Indication,
  IntervalSpec,
  SeriesDose,
  SeriesType,
  SeriesVaccine,
  SkipCondition,
  SkipContext,
  SkipSet,
  VaccineContraindication,
} from './model.ts';

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
  const context: SkipContext =
    cl === 'evaluation'
      ? 'Evaluation'
      : cl === 'forecast'
        ? 'Forecast'
        : cl === 'both'
          ? 'Both'
          : ctx.fail(`${where}/context`, `has unknown context '${contextRaw}'`);
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
    ? {
        startDate: ctx.date(seasonalNode, 'startDate', `${w}/seasonalRecommendation`),
        endDate: ctx.date(seasonalNode, 'endDate', `${w}/seasonalRecommendation`),
      }
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

export function parseAntigenFile(file: string, xml: string): Antigen {
  const ctx = new Ctx(file);
  const doc = readXml(ctx, xml, 'antigenSupportingData');
  const root = ctx.obj(doc, 'antigenSupportingData');
  if (!root) ctx.fail('antigenSupportingData', 'root element is missing');
  const imm = ctx.obj(root, 'immunity');
  const immunity: Immunity = {
    clinicalHistory: ctx
      .objs(imm, 'clinicalHistory')
      .map((c) => ({ code: ctx.str(c, 'guidelineCode'), title: ctx.str(c, 'guidelineTitle') }))
      .filter((c) => c.code !== ''),
    dateOfBirth: ctx
      .objs(imm, 'dateOfBirth')
      .filter((d) => ctx.str(d, 'immunityBirthDate') !== '')
      .map((d) => ({
        immunityBirthDate: ctx.date(d, 'immunityBirthDate', 'immunity/dateOfBirth') as number,
        birthCountry: ctx.str(d, 'birthCountry'),
        exclusions: ctx
          .objs(d, 'exclusion')
          .map((x) => ({ code: ctx.str(x, 'exclusionCode'), title: ctx.str(x, 'exclusionTitle') }))
          .filter((x) => x.code !== ''),
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
