/**
 * View-only types and helpers of the patient pages. The JSON shapes of the patients API (PatientView, Patient,
 * DoseView, Immunizations, …) are in @nutmeg/api-types, written once for the server and the web.
 */
import type { DoseView } from '@nutmeg/api-types';

export function fullName(n: { first: string; middle?: string | null; last: string; suffix?: string | null }): string {
  return [n.first, n.middle, n.last, n.suffix].filter(Boolean).join(' ');
}

/** The fields a correction may change; the rest of the dose is sent back as it was. */
export interface DoseChanges {
  date: string;
  cvx: string;
  /** Set when another vaccine is chosen: its manufacturer and NDC, or null for none. */
  mvx?: string | null;
  ndc?: string | null;
  lot?: string;
  lotExpiration?: string;
  fundingSource?: string;
  vfcEligibility?: string;
  route?: string;
  site?: string;
  doseCondition?: string;
}

export function correctedDose(d: DoseView, c: DoseChanges): Record<string, unknown> {
  const opt = <T>(v: T | null | undefined) => (v === null || v === '' ? undefined : v);
  const doseCondition = opt(c.doseCondition ?? d.doseCondition);
  if (d.kind === 'historical') return { kind: 'historical', cvx: c.cvx, date: c.date, source: d.historicalSource ?? '01', doseCondition };
  return {
    kind: 'administered',
    cvx: c.cvx,
    date: c.date,
    lot: c.lot ?? d.lot,
    lotExpiration: opt(c.lotExpiration ?? d.lotExpiration),
    mvx: opt(c.mvx === undefined ? d.mvx : c.mvx),
    ndc: opt(c.ndc === undefined ? d.ndc : c.ndc),
    volumeMl: opt(d.volumeMl),
    fundingSource: c.fundingSource ?? d.fundingSource ?? 'private',
    vfcEligibility: c.vfcEligibility ?? d.vfcEligibility ?? 'V01',
    site: opt(c.site ?? d.site),
    route: opt(c.route ?? d.route),
    administeredBy: opt(d.administeredBy),
    orderingProvider: opt(d.orderingProvider),
    vis: d.vis,
    doseCondition,
  };
}

/** Runs a change on the record, then refreshes it and shows `message` (or the error summary). */
export type RecordAction = (fn: () => Promise<unknown>, message: string) => Promise<void>;
