// Signing and review of an agreement revision. Signing is a re-authentication (password and TOTP again) by the
// right officer; it records who, when, from where and the SHA-256 of the exact text and data, and freezes the
// revision. DPH's vaccine program approver then approves it or returns it with comments.

import type { AgreementDetail } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { conflict, forbidden } from '../../errors.ts';
import { isStatewide, reauthenticate, type Actor } from '../access/index.ts';
import { signerRoleOf, signRefusal } from './agreement-rules.ts';
import * as repo from './agreement.repo.ts';
import { contentHashOf, requiredSigners } from './agreement.present.ts';
import { agreementDetail, audit, readableAgreement } from './agreement.service.ts';

export async function signAgreement(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { password: string; otp: string; version: number },
): Promise<AgreementDetail> {
  const seen = await readableAgreement(ctx.db, actor, id);
  // Refused with the reason before any password is asked for.
  const refusal = signRefusal(actor, seen, await repo.signaturesOf(ctx.db, [id]));
  if (refusal) throw forbidden(refusal);
  await reauthenticate(ctx, actor, input.password, input.otp, 'agreement.sign');
  const role = signerRoleOf(actor)!;
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (trx) => {
    // Locked: a draft edit or another signature waits, and what is hashed is what is stored.
    const r = await repo.agreementById(trx, id, { lock: true });
    const signatures = await repo.signaturesOf(trx, [id]);
    const late = signRefusal(actor, r!, signatures);
    if (late) throw conflict(late);
    if (r!.version !== input.version) throw conflict('The agreement changed since you opened it; read it again before signing.');
    const hash = contentHashOf(r!);
    if (r!.signed_hash && r!.signed_hash !== hash)
      throw conflict('The stored agreement no longer matches what was signed first; tell DPH.');
    await repo.insertSignature(trx, {
      agreement_id: id,
      signer_role: role,
      user_id: actor.userId,
      signer_username: actor.username,
      signer_name: actor.displayName,
      signed_at: now,
      ip: actor.ip,
      sha256: hash,
    });
    const signed = new Set([...signatures.map((s) => s.signer_role), role]);
    const complete = requiredSigners(r!.program).every((s) => signed.has(s));
    const next = await repo.setStatus(trx, id, [r!.status], { status: complete ? 'submitted' : 'signing', signed_hash: hash }, now);
    await audit(trx, actor, next!, 'agreement.sign', now, { role, sha256: hash });
    return next!;
  });
  return agreementDetail(ctx.db, actor, row);
}

async function review(
  ctx: AppContext,
  actor: Actor,
  id: string,
  decision: 'approved' | 'returned',
  comment: string | null,
): Promise<AgreementDetail> {
  if (!isStatewide(actor)) throw forbidden('DPH reviews agreements.');
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await repo.agreementById(trx, id, { lock: true });
    if (!r) throw conflict('The agreement was not found.');
    if (r.status !== 'submitted') throw conflict(`This revision is ${r.status}: only a signed, submitted agreement is reviewed.`);
    if (decision === 'approved' && r.signed_hash !== contentHashOf(r))
      throw conflict('The stored agreement no longer matches its signatures; it cannot be approved.');
    const year = r.program_year;
    const next = await repo.setStatus(
      trx,
      id,
      ['submitted'],
      decision === 'approved'
        ? {
            status: 'approved',
            valid_from: `${year}-01-01`,
            valid_until: `${year}-12-31`,
            reviewed_by: actor.userId,
            reviewed_at: now,
            review_comment: comment,
          }
        : { status: 'returned', reviewed_by: actor.userId, reviewed_at: now, review_comment: comment },
      now,
    );
    await audit(trx, actor, next!, decision === 'approved' ? 'agreement.approve' : 'agreement.return', now, { comment });
    return next!;
  });
  return agreementDetail(ctx.db, actor, row);
}

export const approveAgreement = (ctx: AppContext, actor: Actor, id: string) => review(ctx, actor, id, 'approved', null);
export const returnAgreement = (ctx: AppContext, actor: Actor, id: string, comment: string) => review(ctx, actor, id, 'returned', comment);
