// VXU^V04: identify the patient with the UI's matcher and record what the message reports through the same
// source-neutral services the UI uses (Submitter kind 'hl7'). Everything is read and validated before the first
// write; a test message (MSH-11 T) stops there: it is validated and answered, never stored.
import type { StockLotOption } from '@nutmeg/api-types';
import type { Hl7IssueRow } from '@nutmeg/db';
import type { Message } from '@nutmeg/hl7v2';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { AppError } from '../../errors.ts';
import { withSavepoint } from '../../transaction.ts';
import type { Submitter } from '../access/index.ts';
import { auditBatchMark, dropAuditBatchAfter } from '../audit/index.ts';
import {
  deleteDose,
  exchangeDoses,
  recordDose,
  recordObservation,
  recordRefusal,
  updateDose,
  type DoseRow,
} from '../immunizations/index.ts';
import { createPatient, findDuplicates, queuePossibleDuplicates, writeVisibility } from '../patients/index.ts';
import { detect } from './dq-rules.ts';
import { applyPd1, readPd1 } from './pd1-read.ts';
import { patientBySr } from './sr-match.ts';
import { readPatient, type ReportedPatient } from './patient-read.ts';
import { stockLotNamed, stockLotsOfMessage, writeFromStock } from './rxa-stock.ts';
import { readAdministrations, type Administration, type Catalogue } from './rxa-read.ts';
import { attachVis } from './vis-obx.ts';

export interface VxuOutcome {
  issues: Hl7IssueRow[];
  patientId: string | null;
  /** False when nothing could be recorded (the message is rejected). */
  accepted: boolean;
}

export function catalogueOf(ctx: AppContext): Catalogue {
  // A coded value may belong to several observations (VXC20, allergy to a previous dose, is listed by each
  // vaccine's): the one that also lists the RXA's vaccine, else the first in the release (the general one).
  const byValue = new Map<string, Array<{ code: string; cvx: Set<string> }>>();
  for (const o of ctx.recommender.data.observations.values()) {
    const cvx = new Set(o.codedValues.filter((v) => v.codeSystem === 'CVX').map((v) => v.code));
    for (const v of o.codedValues) {
      const list = byValue.get(v.code) ?? [];
      list.push({ code: o.code, cvx });
      byValue.set(v.code, list);
    }
  }
  return {
    groupsOf: (cvx) => ctx.recommender.vaccineInfo(cvx).groups,
    observationOf: (code, cvx) => {
      const list = byValue.get(code);
      return (list?.find((o) => cvx !== undefined && o.cvx.has(cvx)) ?? list?.[0])?.code;
    },
  };
}

let cachedCatalogue: { ctx: AppContext['recommender']; catalogue: Catalogue } | undefined;
function catalogue(ctx: AppContext): Catalogue {
  if (cachedCatalogue?.ctx !== ctx.recommender) cachedCatalogue = { ctx: ctx.recommender, catalogue: catalogueOf(ctx) };
  return cachedCatalogue.catalogue;
}

/**
 * The record this patient is: a likely match attaches; otherwise a new record (a possible match is reported).
 * The matcher runs once: its candidates are the duplicate check of the new record.
 */
async function identify(
  ctx: AppContext,
  submitter: Submitter,
  p: ReportedPatient,
  issues: Hl7IssueRow[],
): Promise<{ patientId: string; created: boolean }> {
  const bySr = await patientBySr(ctx, submitter, p, issues);
  if (bySr) return { patientId: bySr, created: false };
  const candidates = await findDuplicates(ctx.db, writeVisibility(submitter), p.body);
  const top = candidates[0];
  if (top?.classification === 'likely') return { patientId: top.id, created: false };
  const created = await createPatient(ctx, submitter, { ...p.body, confirmNew: true }, { duplicates: candidates });
  if (top) {
    // The grey zone: DPH's data steward gets each pair to decide on (queued with the message, once per pair).
    await queuePossibleDuplicates(
      ctx.db,
      candidates.map((c) => ({ patientId: created.id, candidateId: c.id, score: c.score, reasons: c.reasons, source: 'hl7' as const })),
      ctx.clock.now(),
    );
    const i = detect(
      'PatientPossibleDuplicateCreated',
      'PID',
      `A new record was created; ${candidates.length} existing record(s) may be the same person and are left for DPH's data steward`,
    );
    if (i) issues.push(i);
  }
  return { patientId: created.id, created: true };
}

/**
 * Thrown when a vaccination or observation is refused in a message processed without a savepoint per item
 * (`itemSavepoints: false`): the caller undoes the whole message and processes it again with them. Refusals are
 * rare, and two round trips per item (SAVEPOINT, RELEASE) are a good part of a message's work.
 */
export class ItemSavepointsNeeded extends Error {
  constructor() {
    super('A vaccination was refused: the message is processed again with a savepoint per vaccination');
    this.name = 'ItemSavepointsNeeded';
  }
}

/** Without per-item savepoints a refused item cannot be undone alone: the message is redone with them. */
async function refusalRedoesMessage<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError && e.kind !== 'unavailable') throw new ItemSavepointsNeeded();
    throw e;
  }
}

/** A live dose this clinic reported on the record (what a resend, an update or a delete of its message names). */
interface OwnReport {
  id: string;
  cvx: string;
  date: string;
}

/** The clinic's own live reports on the record, read once per message (a new record has none). */
async function ownReports(ctx: AppContext, submitter: Submitter, patientId: string, created: boolean): Promise<OwnReport[]> {
  if (created) return [];
  return (await exchangeDoses(ctx, submitter, patientId))
    .filter((d: DoseRow) => !d.deleted_at && d.source_org_id === submitter.organizationId)
    .map((d) => ({ id: d.id, cvx: d.cvx, date: d.date }));
}

interface Recording {
  submitter: Submitter;
  patientId: string;
  reason: string;
  issues: Hl7IssueRow[];
  /** Kept in step with what this message records, updates and deletes. */
  own: OwnReport[];
  /** The clinic's usable lots for each RXA that names a lot, read once for the message. */
  lots: Map<number, StockLotOption[]>;
  /** How an item that may be refused is run: in its savepoint, or (optimistically) as is. */
  step: <T>(fn: () => Promise<T>) => Promise<T>;
}

async function apply(ctx: AppContext, r: Recording, a: Administration): Promise<void> {
  const { submitter, patientId, reason, issues } = r;
  const at = `RXA[${a.rxa}]`;
  if (a.kind === 'not-administered') return;
  if (a.kind === 'refusal') {
    if (a.action !== 'D') await recordRefusal(ctx, submitter, patientId, a.refusal);
    return;
  }
  const dose = a.dose;
  const mine = r.own.find((d) => d.cvx === dose.cvx && d.date === dose.date);
  if (a.action === 'D') {
    if (mine) {
      // Whatever the dose took from stock goes back (deleteDose reverses it).
      await deleteDose(ctx, submitter, patientId, mine.id, reason);
      r.own = r.own.filter((d) => d !== mine);
    } else
      pushIssue(
        issues,
        detect(
          'VaccinationDeleteTargetNotFound',
          `${at}-21`,
          'No dose from this clinic with this vaccine and date to delete: nothing deleted',
        ),
      );
    return;
  }
  const stock = stockLotNamed(dose, r.lots.get(a.rxa) ?? [], a.rxa, issues);
  const undo = r.step;
  if (a.action === 'U' && mine) {
    // Another lot named: the old one gets its dose back and the new one gives one (updateDose's restock).
    await writeFromStock(dose, stock, a.rxa, issues, undo, (body) => updateDose(ctx, submitter, patientId, mine.id, body, reason));
    return;
  }
  if (a.action === 'U') {
    pushIssue(
      issues,
      detect(
        'VaccinationUpdateTargetNotFound',
        `${at}-21`,
        'No dose from this clinic with this vaccine and date to update: nothing recorded',
      ),
    );
    return;
  }
  // A resent message (or a resumed batch) reports the same dose again: it is already recorded, once.
  if (!mine) {
    const recorded = await writeFromStock(dose, stock, a.rxa, issues, undo, (body) => recordDose(ctx, submitter, patientId, body));
    r.own.push({ id: recorded.id, cvx: dose.cvx, date: dose.date });
  }
}

/**
 * One vaccination or observation of the message, undone alone when the registry's rules refuse it: its writes
 * by its savepoint, its audit entries from the message's batch.
 */
async function undoable<T>(ctx: AppContext, fn: () => Promise<T>): Promise<T> {
  const mark = auditBatchMark(ctx.db);
  try {
    return await withSavepoint(ctx.db, fn);
  } catch (e) {
    dropAuditBatchAfter(ctx.db, mark);
    throw e;
  }
}

function pushIssue(issues: Hl7IssueRow[], i: Hl7IssueRow | null): void {
  if (i) issues.push(i);
}

export async function processVxu(
  ctx: AppContext,
  submitter: Submitter,
  message: Message,
  opts: { testOnly: boolean; controlId: string; itemSavepoints: boolean },
): Promise<VxuOutcome> {
  const today = jurisdictionToday(ctx.clock);
  const pr = readPatient(message, today);
  const issues = [...pr.issues];
  if (!pr.patient) return { issues, patientId: null, accepted: false };
  const ar = readAdministrations(message, { today, dob: pr.patient.body.dob, catalogue: catalogue(ctx) });
  issues.push(...ar.issues);
  issues.push(...attachVis(message, ar.administrations, today));
  const pd1 = readPd1(message, today);
  issues.push(...pd1.issues);
  if (ar.rxaCount === 0 || ar.rejected.length === ar.rxaCount) return { issues, patientId: null, accepted: false };
  if (opts.testOnly) return { issues, patientId: null, accepted: true };
  const { patientId, created } = await identify(ctx, submitter, pr.patient, issues);
  const step = opts.itemSavepoints ? <T>(fn: () => Promise<T>) => undoable(ctx, fn) : refusalRedoesMessage;
  const r: Recording = {
    submitter,
    patientId,
    reason: `HL7 message ${opts.controlId}`.slice(0, 500),
    issues,
    own: await ownReports(ctx, submitter, patientId, created),
    lots: await stockLotsOfMessage(ctx, submitter, ar.administrations),
    step,
  };
  let recorded = 0;
  for (const a of ar.administrations) {
    try {
      await step(() => apply(ctx, r, a));
      recorded++;
    } catch (e) {
      // The services' own rules (dose before birth, VFC funding…): this vaccination is refused (undone), the
      // others stand.
      if (!(e instanceof AppError) || e.kind === 'unavailable') throw e;
      pushIssue(issues, detect('VaccinationIsRejectedByRegistry', `RXA[${a.rxa}]`, `The vaccination was not recorded: ${e.message}`));
    }
  }
  for (const o of ar.observations) {
    try {
      const body = { kind: o.kind, code: o.code, date: o.date, status: 'active' as const };
      await step(() => recordObservation(ctx, submitter, patientId, body));
    } catch (e) {
      if (!(e instanceof AppError) || e.kind === 'unavailable') throw e;
      pushIssue(issues, detect('PatientImmunityCodeIsUnrecognized', `RXA[${o.rxa}] OBX`, `The observation was not recorded: ${e.message}`));
    }
  }
  await applyPd1(ctx, submitter, patientId, pd1, r.reason, issues);
  return { issues, patientId, accepted: recorded > 0 || ar.observations.length > 0 || ar.administrations.length === 0 };
}
