// The dose-edit rule, written once: an entry on a record (a dose, a refusal, an observation) is corrected or
// removed only by the organization that entered it, or by DPH. The services enforce it for any submitter;
// the record view uses it to show which entries the signed-in user may change.

import { forbidden } from '../../errors.ts';
import { isStatewide, isStatewideSubmitter, type Actor, type Submitter } from '../access/index.ts';

interface Editor {
  organizationId: string | null;
  statewide: boolean;
}

function mayChangeEntry(editor: Editor, sourceOrgId: string | null): boolean {
  return editor.statewide || (editor.organizationId !== null && sourceOrgId === editor.organizationId);
}

/** Throws forbidden (with `message`) unless the submitter's organization entered it, or the submitter is DPH. */
export function assertMayChangeEntry(s: Submitter, sourceOrgId: string | null, message: string): void {
  if (!mayChangeEntry({ organizationId: s.organizationId, statewide: isStatewideSubmitter(s) }, sourceOrgId)) throw forbidden(message);
}

/** Whether the record view offers the signed-in user to change an entry (a writer, of the entering organization or DPH). */
export function actorMayChangeEntry(actor: Actor, sourceOrgId: string | null): boolean {
  return (
    actor.permissions.has('patient:write') &&
    mayChangeEntry({ organizationId: actor.scope?.organizationId ?? null, statewide: isStatewide(actor) }, sourceOrgId)
  );
}
