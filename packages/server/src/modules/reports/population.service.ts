// Doses administered, inactive patients and data quality, each within the actor's population (reports.policy):
// a clinic its own entries and patients, a health director the district's residents, a school nurse her
// students, DPH everyone. Every run is audited with its filters (and the patient ids a list discloses).
import type {
  CountRow,
  DataQualityReport,
  DoseAgeGroup,
  DosesAdministeredReport,
  DosesFilters,
  InactivePatientsReport,
} from '@nutmeg/api-types';
import { canonicalCvx, fieldLabel } from '@nutmeg/codes';
import type { AppContext } from '../../context.ts';
import { jurisdictionDay, jurisdictionToday } from '../../dates.ts';
import { forbidden, invalid } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { administeredDosesIn, doseFindings, type DoseScope } from '../immunizations/index.ts';
import { findOrganization, organizationNames } from '../organizations/index.ts';
import {
  coveragePopulation,
  forecastDemographicsOf,
  inactiveAtOrganization,
  inactiveInJurisdiction,
  openDuplicatesAmong,
  withoutAddress,
} from '../patients/index.ts';
import type { Progress } from './coverage.service.ts';
import { populationFor, type PopulationView } from './reports.policy.ts';
import type { DosesQueryInput } from './reports.schemas.ts';

const ITEMS = 500;

async function doseScopeOf(ctx: AppContext, view: PopulationView): Promise<DoseScope> {
  const s = view.scope;
  if (s.kind === 'all') return {};
  if (s.kind === 'clinic') return { sourceOrgId: s.organizationId };
  const people = await coveragePopulation(ctx.db, { dobFrom: '0001-01-01', dobTo: '9999-12-31', scope: s });
  return { patientIds: people.map((p) => p.id) };
}

function range(ctx: AppContext, q: { from?: string | undefined; to?: string | undefined }): { from: string; to: string } {
  const today = jurisdictionToday(ctx.clock);
  const from = q.from ?? `${today.slice(0, 8)}01`;
  const to = q.to ?? today;
  if (from > to) throw invalid('The range ends before it starts', [{ path: 'to', message: 'Must be on or after the first day' }]);
  return { from, to };
}

async function audit(ctx: AppContext, actor: Actor, report: string, filters: Record<string, unknown>, patientIds?: string[]) {
  await appendActorAudit(
    ctx.db,
    actor,
    { action: `report.${report}.run`, entityType: 'report', entityId: report, detail: { filters, ...(patientIds ? { patientIds } : {}) } },
    ctx.clock.now(),
  );
}

const AGE_GROUPS: Array<[number, DoseAgeGroup, string]> = [
  [1, 'under1', 'Under 1 year'],
  [3, '1-2', '1–2 years'],
  [7, '3-6', '3–6 years'],
  [19, '7-18', '7–18 years'],
  [65, '19-64', '19–64 years'],
  [Infinity, '65+', '65 years and older'],
];

function ageGroup(dob: string, on: string): DoseAgeGroup {
  let years = Number(on.slice(0, 4)) - Number(dob.slice(0, 4));
  if (on.slice(5) < dob.slice(5)) years--;
  return AGE_GROUPS.find(([below]) => years < below)![1];
}

/**
 * The filters as applied, checked against the actor's scope: a clinic reports its own doses only (another clinic is
 * refused, as reminder/recall does); others' clinic filter narrows their population to the doses that clinic entered.
 */
async function doseFiltersOf(
  ctx: AppContext,
  view: PopulationView,
  q: DosesQueryInput,
): Promise<{ filters: DosesFilters; scope: DoseScope }> {
  const scope = await doseScopeOf(ctx, view);
  let clinicName: string | null = null;
  if (q.clinicId) {
    if (view.scope.kind === 'clinic' && q.clinicId !== view.scope.organizationId)
      throw forbidden('You can report the doses of the clinic you are working for only');
    const org = await findOrganization(ctx.db, q.clinicId);
    if (!org) throw invalid('No such clinic', [{ path: 'clinicId', message: 'Choose a clinic' }]);
    scope.sourceOrgId = org.id;
    clinicName = org.name;
  }
  if (q.vaccineGroup && !ctx.recommender.data.vaccineGroups.has(q.vaccineGroup))
    throw invalid('Unknown vaccine group', [{ path: 'vaccineGroup', message: 'Choose a vaccine group of the CDSi release' }]);
  const filters: DosesFilters = {
    vaccineGroup: q.vaccineGroup ?? null,
    cvx: q.cvx ?? null,
    fundingSource: q.fundingSource ?? null,
    vfcEligibility: q.vfcEligibility ?? null,
    clinicId: q.clinicId ?? null,
    clinicName,
    ageGroup: q.ageGroup ?? null,
  };
  return { filters, scope };
}

/** The canonical CVX codes the CDSi release counts for a vaccine group (doses store canonical codes). */
function cvxOfGroup(ctx: AppContext, group: string): string[] {
  return [...ctx.recommender.data.cvxMap.keys()]
    .filter((k) => ctx.recommender.vaccineInfo(k).groups.includes(group))
    .map((k) => canonicalCvx(k) ?? k);
}

function cvxFilter(ctx: AppContext, f: DosesFilters): string[] | undefined {
  if (!f.vaccineGroup) return f.cvx ? [f.cvx] : undefined;
  const codes = cvxOfGroup(ctx, f.vaccineGroup);
  return f.cvx ? codes.filter((c) => c === f.cvx) : codes;
}

export async function dosesAdministered(
  ctx: AppContext,
  actor: Actor,
  q: DosesQueryInput,
  progress?: Progress,
): Promise<DosesAdministeredReport> {
  const { from, to } = range(ctx, q);
  const view = await populationFor(ctx, actor);
  const { filters, scope } = await doseFiltersOf(ctx, view, q);
  let doses = await administeredDosesIn(ctx.db, from, to, scope, {
    cvx: cvxFilter(ctx, filters),
    fundingSource: q.fundingSource,
    vfcEligibility: q.vfcEligibility,
  });
  // Age at the dose needs the patients' birth dates (the patients module's): read once, for grouping or filtering.
  const dob =
    q.by === 'age' || filters.ageGroup
      ? new Map((await forecastDemographicsOf(ctx.db, [...new Set(doses.map((d) => d.patient_id))])).map((p) => [p.id, p.dob]))
      : new Map<string, string>();
  const ageOf = (d: (typeof doses)[number]) => (dob.has(d.patient_id) ? ageGroup(dob.get(d.patient_id)!, d.date) : 'unknown');
  if (filters.ageGroup) doses = doses.filter((d) => ageOf(d) === filters.ageGroup);
  await progress?.(60, `${doses.length} doses found`);
  let keyOf: (d: (typeof doses)[number]) => string;
  let labelOf: (k: string) => string = (k) => k;
  if (q.by === 'vaccine') {
    keyOf = (d) => d.cvx;
    labelOf = (k) => `${ctx.recommender.vaccineName(k)} (CVX ${k})`;
  } else if (q.by === 'funding') {
    keyOf = (d) => d.funding_source ?? '';
    labelOf = (k) => (k ? (fieldLabel('fundingSource', k) ?? k) : 'Not recorded');
  } else if (q.by === 'vfc') {
    keyOf = (d) => d.vfc_eligibility ?? '';
    labelOf = (k) => (k ? (fieldLabel('vfcEligibility', k) ?? k) : 'Not recorded');
  } else if (q.by === 'clinic') {
    const names = await organizationNames(
      ctx.db,
      doses.map((d) => d.source_org_id),
    );
    keyOf = (d) => d.source_org_id ?? '';
    labelOf = (k) => names.get(k) ?? 'Unknown';
  } else {
    keyOf = ageOf;
    labelOf = (k) => AGE_GROUPS.find(([, key]) => key === k)?.[2] ?? 'Unknown';
  }
  const counts = new Map<string, number>();
  for (const d of doses) counts.set(keyOf(d), (counts.get(keyOf(d)) ?? 0) + 1);
  const rows: CountRow[] = [...counts].map(([key, count]) => ({ key, label: labelOf(key), count }));
  const ageIndex = (k: string) => AGE_GROUPS.findIndex(([, key]) => key === k) >>> 0; // unknown (-1) last
  if (q.by === 'age') rows.sort((a, b) => ageIndex(a.key) - ageIndex(b.key));
  else rows.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  await audit(ctx, actor, 'doses_administered', { from, to, by: q.by, ...filters });
  return { from, to, by: q.by, filters, scope: view.label, rows, total: doses.length };
}

export async function inactivePatients(
  ctx: AppContext,
  actor: Actor,
  q: { level?: 'clinic' | 'jurisdiction' | undefined },
): Promise<InactivePatientsReport> {
  const view = await populationFor(ctx, actor);
  const level = q.level ?? (view.scope.kind === 'clinic' ? 'clinic' : 'jurisdiction');
  if (level === 'clinic' && view.scope.kind !== 'clinic')
    throw invalid('Inactive at a clinic is a clinic’s list', [{ path: 'level', message: 'Choose jurisdiction' }]);
  const rows =
    level === 'clinic' && view.scope.kind === 'clinic'
      ? await inactiveAtOrganization(ctx.db, view.scope.organizationId)
      : await inactiveInJurisdiction(ctx.db, view.scope);
  const patients = rows.map((r) => ({ patientId: r.id, name: r.name, dob: r.dob, status: r.status, reason: r.reason, since: r.since }));
  await audit(
    ctx,
    actor,
    'inactive_patients',
    { level },
    patients.map((p) => p.patientId),
  );
  return { scope: view.label, level, patients };
}

export async function dataQuality(
  ctx: AppContext,
  actor: Actor,
  q: { from?: string | undefined; to?: string | undefined },
): Promise<DataQualityReport> {
  const { from, to } = range(ctx, q);
  const view = await populationFor(ctx, actor);
  const f = await doseFindings(ctx.db, from, to, await doseScopeOf(ctx, view));
  const doseItems = (rows: typeof f.late, detail: (r: (typeof f.late)[number]) => string) =>
    rows.slice(0, ITEMS).map((r) => ({ patientId: r.patient_id, doseId: r.id, date: r.date, detail: detail(r) }));
  const name = (cvx: string) => ctx.recommender.vaccineName(cvx);
  const people = await coveragePopulation(ctx.db, { dobFrom: '0001-01-01', dobTo: '9999-12-31', scope: view.scope });
  const noAddress = await withoutAddress(
    ctx.db,
    people.map((p) => p.id),
  );
  const duplicates = await openDuplicatesAmong(ctx.db, view.scope.kind === 'all' ? null : people.map((p) => p.id));
  const names = new Map(people.map((p) => [p.id, p.name]));
  const checks: DataQualityReport['checks'] = [
    {
      key: 'not_administered',
      label: 'Added but not administered',
      count: f.notAdministered.length,
      items: doseItems(f.notAdministered, (r) => name(r.cvx)),
    },
    {
      key: 'missing_lot_or_funding',
      label: 'Administered doses without lot number or funding source',
      count: f.missingLotOrFunding.length,
      items: doseItems(
        f.missingLotOrFunding,
        (r) => `${name(r.cvx)}: ${[r.lot ? null : 'no lot', r.funding_source ? null : 'no funding source'].filter(Boolean).join(', ')}`,
      ),
    },
    {
      key: 'late_entry',
      label: 'Entered more than 30 days after the dose was given',
      count: f.late.length,
      items: doseItems(f.late, (r) => `${name(r.cvx)} entered ${jurisdictionDay(new Date(r.entered_at))}`),
    },
    {
      key: 'no_address',
      label: 'Patients without an address',
      count: noAddress.length,
      items: noAddress.slice(0, ITEMS).map((id) => ({ patientId: id, doseId: null, date: null, detail: names.get(id) ?? '' })),
    },
    {
      key: 'possible_duplicates',
      label: 'Possible duplicates awaiting DPH review',
      count: duplicates.length,
      items: duplicates.slice(0, ITEMS).map((d) => ({
        patientId: d.patientId,
        doseId: null,
        date: null,
        detail: `${names.get(d.patientId) ?? ''} (match score ${d.score})`.trim(),
      })),
    },
  ];
  const disclosed = [...new Set(checks.flatMap((c) => c.items.map((i) => i.patientId)))];
  await audit(ctx, actor, 'data_quality', { from, to }, disclosed);
  return { from, to, scope: view.label, checks };
}
