// The segments of an RSP^K11 after its header: PID of the master record, then ORC/RXA for every dose (Z32), with
// each dose's evaluation in OBX and the forecast after an RXA 998 (Z42), as the CDC IG R1.5 lays them out. Pure.
import { allVisDocuments, cvx as cvxEntry } from '@nutmeg/codes';
import type { ForecastResult, VaccineGroupForecast } from '@nutmeg/forecast';
import { label } from '@nutmeg/codes/tables';
import { escapeText, OBX, ORC, PD1, PID, RXA, STANDARD_DELIMITERS, writeSegment, type Segment } from '@nutmeg/hl7v2';
import { toHl7Date } from './hl7-dates.ts';
import { VIS_DOCUMENT, VIS_PRESENTED, VIS_PUBLISHED, VIS_VACCINE_TYPE, type VisEntry } from './vis-obx.ts';

export interface RspPatient {
  iisId: string;
  first: string;
  middle: string | null;
  last: string;
  dob: string;
  sex: string;
  mothersMaidenName: string | null;
  address?: { street: string; city: string; state: string; zip: string };
  /** PD1-11/18 as last reported (table 0215), returned in PD1. */
  publicity?: { code: string; date: string | null };
}

export interface RspDose {
  id: string;
  date: string;
  cvx: string;
  kind: 'administered' | 'historical';
  lot: string | null;
  mvx: string | null;
  /** The VIS handed out with the dose, as the dose form and VXU store them. */
  vis: readonly VisEntry[];
}

function name(cvx: string): string {
  return cvxEntry(cvx)?.shortName ?? cvx;
}

export function pidSegment(p: RspPatient): Segment {
  return writeSegment(PID, {
    setId: '1',
    patientIdentifierList: [{ idNumber: p.iisId, assigningAuthority: { namespaceId: 'NUTMEG' }, identifierTypeCode: 'SR' }],
    patientName: [
      {
        familyName: { surname: p.last },
        givenName: p.first,
        secondAndFurtherGivenNamesOrInitialsThereof: p.middle ?? undefined,
        nameTypeCode: 'L',
      },
    ],
    mothersMaidenName: p.mothersMaidenName ? [{ familyName: { surname: p.mothersMaidenName }, nameTypeCode: 'M' }] : [],
    dateTimeOfBirth: { time: toHl7Date(p.dob) },
    administrativeSex: p.sex === 'X' ? 'U' : p.sex,
    race: [],
    patientAddress: p.address
      ? [
          {
            streetAddress: { streetOrMailingAddress: p.address.street },
            city: p.address.city,
            stateOrProvince: p.address.state,
            zipOrPostalCode: p.address.zip,
            addressType: 'L',
          },
        ]
      : [],
    phoneNumberHome: [],
    phoneNumberBusiness: [],
    ethnicGroup: [],
  });
}

function orc(id: string): Segment {
  return writeSegment(ORC, {
    orderControl: 'RE',
    fillerOrderNumber: { entityIdentifier: id, namespaceId: 'NUTMEG' },
    enteredBy: [],
    orderingProvider: [],
    orderingFacilityName: [],
  });
}

function rxa(d: {
  date: string;
  cvx: string;
  source: '00' | '01';
  lot?: string | null;
  mvx?: string | null;
  completion?: string;
}): Segment {
  return writeSegment(RXA, {
    giveSubIdCounter: '0',
    administrationSubIdCounter: '1',
    dateTimeStartOfAdministration: { time: toHl7Date(d.date) },
    administeredCode: { identifier: d.cvx, text: name(d.cvx), nameOfCodingSystem: 'CVX' },
    administeredAmount: '999',
    administrationNotes: [
      {
        identifier: d.source,
        text: d.source === '00' ? 'New immunization record' : 'Historical information - source unspecified',
        nameOfCodingSystem: 'NIP001',
      },
    ],
    administeringProvider: [],
    substanceLotNumber: d.lot ? [d.lot] : [],
    substanceExpirationDate: [],
    substanceManufacturerName: d.mvx ? [{ identifier: d.mvx, nameOfCodingSystem: 'MVX' }] : [],
    substanceTreatmentRefusalReason: [],
    indication: [],
    completionStatus: d.completion ?? 'CP',
    actionCode: 'A',
  });
}

class ObxWriter {
  private n = 0;
  readonly segments: Segment[] = [];
  add(type: 'CE' | 'DT' | 'NM' | 'ID' | 'ST', code: string, label: string, sub: number, value: string | readonly string[]): void {
    this.n++;
    const coded = typeof value !== 'string';
    const segment = writeSegment(OBX, {
      setId: String(this.n),
      valueType: type,
      observationIdentifier: { identifier: code, text: label, nameOfCodingSystem: 'LN' },
      observationSubId: String(sub),
      observationValue: [coded ? 'CODED' : value],
      abnormalFlags: [],
      observationResultStatus: 'F',
      observationMethod: [],
    });
    // A coded OBX-5 (CE) is components: each escaped, joined by the component separator.
    const fields = coded
      ? segment.fields.map((f, i) => (i === 5 ? value.map((c) => escapeText(c, STANDARD_DELIMITERS)).join('^') : f))
      : segment.fields;
    this.segments.push({ name: 'OBX', fields });
  }
}

function ce(code: string, text: string, system: string): readonly string[] {
  return [code, text, system];
}

/**
 * The dose's VIS as the IG's OBX groups, one OBX-4 sub-id each from `firstSub`: the bar code (69764-9) when the
 * document and edition are one CDC lists, else the vaccine type (30956-7) with the edition date (29768-9).
 */
function addVis(obx: ObxWriter, d: RspDose, firstSub: number): void {
  d.vis.forEach((v, i) => {
    const sub = firstSub + i;
    const listed = allVisDocuments().find((x) => x.name === v.document && x.editionDate === v.edition);
    if (listed) obx.add('CE', VIS_DOCUMENT, 'Document type', sub, ce(listed.encoded, listed.name, 'cdcgs1vis'));
    else {
      const cvx = /^CVX (\d{1,3})$/.exec(v.document)?.[1] ?? d.cvx;
      obx.add('CE', VIS_VACCINE_TYPE, 'Vaccine type', sub, ce(cvx, name(cvx), 'CVX'));
      obx.add('DT', VIS_PUBLISHED, 'Date vaccine information statement published', sub, toHl7Date(v.edition));
    }
    obx.add('DT', VIS_PRESENTED, 'Date vaccine information statement presented', sub, toHl7Date(v.presented));
  });
}

/** PID, then PD1 when the record has something PD1 carries (the publicity code). */
function patientSegments(p: RspPatient): Segment[] {
  if (!p.publicity) return [pidSegment(p)];
  const { code, date } = p.publicity;
  const pd1 = writeSegment(PD1, {
    patientPrimaryFacility: [],
    patientPrimaryCareProviderNameAndIdNo: [],
    publicityCode: { identifier: code, text: label('0215', code), nameOfCodingSystem: 'HL70215' },
    ...(date ? { publicityCodeEffectiveDate: toHl7Date(date) } : {}),
  });
  return [pidSegment(p), pd1];
}

/** Z32: the record and every (master) dose with its VIS. */
export function historySegments(p: RspPatient, doses: readonly RspDose[]): Segment[] {
  const out = patientSegments(p);
  for (const d of doses) {
    out.push(orc(d.id), rxa({ ...d, source: d.kind === 'administered' ? '00' : '01' }));
    const obx = new ObxWriter();
    addVis(obx, d, 1);
    out.push(...obx.segments);
  }
  return out;
}

/** The series status (59783-1): LOINC answers where the IG has one, a local code (99NUT) otherwise. */
function seriesStatus(g: VaccineGroupForecast, asOf: string): [string, string, string] {
  if (g.status === 'Complete') return ['LA13421-5', 'Complete', 'LN'];
  if (g.status === 'Aged Out') return ['LA13424-9', 'Too old', 'LN'];
  if (g.status === 'Not Complete')
    return g.pastDueDate && g.pastDueDate <= asOf ? ['LA13423-1', 'Overdue', 'LN'] : ['LA13422-3', 'On schedule', 'LN'];
  return [g.status.toUpperCase().replace(/\s/g, ''), g.status, '99NUT'];
}

/** Z42: the record, each dose with its evaluations, then the forecast per vaccine group. */
export function evaluatedSegments(
  p: RspPatient,
  doses: readonly RspDose[],
  f: ForecastResult,
  groupCvx: (group: string, g: VaccineGroupForecast) => string | undefined,
): Segment[] {
  const out = patientSegments(p);
  for (const d of doses) {
    out.push(orc(d.id), rxa({ ...d, source: d.kind === 'administered' ? '00' : '01' }));
    const obx = new ObxWriter();
    const evaluations = f.evaluations.filter((e) => e.doseId === d.id);
    evaluations.forEach((e, i) => {
      obx.add('CE', '30956-7', 'vaccine type', i + 1, ce(d.cvx, name(d.cvx), 'CVX'));
      obx.add('ST', '59780-7', 'Immunization Series name', i + 1, `${e.antigen} ${e.seriesName}`.slice(0, 199));
      if (e.targetDose !== undefined) obx.add('NM', '30973-2', 'Dose number in series', i + 1, String(e.targetDose));
      obx.add('ID', '59781-5', 'Dose validity', i + 1, e.status === 'Valid' ? 'Y' : 'N');
      if (e.status !== 'Valid' && e.reasons.length) obx.add('ST', '30982-3', 'Reason applied', i + 1, e.reasons.join('; ').slice(0, 199));
    });
    addVis(obx, d, evaluations.length + 1);
    out.push(...obx.segments);
  }
  out.push(orc('forecast'), rxa({ date: f.assessmentDate, cvx: '998', source: '01', completion: 'NA' }));
  const obx = new ObxWriter();
  f.vaccineGroups
    .filter((g) => g.seriesType !== 'Evaluation Only')
    .forEach((g, i) => {
      const k = i + 1;
      const cvx = groupCvx(g.vaccineGroup, g);
      obx.add('CE', '30956-7', 'vaccine type', k, cvx ? ce(cvx, name(cvx), 'CVX') : ce(g.vaccineGroup, g.vaccineGroup, '99NUT'));
      obx.add('CE', '59779-9', 'Immunization Schedule used', k, ce('VXC16', 'ACIP', 'CDCPHINVS'));
      if (g.forecastDoseNumber !== undefined) obx.add('NM', '30973-2', 'Dose number in series', k, String(g.forecastDoseNumber));
      if (g.earliestDate) obx.add('DT', '30981-5', 'Earliest date to give', k, toHl7Date(g.earliestDate));
      if (g.recommendedDate) obx.add('DT', '30980-7', 'Date vaccine due', k, toHl7Date(g.recommendedDate));
      if (g.latestDate) obx.add('DT', '59777-3', 'Latest date to give', k, toHl7Date(g.latestDate));
      if (g.pastDueDate) obx.add('DT', '59778-1', 'Date dose is overdue', k, toHl7Date(g.pastDueDate));
      const [code, text, system] = seriesStatus(g, f.assessmentDate);
      obx.add('CE', '59783-1', 'Status in immunization series', k, ce(code, text, system));
      if (g.reasons.length) obx.add('ST', '30982-3', 'Reason applied', k, g.reasons.join('; ').slice(0, 199));
    });
  out.push(...obx.segments);
  return out;
}
