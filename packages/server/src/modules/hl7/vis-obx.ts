// VIS OBX of a VXU (CDC IG 2.5.1 R1.5, "Vaccine Information Statement" OBX groups) → the `vis` list the dose form
// stores on a dose. Under each RXA, OBX with one OBX-4 sub-id form one VIS: either 69764-9 (the VIS bar code, the
// current way) or 30956-7 (vaccine type CVX) with 29768-9 (publication date) — both with 29769-7 (date presented).
// A VIS that cannot be read is left off the dose with a warning; the dose is never refused for it. Pure.
import type { Hl7IssueRow } from '@nutmeg/db';
import { cvx as cvxEntry, canonicalCvx, visByBarcode, visDocuments } from '@nutmeg/codes';
import { obxCodedValues, OBX, readSegment, type Message, type Segment } from '@nutmeg/hl7v2';
import { detect } from './dq-rules.ts';
import { hl7Date } from './hl7-dates.ts';
import type { Administration } from './rxa-read.ts';

export const VIS_DOCUMENT = '69764-9';
export const VIS_VACCINE_TYPE = '30956-7';
export const VIS_PUBLISHED = '29768-9';
export const VIS_PRESENTED = '29769-7';
const VIS_CODES = new Set([VIS_DOCUMENT, VIS_VACCINE_TYPE, VIS_PUBLISHED, VIS_PRESENTED]);
/** The dose schema keeps at most this many VIS per dose (a combination vaccine has up to 4–5). */
const MAX_VIS = 6;

export interface VisEntry {
  document: string;
  edition: string;
  presented: string;
}

/** The VIS OBX of each RXA (1-based occurrence), grouped by OBX-4. */
function visGroups(message: Message): Map<number, Map<string, Map<string, Segment>>> {
  const out = new Map<number, Map<string, Map<string, Segment>>>();
  let rxa = 0;
  for (const s of message.segments) {
    if (s.name === 'RXA') rxa++;
    if (s.name !== 'OBX' || rxa === 0) continue;
    const obx = readSegment(OBX, s, message.delimiters);
    const code = obx.observationIdentifier?.identifier?.trim() ?? '';
    if (!VIS_CODES.has(code)) continue;
    const sub = obx.observationSubId?.trim() || '';
    const byRxa = out.get(rxa) ?? new Map<string, Map<string, Segment>>();
    const group = byRxa.get(sub) ?? new Map<string, Segment>();
    // The first OBX of a code in a group counts (a repeated one is a sender's mistake, not a second VIS).
    if (!group.has(code)) group.set(code, s);
    byRxa.set(sub, group);
    out.set(rxa, byRxa);
  }
  return out;
}

function push(issues: Hl7IssueRow[], i: Hl7IssueRow | null): void {
  if (i) issues.push(i);
}

/** The document and edition a group names, or null (its warning pushed). */
function documentOf(
  m: Message,
  group: Map<string, Segment>,
  at: string,
  issues: Hl7IssueRow[],
): { document: string; edition: string } | null {
  const barcodeObx = group.get(VIS_DOCUMENT);
  if (barcodeObx) {
    const code = obxCodedValues(barcodeObx, m.delimiters)[0]?.identifier?.trim() ?? '';
    const doc = visByBarcode(code);
    if (doc) return { document: doc.name, edition: doc.editionDate };
    push(
      issues,
      detect(
        'VaccinationVisDocumentTypeIsUnrecognized',
        `${at} OBX ${VIS_DOCUMENT}`,
        code ? `VIS bar code ${code} is not a VIS edition CDC lists: not recorded` : 'The VIS bar code (OBX-5) is empty: not recorded',
      ),
    );
    return null;
  }
  const typeObx = group.get(VIS_VACCINE_TYPE);
  if (!typeObx) {
    push(
      issues,
      detect('VaccinationVisIsMissing', at, `A VIS date without its document (OBX ${VIS_DOCUMENT} or ${VIS_VACCINE_TYPE}): not recorded`),
    );
    return null;
  }
  const sent = obxCodedValues(typeObx, m.delimiters)[0]?.identifier?.trim() ?? '';
  const cvx = /^\d{1,3}$/.test(sent) && cvxEntry(sent) ? (canonicalCvx(sent) ?? sent) : undefined;
  if (!cvx) {
    push(
      issues,
      detect(
        'VaccinationVisCvxIsUnrecognized',
        `${at} OBX ${VIS_VACCINE_TYPE}`,
        `VIS vaccine type ${sent || '(empty)'} is not a CVX code: not recorded`,
      ),
    );
    return null;
  }
  const published = groupDate(m, group, VIS_PUBLISHED, at, issues);
  if (!published) return null;
  // The name of the VIS CDC publishes for this vaccine and edition when there is one (what the bar code would say).
  const doc = visDocuments(cvx).find((v) => v.editionDate === published.date);
  return { document: doc?.name ?? `CVX ${cvx}`, edition: published.date };
}

const DATE_OBX = {
  [VIS_PUBLISHED]: { rule: 'VaccinationVisPublishedDate', what: 'The VIS publication date' },
  [VIS_PRESENTED]: { rule: 'VaccinationVisPresentedDate', what: 'The date the VIS was given' },
} as const;

/** The group's date OBX (publication or presentation), or null with the warning that it is missing or not a date. */
function groupDate(
  m: Message,
  group: Map<string, Segment>,
  code: typeof VIS_PUBLISHED | typeof VIS_PRESENTED,
  at: string,
  issues: Hl7IssueRow[],
): { date: string } | null {
  const obx = group.get(code);
  const d = hl7Date(obx ? readSegment(OBX, obx, m.delimiters).observationValue[0] : undefined);
  if (d.ok) return { date: d.date };
  const { rule, what } = DATE_OBX[code];
  const state = d.missing ? 'missing' : 'not a valid date';
  push(
    issues,
    detect(`${rule}${d.missing ? 'IsMissing' : 'IsInvalid'}`, `${at} OBX ${code}`, `${what} (OBX ${code}) is ${state}: VIS not recorded`),
  );
  return null;
}

/** One VIS group → an entry of the dose, or null with a warning. */
function readVis(m: Message, group: Map<string, Segment>, at: string, ctx: { today: string; doseDate: string }, issues: Hl7IssueRow[]) {
  const named = documentOf(m, group, at, issues);
  if (!named) return null;
  const presented = groupDate(m, group, VIS_PRESENTED, at, issues);
  if (!presented) return null;
  if (named.edition > ctx.today)
    push(issues, detect('VaccinationVisPublishedDateIsInFuture', `${at} OBX ${VIS_PUBLISHED}`, 'The VIS edition is dated in the future'));
  if (presented.date < named.edition)
    push(
      issues,
      detect(
        'VaccinationVisPresentedDateIsBeforePublishedDate',
        `${at} OBX ${VIS_PRESENTED}`,
        'The VIS was given before its edition was published',
      ),
    );
  if (presented.date > ctx.doseDate)
    push(
      issues,
      detect('VaccinationVisPresentedDateIsAfterAdminDate', `${at} OBX ${VIS_PRESENTED}`, 'The VIS was given after the vaccination'),
    );
  return { ...named, presented: presented.date };
}

/**
 * Puts the VIS each RXA reports on its administered dose (`dose.vis`) and returns the warnings. VIS of a
 * historical dose, a refusal or a rejected RXA are not kept (the dose form records VIS for given doses only).
 */
export function attachVis(message: Message, administrations: readonly Administration[], today: string): Hl7IssueRow[] {
  const issues: Hl7IssueRow[] = [];
  const groups = visGroups(message);
  for (const a of administrations) {
    const byRxa = groups.get(a.rxa);
    if (!byRxa || a.kind !== 'dose' || a.dose.kind !== 'administered') continue;
    const vis: VisEntry[] = [];
    for (const group of byRxa.values()) {
      const v = readVis(message, group, `RXA[${a.rxa}]`, { today, doseDate: a.dose.date }, issues);
      // The same edition twice (sent under two sub-ids) is one VIS handed out.
      if (v && !vis.some((x) => x.document === v.document && x.edition === v.edition) && vis.length < MAX_VIS) vis.push(v);
    }
    a.dose.vis = vis;
  }
  return issues;
}
