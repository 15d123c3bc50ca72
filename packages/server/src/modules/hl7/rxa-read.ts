// ORC/RXA/RXR/OBX groups of a VXU → doses, refusals and observations in the shapes the UI's services take
// (DoseBody, RefusalBody, ObservationBody), with data-quality issues. Pure: the caller passes today, the date of
// birth and the catalogue (CVX → CDSi vaccine groups, observation codes). A vaccination that cannot be identified
// (no vaccine code or date, a future date) is rejected alone; the others are recorded.
import type { Hl7IssueRow } from '@nutmeg/db';
import { canonicalCvx, cvx as cvxEntry, isAdministrable, ndcToProduct } from '@nutmeg/codes';
import { obxCodedValues, OBX, ORC, readSegment, RXA, RXR, type Message, type RxaView, type Segment } from '@nutmeg/hl7v2';
import { DoseBody } from '../immunizations/index.ts';
import { detect } from './dq-rules.ts';
import { hl7Date } from './hl7-dates.ts';

export interface Catalogue {
  /** CDSi vaccine groups of a CVX code ([] when the engine does not know it). */
  groupsOf(cvx: string): string[];
  /** The CDSi observation code for a coded value (SNOMED immunity, contraindication…) reported with a vaccine. */
  observationOf(code: string, cvx?: string): string | undefined;
}

export type Action = 'A' | 'U' | 'D';
export type Administration =
  | { rxa: number; action: Action; kind: 'dose'; dose: DoseBody }
  | { rxa: number; action: Action; kind: 'refusal'; refusal: { vaccineGroup: string; date: string; reason: string } }
  | { rxa: number; action: Action; kind: 'not-administered' };

export interface ObservationRead {
  rxa: number;
  kind: 'immunity' | 'contraindication';
  code: string;
  date: string;
}

export interface AdministrationsRead {
  administrations: Administration[];
  observations: ObservationRead[];
  /** RXA occurrences rejected (their issues say why). */
  rejected: number[];
  rxaCount: number;
  issues: Hl7IssueRow[];
}

/** An administered dose without a lot number is still recorded (never lose a dose); the lot reads as this. */
export const LOT_NOT_REPORTED = 'NOT REPORTED';

const PUBLIC_FUNDING = new Set(['VXC50', 'VXC1', 'VXC2', 'VXC3', 'VXC52']);
const PRIVATE_FUNDING = new Set(['PHC70', 'VXC51']);
const VFC_CODES = new Set(['V01', 'V02', 'V03', 'V04', 'V05', 'V07']);
const IMMUNITY_OBX = new Set(['59784-9', '75505-8']);
const CONTRAINDICATION_OBX = '30945-0';

interface Group {
  rxa: Segment;
  orc?: Segment;
  rxr?: Segment;
  obx: Segment[];
}

function groupsOf(message: Message): Group[] {
  const out: Group[] = [];
  let orc: Segment | undefined;
  for (const s of message.segments) {
    if (s.name === 'ORC') orc = s;
    else if (s.name === 'RXA') out.push({ rxa: s, ...(orc ? { orc } : {}), obx: [] });
    else if (s.name === 'RXR' && out.length) out[out.length - 1]!.rxr ??= s;
    else if (s.name === 'OBX' && out.length) out[out.length - 1]!.obx.push(s);
  }
  return out;
}

function add(issues: Hl7IssueRow[], i: Hl7IssueRow | null): void {
  if (i) issues.push(i);
}

/** RXA-5 (or its alternate triplet) → a CDC CVX code, and the NDC when that is what was sent. */
function vaccineOf(rxa: RxaView): { cvx?: string; ndc?: string } {
  const c = rxa.administeredCode;
  if (!c) return {};
  const pairs: [string | undefined, string | undefined][] = [
    [c.identifier, c.nameOfCodingSystem],
    [c.alternateIdentifier, c.nameOfAlternateCodingSystem],
  ];
  for (const [code, system] of pairs) {
    if (!code) continue;
    if (system === 'NDC' || /^\d{4,5}-\d{3,4}-\d{1,2}$|^\d{10,11}$/.test(code)) {
      const p = ndcToProduct(code);
      if (p?.cvx[0]) return { cvx: p.cvx[0], ndc: p.ndc };
    } else if (/^\d{1,3}$/.test(code) && cvxEntry(code)) return { cvx: canonicalCvx(code) ?? code };
  }
  return {};
}

function obxValue(g: Group, code: string, m: Message): string | undefined {
  const s = g.obx.find((o) => readSegment(OBX, o, m.delimiters).observationIdentifier?.identifier?.trim() === code);
  return s ? obxCodedValues(s, m.delimiters)[0]?.identifier : undefined;
}

function personName(x: { familyName?: { surname?: string }; givenName?: string } | undefined): string | undefined {
  const n = [x?.givenName, x?.familyName?.surname].filter(Boolean).join(' ');
  return n || undefined;
}

function eligibility(g: Group, m: Message, at: string, issues: Hl7IssueRow[]) {
  let vfc = obxValue(g, '64994-7', m);
  if (!vfc)
    add(
      issues,
      detect(
        'VaccinationFinancialEligibilityCodeIsMissing',
        `${at} OBX 64994-7`,
        'VFC eligibility (OBX 64994-7) is missing: recorded as V01 (not VFC eligible)',
      ),
    );
  else if (!VFC_CODES.has(vfc))
    add(
      issues,
      detect(
        'VaccinationFinancialEligibilityCodeIsUnrecognized',
        `${at} OBX 64994-7`,
        `VFC eligibility ${vfc} is not a Connecticut VFC code: recorded as V01`,
      ),
    );
  if (!vfc || !VFC_CODES.has(vfc)) vfc = 'V01';
  const funding = obxValue(g, '30963-3', m);
  let fundingSource: 'public' | 'private' = vfc === 'V01' ? 'private' : 'public';
  if (funding && PUBLIC_FUNDING.has(funding)) fundingSource = 'public';
  else if (funding && PRIVATE_FUNDING.has(funding)) fundingSource = 'private';
  else if (funding)
    add(issues, detect('VaccinationFundingSourceCodeIsUnrecognized', `${at} OBX 30963-3`, `Funding source ${funding} is not recognized`));
  if (fundingSource === 'public' && vfc === 'V01') {
    add(
      issues,
      detect(
        'VaccinationFundingSourceCodeIsUnexpectedForFinancialEligibility',
        `${at} OBX 30963-3`,
        'Public vaccine for a patient who is not VFC eligible (V01): recorded as private stock',
      ),
    );
    fundingSource = 'private';
  }
  return { vfcEligibility: vfc, fundingSource };
}

/** The dose as the UI's schema would take it; fields that do not validate are dropped with a warning. */
function doseOf(
  g: Group,
  m: Message,
  at: string,
  base: { cvx: string; ndc?: string; date: string },
  issues: Hl7IssueRow[],
): DoseBody | undefined {
  const d = m.delimiters;
  const rxa = readSegment(RXA, g.rxa, d);
  const source = rxa.administrationNotes[0]?.identifier;
  const condition = rxa.completionStatus === 'PA' ? { doseCondition: 'partial' as const } : {};
  const historical = (source && source !== '00') || !isAdministrable(cvxEntry(base.cvx)!);
  if (historical) {
    if (!source || source === '00')
      add(
        issues,
        detect(
          'VaccinationInformationSourceIsAdministeredButAppearsToHistorical',
          `${at}-5`,
          `CVX ${base.cvx} is for historical records: recorded as a historical dose`,
        ),
      );
    const historicalSource = source && /^0[1-8]$/.test(source) ? source : '01';
    const parsed = DoseBody.safeParse({ kind: 'historical', cvx: base.cvx, date: base.date, source: historicalSource, ...condition });
    if (parsed.success) return parsed.data;
    add(
      issues,
      detect('VaccinationIsRejectedByRegistry', at, `The vaccination cannot be recorded: ${parsed.error.issues[0]?.message ?? ''}`),
    );
    return undefined;
  }
  const lot = rxa.substanceLotNumber[0]?.trim();
  if (!lot) add(issues, detect('VaccinationLotNumberIsMissing', `${at}-15`, 'The lot number (RXA-15) is missing'));
  const rxr = g.rxr ? readSegment(RXR, g.rxr, d) : undefined;
  const orc = g.orc ? readSegment(ORC, g.orc, d) : undefined;
  const expiry = hl7Date(rxa.substanceExpirationDate[0]?.time);
  const amount = Number(rxa.administeredAmount);
  const raw: Record<string, unknown> = {
    kind: 'administered',
    cvx: base.cvx,
    ndc: base.ndc,
    mvx: rxa.substanceManufacturerName[0]?.identifier,
    lot: lot || LOT_NOT_REPORTED,
    lotExpiration: expiry.ok ? expiry.date : undefined,
    date: base.date,
    volumeMl: amount > 0 && amount <= 10 ? amount : undefined,
    site: rxr?.administrationSite?.identifier,
    route: rxr?.route?.identifier,
    administeredBy: personName(rxa.administeringProvider[0]),
    orderingProvider: personName(orc?.orderingProvider[0]),
    ...eligibility(g, m, at, issues),
    ...condition,
  };
  const where: Record<string, [string, string]> = {
    mvx: ['-17', 'VaccinationManufacturerCodeIsUnrecognized'],
    ndc: ['-5', 'VaccinationAdminCodeIsDeprecated'],
    site: [' RXR-2', 'VaccinationBodySiteIsUnrecognized'],
    route: [' RXR-1', 'VaccinationBodyRouteIsUnrecognized'],
    lotExpiration: ['-16', 'VaccinationAdminDateIsAfterLotExpirationDate'],
    administeredBy: ['-10', 'VaccinationProviderNameIsInvalid'],
    orderingProvider: [' ORC-12', 'VaccinationProviderNameIsInvalid'],
  };
  for (let attempt = 0; attempt < 10; attempt++) {
    const parsed = DoseBody.safeParse(raw);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0]);
    const w = where[field];
    if (!w) {
      add(issues, detect('VaccinationIsRejectedByRegistry', at, `The vaccination cannot be recorded: ${field}: ${issue.message}`));
      return undefined;
    }
    add(issues, detect(w[1], `${at}${w[0]}`, `Ignored ${field}: ${issue.message}`));
    delete raw[field];
  }
  return undefined;
}

function readOne(
  g: Group,
  n: number,
  m: Message,
  ctx: { today: string; dob: string; catalogue: Catalogue },
  out: AdministrationsRead,
): void {
  const at = `RXA[${n}]`;
  const issues = out.issues;
  const before = issues.length;
  const rxa = readSegment(RXA, g.rxa, m.delimiters);
  const action = (rxa.actionCode ?? 'A').toUpperCase();
  if (!['A', 'U', 'D'].includes(action))
    add(issues, detect('VaccinationActionCodeIsInvalid', `${at}-21`, `Action code ${action} is not A, U or D`));
  const date = hl7Date(rxa.dateTimeStartOfAdministration?.time);
  if (!date.ok)
    add(
      issues,
      detect(
        date.missing ? 'VaccinationAdminDateIsMissing' : 'VaccinationAdminDateIsInvalid',
        `${at}-3`,
        `The vaccination date (RXA-3) is ${date.missing ? 'missing' : 'not a valid date'}`,
      ),
    );
  else if (date.date > ctx.today)
    add(issues, detect('VaccinationAdminDateIsAfterMessageSubmitted', `${at}-3`, 'The vaccination date (RXA-3) is in the future'));
  else if (date.date < ctx.dob)
    add(issues, detect('VaccinationAdminDateIsBeforeBirth', `${at}-3`, 'The vaccination date (RXA-3) is before the date of birth'));
  const code = rxa.administeredCode?.identifier;
  const vaccine = vaccineOf(rxa);
  if (!code) add(issues, detect('VaccinationAdminCodeIsMissing', `${at}-5`, 'The vaccine code (RXA-5) is missing'));
  else if (!vaccine.cvx)
    add(issues, detect('VaccinationAdminCodeIsUnrecognized', `${at}-5`, `Vaccine code ${code} is not a CVX or NDC code CDC lists`));
  if (issues.slice(before).some((i) => i.severity === 'E') || !date.ok || !vaccine.cvx) {
    out.rejected.push(n);
    return;
  }
  const a = action as Action;
  if (vaccine.cvx === '998' || rxa.completionStatus === 'NA') {
    add(issues, detect('VaccinationCompletionStatusIsValuedAsNotAdministered', at, 'Not administered: no dose recorded'));
    out.administrations.push({ rxa: n, action: a, kind: 'not-administered' });
  } else if (rxa.completionStatus === 'RE') {
    const group = ctx.catalogue.groupsOf(vaccine.cvx)[0];
    const reason = rxa.substanceTreatmentRefusalReason[0]?.identifier ?? '00';
    if (group) out.administrations.push({ rxa: n, action: a, kind: 'refusal', refusal: { vaccineGroup: group, date: date.date, reason } });
    else
      add(
        issues,
        detect('VaccinationAdminCodeIsUnrecognized', `${at}-5`, `Refusal of CVX ${vaccine.cvx}: no vaccine group to record it for`),
      );
  } else {
    const dose = doseOf(g, m, at, { cvx: vaccine.cvx, ...(vaccine.ndc ? { ndc: vaccine.ndc } : {}), date: date.date }, issues);
    if (dose) out.administrations.push({ rxa: n, action: a, kind: 'dose', dose });
    else out.rejected.push(n);
  }
  readObservations(g, n, m, { date: date.date, cvx: vaccine.cvx }, ctx.catalogue, out);
}

function readObservations(
  g: Group,
  n: number,
  m: Message,
  rxa: { date: string; cvx: string },
  catalogue: Catalogue,
  out: AdministrationsRead,
): void {
  for (const s of g.obx) {
    const obx = readSegment(OBX, s, m.delimiters);
    const id = obx.observationIdentifier?.identifier?.trim() ?? '';
    const kind = IMMUNITY_OBX.has(id) ? 'immunity' : id === CONTRAINDICATION_OBX ? 'contraindication' : undefined;
    if (!kind) continue;
    const value = obxCodedValues(s, m.delimiters)[0]?.identifier ?? '';
    const code = catalogue.observationOf(value, rxa.cvx);
    const when = hl7Date(obx.dateTimeOfTheObservation?.time);
    if (code) out.observations.push({ rxa: n, kind, code, date: when.ok ? when.date : rxa.date });
    else
      add(
        out.issues,
        detect('PatientImmunityCodeIsUnrecognized', `OBX-5`, `Observation ${value} (${id}) is not a code the recommender knows`),
      );
  }
}

export function readAdministrations(message: Message, ctx: { today: string; dob: string; catalogue: Catalogue }): AdministrationsRead {
  const out: AdministrationsRead = { administrations: [], observations: [], rejected: [], rxaCount: 0, issues: [] };
  const groups = groupsOf(message);
  out.rxaCount = groups.length;
  if (groups.length === 0)
    add(out.issues, detect('VaccinationObjectIsMissing', 'RXA', 'The message has no RXA segment: there is no vaccination to record'));
  groups.forEach((g, i) => readOne(g, i + 1, message, ctx, out));
  return out;
}
