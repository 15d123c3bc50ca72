// SQL over many doses for reports: administered doses in a date range, and data-quality findings. Record scope
// comes from the caller (reports policy): the entering clinic, a set of patients, or everyone.
import type { FieldCode } from '@nutmeg/codes';
import { sql } from 'kysely';
import type { Db } from './dose.repo.ts';

export interface DoseScope {
  /** Doses this organization entered. */
  sourceOrgId?: string;
  /** Doses of these patients. */
  patientIds?: readonly string[];
}

/** A report's optional narrowing of the doses (each one ANDed with the scope). */
export interface DoseFilter {
  /** Any of these (canonical) CVX codes. */
  cvx?: readonly string[] | undefined;
  fundingSource?: FieldCode<'fundingSource'> | undefined;
  vfcEligibility?: FieldCode<'vfcEligibility'> | undefined;
}

export interface AdministeredDoseRow {
  id: string;
  patient_id: string;
  cvx: string;
  date: string;
  funding_source: string | null;
  vfc_eligibility: string | null;
  source_org_id: string | null;
}

/** Live administered doses given in [from, to] within a scope (each report of a dose once: masters only). */
export async function administeredDosesIn(
  db: Db,
  from: string,
  to: string,
  s: DoseScope,
  f: DoseFilter = {},
): Promise<AdministeredDoseRow[]> {
  const q = db
    .selectFrom('doses')
    .select(['id', 'patient_id', 'cvx', 'date', 'funding_source', 'vfc_eligibility', 'source_org_id'])
    .where('kind', '=', 'administered')
    .where('deleted_at', 'is', null)
    .where('not_administered', '=', false)
    .whereRef('id', '=', 'master_id')
    .where('date', '>=', from)
    .where('date', '<=', to)
    .$if(!!s.sourceOrgId, (qb) => qb.where('source_org_id', '=', s.sourceOrgId!))
    .$if(!!s.patientIds, (qb) => qb.where('patient_id', '=', sql<string>`ANY(${[...s.patientIds!]}::uuid[])`))
    .$if(!!f.cvx, (qb) => qb.where('cvx', '=', sql<string>`ANY(${[...f.cvx!]}::text[])`))
    .$if(!!f.fundingSource, (qb) => qb.where('funding_source', '=', f.fundingSource!))
    .$if(!!f.vfcEligibility, (qb) => qb.where('vfc_eligibility', '=', f.vfcEligibility!));
  return q.orderBy('date').execute();
}

export interface DoseFinding {
  id: string;
  patient_id: string;
  cvx: string;
  date: string;
  lot: string | null;
  funding_source: string | null;
  entered_at: Date;
  source_org_id: string | null;
}

/**
 * Live doses a data-quality check flags, entered in [from, to]: added but not administered; administered without
 * lot or funding source; entered more than 30 days after the date given.
 */
export async function doseFindings(db: Db, from: string, to: string, s: DoseScope) {
  const entered = sql<string>`(entered_at AT TIME ZONE 'America/New_York')::date`;
  const base = () =>
    db
      .selectFrom('doses')
      .select(['id', 'patient_id', 'cvx', 'date', 'lot', 'funding_source', 'entered_at', 'source_org_id'])
      .where('deleted_at', 'is', null)
      .whereRef('id', '=', 'master_id')
      .where(entered, '>=', from)
      .where(entered, '<=', to)
      .$if(!!s.sourceOrgId, (qb) => qb.where('source_org_id', '=', s.sourceOrgId!))
      .$if(!!s.patientIds, (qb) => qb.where('patient_id', '=', sql<string>`ANY(${[...s.patientIds!]}::uuid[])`));
  const [notAdministered, missingLotOrFunding, late] = await Promise.all([
    base().where('not_administered', '=', true).orderBy('date').execute(),
    base()
      .where('kind', '=', 'administered')
      .where('not_administered', '=', false)
      .where((eb) => eb.or([eb('lot', 'is', null), eb('funding_source', 'is', null)]))
      .orderBy('date')
      .execute(),
    base()
      .where('kind', '=', 'administered')
      .where(sql<boolean>`(entered_at AT TIME ZONE 'America/New_York')::date - date > 30`)
      .orderBy('date')
      .execute(),
  ]);
  return { notAdministered, missingLotOrFunding, late };
}

/**
 * Administered doses with a lot number one clinic (null: no clinic) recorded with a date in the period, deleted ones too (their
 * stock movement and its reversal are the ledger's): the doses-by-lot report matches each to its lot.
 */
export function dosesWithLotIn(db: Db, opts: { organizationId: string | null; from: string; to: string }) {
  let q = db
    .selectFrom('doses')
    .select([
      'id',
      'source_org_id',
      'ndc',
      'cvx',
      sql<string>`upper(trim(lot))`.as('lot'),
      sql<boolean>`deleted_at IS NOT NULL`.as('deleted'),
    ])
    .where('kind', '=', 'administered')
    .where('lot', 'is not', null)
    .where('date', '>=', opts.from)
    .where('date', '<=', opts.to);
  q = opts.organizationId ? q.where('source_org_id', '=', opts.organizationId) : q.where('source_org_id', 'is', null);
  return q.execute();
}

/** The clinics (null: doses without one) with an administered dose with a lot number dated in the period. */
export async function clinicsWithLotDosesIn(db: Db, opts: { from: string; to: string }): Promise<Array<string | null>> {
  const rows = await db
    .selectFrom('doses')
    .select('source_org_id')
    .distinct()
    .where('kind', '=', 'administered')
    .where('lot', 'is not', null)
    .where('date', '>=', opts.from)
    .where('date', '<=', opts.to)
    .orderBy('source_org_id')
    .execute();
  return rows.map((r) => r.source_org_id);
}
