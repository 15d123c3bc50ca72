// Who may sign which agreement, with the reason when not. Pure.
import type { Actor } from '../access/index.ts';
import type { AgreementRow, SignatureRow } from './agreement.repo.ts';
import { requiredSigners } from './agreement.present.ts';

export type SignerRole = 'cmo' | 'ceo';

/** The signing role the actor holds at the clinic they act for, if any. */
export function signerRoleOf(actor: Actor): SignerRole | null {
  const t = actor.scope?.accessType;
  return t === 'cmo_signing' ? 'cmo' : t === 'ceo_signing' ? 'ceo' : null;
}

const PROGRAM_NAMES = { cvp: 'CVP', covid19: 'COVID-19' } as const;

/** Null when the actor may sign the revision now; else why not, in words the signer reads. */
export function signRefusal(actor: Actor, row: AgreementRow, signatures: readonly SignatureRow[]): string | null {
  const program = PROGRAM_NAMES[row.program];
  const role = signerRoleOf(actor);
  if (actor.scope?.organizationId !== row.organization_id || actor.scope.organizationKind !== 'clinic')
    return 'Only the clinic’s own signing officers sign its agreement.';
  if (role === null)
    return row.program === 'cvp'
      ? `Only the clinic’s Chief Medical Officer/Physician Signing user signs the ${program} agreement.`
      : `Only the clinic’s Chief Medical Officer/Physician and its Chief Executive or Fiduciary Officer sign the ${program} agreement.`;
  if (!requiredSigners(row.program).includes(role))
    return `Only the clinic’s Chief Medical Officer/Physician Signing user signs the ${program} agreement; the Chief Executive or Fiduciary Officer signs the COVID-19 agreement.`;
  if (row.status !== 'draft' && row.status !== 'signing') return `This revision is ${row.status}: there is nothing to sign.`;
  if (signatures.some((s) => s.agreement_id === row.id && s.signer_role === role)) return 'You have signed this revision already.';
  return null;
}
