// Who submits a change, and through what: the web UI (a signed-in user acting for their organization), an
// HL7 interface or a FHIR client acting for a clinic, a batch import, the command line. Record-writing
// services (record a dose, create or update a patient, refusals, observations) take a Submitter instead of
// the web session, so every channel calls the same function; each channel authorizes its caller first (the
// web routes: route policy + the record-scope policy functions) and then builds the Submitter.

import { forbidden } from '../../errors.ts';
import type { OrganizationKind } from './access-model.ts';
import type { Actor } from './actor.ts';

export const SubmitterKind = { ui: 'ui', hl7: 'hl7', fhir: 'fhir', import: 'import', cli: 'cli' } as const;
export type SubmitterKind = keyof typeof SubmitterKind;

export interface Submitter {
  kind: SubmitterKind;
  /** The organization the data comes from (recorded as the source of each report): the clinic, or DPH. */
  organizationId: string;
  organizationKind: OrganizationKind;
  /** The person who entered it (ui, cli); null for an interface. */
  userId: string | null;
  /** The interface (HL7 sender, FHIR client, import batch) that reported it; null for a person. */
  interfaceId: string | null;
  /** The name the audit entry shows: the username, or the interface's name. */
  username: string;
  /** The client address, for the audit entry. */
  ip: string | null;
}

/** The web UI's submitter: the signed-in user, acting for the organization chosen in their session. */
export function uiSubmitter(actor: Actor): Submitter {
  const scope = actor.scope;
  if (!scope) throw forbidden('Choose the clinic you are working for');
  return {
    kind: 'ui',
    organizationId: scope.organizationId,
    organizationKind: scope.organizationKind,
    userId: actor.userId,
    interfaceId: null,
    username: actor.username,
    ip: actor.ip,
  };
}

/** DPH acts for the whole jurisdiction. */
export function isStatewideSubmitter(s: Pick<Submitter, 'organizationKind'>): boolean {
  return s.organizationKind === 'dph';
}
