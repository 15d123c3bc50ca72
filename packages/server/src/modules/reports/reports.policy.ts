// Record scope of the reports, declared once. Reminder/recall lists a clinic's patients: a clinic user runs it for
// the clinic they act for, DPH for any clinic it names; schools and health departments have no clinic population.
import type { AppContext } from '../../context.ts';
import { forbidden, invalid } from '../../errors.ts';
import { isStatewide, type Actor } from '../access/index.ts';
import { findOrganization, listActiveOrganizations, servedTownsOf } from '../organizations/index.ts';
import type { PopulationScope } from '../patients/index.ts';

export interface ReportClinic {
  id: string;
  name: string;
}

/** The clinics whose reminder/recall the actor may run (the picker DPH chooses from): all active ones, or its own. */
export async function reminderClinicsFor(ctx: AppContext, actor: Actor): Promise<Array<{ id: string; name: string; pin: string | null }>> {
  const scope = actor.scope;
  if (!scope) return [];
  if (isStatewide(actor)) {
    const clinics = await listActiveOrganizations(ctx.db, 'clinic');
    return clinics.map((c) => ({ id: c.id, name: c.name, pin: c.pin })).sort((a, b) => a.name.localeCompare(b.name));
  }
  return scope.organizationKind === 'clinic' ? [{ id: scope.organizationId, name: scope.organizationName, pin: scope.pin }] : [];
}

export async function reminderClinicFor(ctx: AppContext, actor: Actor, requested: string | undefined): Promise<ReportClinic> {
  const scope = actor.scope;
  if (!scope) throw forbidden('Choose the clinic you are working for');
  if (isStatewide(actor)) {
    if (!requested) throw invalid('Choose the clinic', [{ path: 'organizationId', message: 'Choose the clinic whose patients to list' }]);
    const org = await findOrganization(ctx.db, requested);
    if (!org || org.kind !== 'clinic') throw invalid('Not a clinic', [{ path: 'organizationId', message: 'Choose a clinic' }]);
    return { id: org.id, name: org.name };
  }
  if (scope.organizationKind !== 'clinic') throw forbidden('Reminder/recall lists a clinic’s patients');
  if (requested && requested !== scope.organizationId) throw forbidden('You can list the patients of the clinic you are working for only');
  return { id: scope.organizationId, name: scope.organizationName };
}

export interface PopulationView {
  scope: PopulationScope;
  label: string;
}

/**
 * Whose residents a population report (coverage) counts: a clinic its owned and active patients, a school nurse
 * her students, a health director the residents of the district's towns, DPH the state.
 */
export async function populationFor(ctx: AppContext, actor: Actor): Promise<PopulationView> {
  const scope = actor.scope;
  if (!scope) throw forbidden('Choose the organization you are working for');
  if (isStatewide(actor)) return { scope: { kind: 'all', includeOptedOut: true }, label: 'Connecticut' };
  if (scope.accessType === 'health_dept_readonly') {
    return {
      scope: { kind: 'towns', towns: await servedTownsOf(ctx.db, scope.organizationId) },
      label: `Towns of ${scope.organizationName}`,
    };
  }
  if (scope.accessType === 'school_readonly')
    return { scope: { kind: 'linked', organizationId: scope.organizationId }, label: scope.organizationName };
  if (scope.organizationKind === 'clinic')
    return { scope: { kind: 'clinic', organizationId: scope.organizationId }, label: scope.organizationName };
  throw forbidden('Population reports are for clinics, schools, health departments and DPH');
}
