// Provider agreements per program year: the clinic drafts (provider profile, prescribers, vaccines; its storage
// units and the program's conditions text are added), revises (a signed revision is frozen: a change starts a
// new revision), and other modules ask whether an approved agreement covers a day.

import type { AgreementDetail, AgreementList } from '@nutmeg/api-types';
import type { Kysely } from 'kysely';
import type { AgreementProgram, Database } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { conflict, invalid, notFound } from '../../errors.ts';
import { can, usernamesByIds, type Actor } from '../access/index.ts';
import { appendActorAudit } from '../audit/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { signRefusal } from './agreement-rules.ts';
import * as repo from './agreement.repo.ts';
import type { AgreementDraftInput } from './agreement.schemas.ts';
import { presentDetail, presentSummary } from './agreement.present.ts';
import { actsFor, clinicToChange, clinicToRead, type ClinicRef } from './clinics.policy.ts';
import { storageUnitsOf } from './storage-unit.service.ts';

type Db = Kysely<Database>;

/** True when DPH approved the clinic's agreement for the program and it covers `onDate` ('YYYY-MM-DD'). */
export function hasCurrentAgreement(db: Db, organizationId: string, program: AgreementProgram, onDate: string): Promise<boolean> {
  return repo.approvedCovering(db, organizationId, program, onDate);
}

export async function listAgreements(ctx: AppContext, actor: Actor, organizationId?: string): Promise<AgreementList> {
  const clinic = await clinicToRead(ctx.db, actor, organizationId);
  const today = jurisdictionToday(ctx.clock);
  const rows = await repo.agreementsOf(ctx.db, clinic.id);
  const signatures = await repo.signaturesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    clinic,
    today,
    current: {
      cvp: await hasCurrentAgreement(ctx.db, clinic.id, 'cvp', today),
      covid19: await hasCurrentAgreement(ctx.db, clinic.id, 'covid19', today),
    },
    agreements: rows.map((r) => presentSummary(r, signatures)),
    canDraft: actsFor(actor, clinic.id),
  };
}

async function detail(db: Db, actor: Actor, row: repo.AgreementRow): Promise<AgreementDetail> {
  const signatures = await repo.signaturesOf(db, [row.id]);
  const title = (await repo.conditionsTitle(db, row.program, row.conditions_version))?.title ?? row.conditions_version;
  const reviewer = row.reviewed_by ? (await usernamesByIds(db, [row.reviewed_by])).get(row.reviewed_by) : undefined;
  return presentDetail(row, signatures, {
    conditionsTitle: title,
    reviewedBy: reviewer ?? null,
    canEdit: actsFor(actor, row.organization_id) && row.status !== 'superseded',
    signRefusal: signRefusal(actor, row, signatures),
    canReview: can(actor, 'agreement:approve') && row.status === 'submitted',
  });
}

/** A revision the actor may read (a clinic user naming another clinic's gets "not found"). */
export async function readableAgreement(db: Db, actor: Actor, id: string): Promise<repo.AgreementRow> {
  const row = await repo.agreementById(db, id);
  if (!row) throw notFound('The agreement');
  await clinicToRead(db, actor, row.organization_id);
  return row;
}

export async function getAgreement(ctx: AppContext, actor: Actor, id: string): Promise<AgreementDetail> {
  return detail(ctx.db, actor, await readableAgreement(ctx.db, actor, id));
}

/** The draft as stored: what the clinic entered, plus the clinic and its active storage units now. */
async function dataOf(db: Db, clinic: ClinicRef, input: AgreementDraftInput): Promise<string> {
  const org = await findOrganization(db, clinic.id);
  const units = (await storageUnitsOf(db, clinic.id)).filter((u) => u.active);
  return JSON.stringify({
    ...input,
    clinic: { pin: org?.pin ?? clinic.pin, name: org?.name ?? clinic.name },
    storageUnits: units.map((u) => ({ name: u.name, kind: u.kind, make: u.make, model: u.model, dataLoggerId: u.dataLoggerId })),
  });
}

async function newRevision(
  ctx: AppContext,
  trx: Db,
  clinic: ClinicRef,
  program: AgreementProgram,
  year: number,
  revision: number,
  input: AgreementDraftInput,
  actor: Actor,
  now: Date,
) {
  const conditions = await repo.conditionsInEffect(trx, program, jurisdictionToday(ctx.clock));
  if (!conditions)
    throw invalid('No conditions text is in effect for the program', [{ path: 'program', message: 'No conditions text in effect' }]);
  return repo.insertAgreement(trx, {
    organization_id: clinic.id,
    program,
    program_year: year,
    revision,
    conditions_version: conditions.version,
    conditions_text: conditions.body,
    data: await dataOf(trx, clinic, input),
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  });
}

export async function startAgreement(
  ctx: AppContext,
  actor: Actor,
  input: { program: AgreementProgram; programYear: number; data: AgreementDraftInput },
): Promise<AgreementDetail> {
  const clinic = clinicToChange(actor, 'The clinic drafts its own agreement; DPH reviews it once signed.');
  const thisYear = Number(jurisdictionToday(ctx.clock).slice(0, 4));
  if (input.programYear < thisYear || input.programYear > thisYear + 1)
    throw invalid('Draft this year’s or next year’s agreement', [
      { path: 'programYear', message: `Choose ${thisYear} or ${thisYear + 1}` },
    ]);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const latest = await repo.latestRevision(trx, clinic.id, input.program, input.programYear);
    if (latest)
      throw conflict(`The ${input.programYear} agreement exists already (revision ${latest.revision}): open it to change it.`, {
        agreementId: latest.id,
      });
    const created = await newRevision(ctx, trx, clinic, input.program, input.programYear, 1, input.data, actor, now);
    await audit(trx, actor, created, 'agreement.draft', now);
    return created;
  });
  return detail(ctx.db, actor, row);
}

/**
 * Changes an agreement: a draft is edited in place (over the version read); a signed, submitted, returned or
 * approved revision stays exactly as it was signed and the change becomes a new draft revision.
 */
export async function reviseAgreement(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { data: AgreementDraftInput; version: number },
): Promise<AgreementDetail> {
  const clinic = clinicToChange(actor, 'The clinic drafts its own agreement; DPH reviews it once signed.');
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const current = await repo.agreementById(trx, id);
    if (!current || current.organization_id !== clinic.id) throw notFound('The agreement');
    const latest = await repo.latestRevision(trx, clinic.id, current.program, current.program_year);
    if (latest!.id !== current.id) throw conflict(`Revision ${latest!.revision} is newer: change that one.`, { agreementId: latest!.id });
    if (current.status === 'draft') {
      const saved = await repo.updateDraft(trx, id, input.version, await dataOf(trx, clinic, input.data), now);
      if (!saved) throw conflict('Someone changed or signed this draft since you opened it; reload it.', {});
      await audit(trx, actor, saved, 'agreement.edit', now);
      return saved;
    }
    // Frozen: the signed revision keeps its text, data and hash. One still awaiting signatures or review is superseded.
    if (current.status === 'signing' || current.status === 'submitted' || current.status === 'returned')
      await repo.setStatus(trx, current.id, [current.status], { status: 'superseded' }, now);
    const next = await newRevision(ctx, trx, clinic, current.program, current.program_year, current.revision + 1, input.data, actor, now);
    await audit(trx, actor, next, 'agreement.revise', now, { from: current.id });
    return next;
  });
  return detail(ctx.db, actor, row);
}

export function audit(
  db: Db,
  actor: Actor,
  r: repo.AgreementRow,
  action: string,
  now: Date,
  extra: Record<string, unknown> = {},
): Promise<void> {
  return appendActorAudit(
    db,
    actor,
    {
      organizationId: r.organization_id,
      action,
      entityType: 'provider_agreement',
      entityId: r.id,
      detail: { program: r.program, programYear: r.program_year, revision: r.revision, status: r.status, ...extra },
    },
    now,
  );
}

export { detail as agreementDetail };
