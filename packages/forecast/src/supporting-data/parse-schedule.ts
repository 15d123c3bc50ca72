/**
 * Parser for ScheduleSupportingData.xml (live virus conflicts, vaccine groups, CVX to antigen map, observations).
 */
import { Ctx, normalizeCvx, readXml, yes } from './parse-context.ts';
import type { CvxEntry, LiveVirusConflict, Observation, VaccineGroup } from './model.ts';

export interface ScheduleParts {
  conflicts: LiveVirusConflict[];
  groups: VaccineGroup[];
  cvx: CvxEntry[];
  observations: Observation[];
}

export function parseScheduleFile(file: string, xml: string): ScheduleParts {
  const ctx = new Ctx(file);
  const doc = readXml(ctx, xml, 'scheduleSupportingData');
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
    // How messages code the observation (SNOMED for immunity and contraindications, CDCPHINVS for indications).
    codedValues: ctx.objs(ctx.obj(o, 'codedValues'), 'codedValue').map((v) => ({
      code: ctx.str(v, 'code'),
      codeSystem: ctx.str(v, 'codeSystem'),
    })),
  }));
  return { conflicts, groups, cvx, observations };
}
