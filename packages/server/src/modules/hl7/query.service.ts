// QBP^Q11: Z34 (complete immunization history) → RSP Z32, or Z31 (candidates) when several people match, or Z33
// (QAK-2 NF no match, TM too many, AE errors); Z44 (evaluated history and forecast) → Z42, the same forecast the
// REST API gives. Patients are found with the UI's matcher within what the querying clinic may see (opted-out
// records never), above the threshold a VXU attaches at (a grey-zone match is not found), and every record
// disclosed is audited like a record view.
import type { Hl7IssueRow } from '@nutmeg/db';
import { canonicalCvx, cvx as cvxEntry, isAdministrable } from '@nutmeg/codes';
import type { VaccineGroupForecast } from '@nutmeg/forecast';
import {
  buildResponseHeader,
  createMessage,
  encodeMessage,
  firstSegment,
  MSH,
  QPD,
  RCP,
  readSegment,
  type ErrInput,
  type Message,
  type QpdView,
  type QueryResponseInput,
  type Segment,
} from '@nutmeg/hl7v2';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import type { Submitter } from '../access/index.ts';
import { appendSubmitterAudit } from '../audit/index.ts';
import { exchangeForecast, exchangeQueryRecord } from '../immunizations/index.ts';
import { findDuplicates, PatientBody, writeVisibility } from '../patients/index.ts';
import { hl7Date, hl7TimeStamp } from './hl7-dates.ts';
import { evaluatedSegments, historySegments, type RspDose, type RspPatient } from './rsp-build.ts';
import { patientBySr, srIdOf } from './sr-match.ts';

export interface QueryOutcome {
  response: string;
  issues: Hl7IssueRow[];
  patientId: string | null;
  status: QueryResponseInput['queryResponseStatus'];
}

const DEFAULT_LIMIT = 10;

function issue(rule: string, location: string, hl7Code: string, message: string): Hl7IssueRow {
  return { rule, severity: 'E', location, hl7Code, applicationCode: null, message };
}

/** QPD-3…9 as the record shape the matcher compares (undefined when name or date of birth is missing). */
function subjectOf(q: QpdView, issues: Hl7IssueRow[]) {
  const n = q.patientName[0];
  const dob = hl7Date(q.patientDateOfBirth?.time);
  if (!n?.familyName?.surname || !n.givenName)
    issues.push(issue('PatientNameIsMissing', 'QPD-4', '101', 'The patient’s name (QPD-4) is missing'));
  if (!dob.ok)
    issues.push(
      issue('PatientBirthDateIsMissing', 'QPD-6', dob.missing ? '101' : '102', 'The date of birth (QPD-6) is missing or not a date'),
    );
  if (issues.length || !dob.ok) return undefined;
  const a = q.patientAddress[0];
  const phone = q.patientHomePhone[0];
  const parsed = PatientBody.safeParse({
    name: { first: n!.givenName, last: n!.familyName!.surname, middle: n!.secondAndFurtherGivenNamesOrInitialsThereof },
    dob: dob.date,
    sex: ['F', 'M', 'U', 'X'].includes(q.patientSex ?? '') ? q.patientSex : 'U',
    mothersMaidenName: q.patientMotherMaidenName[0]?.familyName?.surname,
    addresses:
      a?.streetAddress?.streetOrMailingAddress && a.city && a.zipOrPostalCode && a.stateOrProvince
        ? [{ street: a.streetAddress.streetOrMailingAddress, city: a.city, state: a.stateOrProvince, zip: a.zipOrPostalCode }]
        : [],
    phones:
      phone && `${phone.areaCityCode ?? ''}${phone.localNumber ?? ''}`.length >= 10
        ? [{ number: `${phone.areaCityCode}${phone.localNumber}` }]
        : [],
  });
  if (!parsed.success) {
    // Optional parts that do not validate are left out of the search rather than failing the query.
    return PatientBody.parse({ name: { first: n!.givenName, last: n!.familyName!.surname }, dob: dob.date, sex: 'U' });
  }
  return parsed.data;
}

function rspPatient(rows: Awaited<ReturnType<typeof exchangeQueryRecord>>['rows']): RspPatient {
  const r = rows.row;
  const addr = rows.addresses.find((x) => x.current) ?? rows.addresses[0];
  return {
    iisId: r.iis_id,
    first: r.first_name,
    middle: r.middle_name,
    last: r.last_name,
    dob: r.dob,
    sex: r.sex,
    mothersMaidenName: r.mothers_maiden_name,
    ...(addr ? { address: { street: addr.street, city: addr.city, state: addr.state, zip: addr.zip } } : {}),
    ...(r.publicity_code ? { publicity: { code: r.publicity_code, date: r.publicity_code_date } } : {}),
  };
}

/**
 * A CVX that stands for a CDSi vaccine group in the forecast's OBX 30956-7: the recommended vaccine, else the
 * release's "unspecified formulation" code of the group (a CVX CDC marks as not administrable).
 */
function groupCvxOf(ctx: AppContext): (group: string, g: VaccineGroupForecast) => string | undefined {
  const data = ctx.recommender.data;
  const cache = new Map<string, string | undefined>();
  return (group, g) => {
    const rec = g.recommendedVaccines[0]?.cvx;
    if (rec) return canonicalCvx(rec) ?? rec;
    if (!cache.has(group)) {
      const antigens = new Set(data.vaccineGroups.get(group)?.antigens ?? []);
      let found: string | undefined;
      for (const [code, m] of data.cvxMap) {
        const entry = cvxEntry(code);
        if (entry && !isAdministrable(entry) && m.associations.some((a) => antigens.has(a.antigen))) {
          found = entry.code;
          break;
        }
      }
      cache.set(group, found);
    }
    return cache.get(group);
  };
}

export async function processQuery(ctx: AppContext, submitter: Submitter, m: Message, controlId: string): Promise<QueryOutcome> {
  const d = m.delimiters;
  const request = readSegment(MSH, m.segments[0]!, d);
  const qpdSeg = firstSegment(m, 'QPD');
  const q = qpdSeg ? readSegment(QPD, qpdSeg, d) : undefined;
  const rcp = firstSegment(m, 'RCP');
  const limit = Math.max(1, Math.min(Number(rcp ? readSegment(RCP, rcp, d).quantityLimitedRequest?.quantity : '') || DEFAULT_LIMIT, 50));
  const profile = q?.messageQueryName?.identifier;
  const issues: Hl7IssueRow[] = [];
  const answer = (
    status: QueryOutcome['status'],
    rspProfile: QueryResponseInput['profile'],
    body: Segment[] = [],
    hitCount?: number,
    patientId: string | null = null,
  ): QueryOutcome => {
    const header = buildResponseHeader({
      request,
      controlId,
      dateTime: hl7TimeStamp(ctx.clock.now()),
      ackCode: status === 'AE' ? 'AE' : status === 'AR' ? 'AR' : 'AA',
      errors: issues.map((i): ErrInput => ({
        location: locationOf(i.location),
        code: i.hl7Code as ErrInput['code'],
        severity: i.severity,
        userMessage: i.message,
      })),
      query: m,
      profile: rspProfile,
      queryResponseStatus: status,
      ...(hitCount !== undefined ? { hitCount } : {}),
      sendingApplication: { namespaceId: 'NUTMEG' },
      sendingFacility: { namespaceId: 'CTDPH' },
    });
    return { response: encodeMessage(createMessage([...header, ...body])), issues, patientId, status };
  };
  if (!q) {
    // AE, not AR: the IG keeps AR for what is unrelated to the message's format or content.
    issues.push(issue('MessageSegmentIsMissing', 'QPD-1', '100', 'The query has no QPD segment'));
    return answer('AE', 'Z33');
  }
  if (!profile) {
    issues.push(issue('MessageProfileIsMissing', 'QPD-1', '101', 'The query name (QPD-1) is missing: send Z34 or Z44'));
    return answer('AE', 'Z33');
  }
  if (profile !== 'Z34' && profile !== 'Z44') {
    issues.push(issue('MessageProfileIsUnrecognized', 'QPD-1', '103', `Query ${profile} is not supported: send Z34 or Z44`));
    return answer('AE', 'Z33');
  }
  const subject = subjectOf(q, issues);
  if (!subject) return answer('AE', 'Z33');
  const bySr = await patientBySr(ctx, submitter, { iisId: srIdOf(q.patientList), body: subject }, issues);
  // Only a match the VXU path would attach to (score at or above the likely threshold) is this person: a
  // grey-zone "possible" match may be another child, so answering it would disclose the wrong record (issue 15,
  // IZ Gateway TC_MOCK_04a/04c). Grey-zone only is "not found"; nothing is disclosed, so nothing is audited.
  const found = bySr
    ? [{ id: bySr }]
    : (await findDuplicates(ctx.db, writeVisibility(submitter), subject)).filter(
        // The date of birth must also agree: a VXU may attach a dose to a record despite a typo in it (household
        // fields outweigh it; the steward sees the difference), but a query answering with another child's
        // history is a disclosure (IZ Gateway TC_MOCK_04a: name, mother and address exact, birth year off → NF).
        (c) => c.classification === 'likely' && c.dob === subject.dob,
      );
  const now = ctx.clock.now();
  if (found.length === 0) return answer('NF', 'Z33', [], 0);
  if (found.length === 1) {
    const id = found[0]!.id;
    const h = await exchangeQueryRecord(ctx, submitter, id);
    const masters = h.doses.filter((x) => x.id === x.master_id);
    const doses: RspDose[] = masters.map((x) => ({ id: x.id, date: x.date, cvx: x.cvx, kind: x.kind, lot: x.lot, mvx: x.mvx, vis: x.vis }));
    await appendSubmitterAudit(
      ctx.db,
      submitter,
      { action: 'patient.hl7.query', entityType: 'patient', entityId: id, patientId: id, detail: { profile } },
      now,
    );
    if (profile === 'Z34') return answer('OK', 'Z32', historySegments(rspPatient(h.rows), doses), 1, id);
    const forecast = await exchangeForecast(ctx, h, jurisdictionToday(ctx.clock));
    return answer('OK', 'Z42', evaluatedSegments(rspPatient(h.rows), doses, forecast, groupCvxOf(ctx)), 1, id);
  }
  if (found.length > limit) return answer('TM', 'Z33', [], found.length);
  // Several people may be this one: the candidates (demographics only) for the sender to choose from.
  const pids: Segment[] = [];
  for (const [n, c] of found.entries()) {
    const h = await exchangeQueryRecord(ctx, submitter, c.id);
    pids.push(
      ...historySegments(rspPatient(h.rows), []).map((s) =>
        s.name === 'PID' ? { ...s, fields: s.fields.map((f, j) => (j === 1 ? String(n + 1) : f)) } : s,
      ),
    );
  }
  await appendSubmitterAudit(
    ctx.db,
    submitter,
    { action: 'patient.hl7.candidates', detail: { profile, patientIds: found.map((c) => c.id) } },
    now,
  );
  return answer('OK', 'Z31', pids, found.length);
}

function locationOf(l: string | null): ErrInput['location'] {
  const m = /^([A-Z][A-Z0-9]{2})(?:-(\d+))?/.exec(l ?? '');
  return m ? { segment: m[1]!, ...(m[2] ? { field: Number(m[2]) } : {}) } : undefined;
}
