// The Certificate of Immunization: printing it (PDF, with validity from the recommender and a verification
// code), and the public check of a printed code. The code is an HMAC of what the certificate certifies
// (identity and doses) under a key derived from the per-install secret, so nobody outside the registry can
// make one; the same record prints the same code until it changes.

import type { CertificateVerification } from '@nutmeg/api-types';
import type { AppContext } from '../../context.ts';
import { invalid } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { appendActorAudit, appendAudit } from '../audit/index.ts';
import {
  certificateContent,
  certificateFullName,
  certificateVerificationCode,
  loadPatientRows,
  renderCertificatePdf,
  type CertificateGroup,
  type CertificateInput,
  type PatientRows,
} from '../patients/index.ts';
import { findJurisdiction } from '../organizations/index.ts';
import { insertCertificateIssue, latestCertificateIssue } from './certificate.repo.ts';
import { liveDoses, type DoseRow } from './dose.repo.ts';
import { liveObservations } from './note.repo.ts';
import { jurisdictionToday } from '../../dates.ts';
import { forecastFor, history } from './immunization.service.ts';

type Observation = Awaited<ReturnType<typeof liveObservations>>[number];
type Printed = Pick<CertificateInput, 'kind' | 'patient' | 'groups'>;

/** What a certificate prints for the record as it is on `today`: identity and doses by vaccine group. */
async function certificateInput(
  ctx: AppContext,
  rows: PatientRows,
  doses: DoseRow[],
  observations: Observation[],
  kind: 'full' | 'covid',
  today: string,
): Promise<Printed> {
  const masters = doses.filter((d) => d.id === d.master_id);
  const result = forecastFor(ctx.recommender, rows.row, doses, observations, today);
  const groups = new Map<string, CertificateGroup>();
  for (const d of masters) {
    const info = ctx.recommender.vaccineInfo(d.cvx);
    for (const g of info.groups.length ? info.groups : ['Other']) {
      const antigens = ctx.recommender.data.vaccineGroups.get(g)?.antigens ?? [];
      const evals = result.evaluations.filter((e) => e.doseId === d.id && antigens.includes(e.antigen));
      const valid = evals.length > 0 && evals.every((e) => e.status === 'Valid');
      const first = evals[0];
      const validity =
        evals.length === 0 ? '' : valid ? 'Valid' : `${first?.status ?? ''}${first?.reasons[0] ? `: ${first.reasons[0]}` : ''}`;
      const group = groups.get(g) ?? { group: g, doses: [] };
      group.doses.push({
        date: d.date,
        vaccine: info.name,
        cvx: info.cvx,
        ...(valid && first?.targetDose ? { doseNumber: first.targetDose } : {}),
        validity,
      });
      groups.set(g, group);
    }
  }
  const p = rows.row;
  const guardian = rows.guardians[0];
  return {
    kind,
    patient: {
      first: p.first_name,
      middle: p.middle_name ?? undefined,
      last: p.last_name,
      suffix: p.suffix ?? undefined,
      dob: p.dob,
      sex: p.sex,
      iisId: p.iis_id,
      guardian: guardian ? `${guardian.first_name} ${guardian.last_name}` : undefined,
    },
    groups: [...groups.values()].sort((a, b) => a.group.localeCompare(b.group)),
  };
}

const codeOf = (ctx: AppContext, printed: Printed) => certificateVerificationCode(certificateContent(printed), ctx.keys.certificate);
const todayOf = (ctx: AppContext) => jurisdictionToday(ctx.clock);

/** The Certificate of Immunization PDF (full or COVID-19 only), with validity from the recommender. */
export async function renderCertificate(
  ctx: AppContext,
  actor: Actor,
  patientId: string,
  kind: 'full' | 'covid',
): Promise<{ pdf: Uint8Array; filename: string }> {
  const h = await history(ctx, actor, patientId);
  const today = todayOf(ctx);
  const printed = await certificateInput(ctx, h.rows, h.doses, h.observations, kind, today);
  // the official record states facts: an observation recorded as unknown is not printed
  const notes = h.observations
    .filter((o) => o.status === 'active' && (o.kind === 'immunity' || o.kind === 'contraindication'))
    .map((o) => `${o.text} (${o.date})`);
  const verificationCode = codeOf(ctx, printed);
  const printedBy = actor.scope?.organizationName ?? actor.displayName;
  const p = h.rows.row;
  const jurisdiction = await findJurisdiction(ctx.db, p.jurisdiction_id);
  const pdf = await renderCertificatePdf({
    ...printed,
    notes,
    printedOn: today,
    printedBy,
    verificationCode,
    verificationUrl: `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}/verify`,
    jurisdictionHeader:
      jurisdiction && jurisdiction.name !== 'Connecticut' ? `${jurisdiction.agencyName} — Immunization Program` : undefined,
  });
  const now = ctx.clock.now();
  await insertCertificateIssue(ctx.db, {
    code: verificationCode,
    patientId,
    kind,
    printedOn: today,
    printedBy,
    issuedAt: now,
    issuedBy: actor.userId,
  });
  await appendActorAudit(
    ctx.db,
    actor,
    { action: 'patient.certificate', entityType: 'patient', entityId: patientId, patientId, detail: { kind, verificationCode } },
    now,
  );
  return { pdf, filename: `${kind === 'covid' ? 'covid-19-record' : 'immunization-certificate'}-${p.iis_id}.pdf` };
}

// Crockford base32, as printed; read-aloud look-alikes are accepted (O for 0, I and L for 1).
const CODE = /^[0-9A-HJKMNP-TV-Z]{10}$/;

function normalizeCode(raw: string): string {
  const c = raw.toUpperCase().replace(/[\s-]/g, '').replaceAll('O', '0').replace(/[IL]/g, '1');
  if (!CODE.test(c))
    throw invalid('Enter the 10-character code printed on the certificate, like 7K3MQ-9XD2P.', [
      { path: 'code', message: 'Not a certificate code' },
    ]);
  return `${c.slice(0, 5)}-${c.slice(5)}`;
}

/**
 * The public check of a printed code. It shows what the certificate itself shows and a verifier needs to
 * compare with the paper: the name, date of birth, which record, when and by whom it was printed, and the
 * doses (vaccine group and date; a code covers the doses, so an altered paper shows up against this list).
 * Not the IIS id (a key to the registry), sex, guardian, lots or validity. A record changed since printing is
 * "superseded" with no details; an opted-out or merged record, or an unknown code, is "unknown".
 */
export async function verifyCertificate(ctx: AppContext, rawCode: string, ip: string | null): Promise<CertificateVerification> {
  const code = normalizeCode(rawCode);
  const issue = await latestCertificateIssue(ctx.db, code);
  const rows = issue ? await loadPatientRows(ctx.db, issue.patient_id) : undefined;
  let result: CertificateVerification = { status: 'unknown' };
  if (issue && rows && !rows.row.opted_out && !rows.row.merged_into) {
    const [doses, observations] = await Promise.all([liveDoses(ctx.db, issue.patient_id), liveObservations(ctx.db, issue.patient_id)]);
    const printed = await certificateInput(ctx, rows, doses, observations, issue.kind, todayOf(ctx));
    result =
      codeOf(ctx, printed) === code
        ? {
            status: 'valid',
            name: certificateFullName(printed.patient),
            dob: printed.patient.dob,
            kind: issue.kind,
            printedOn: issue.printed_on,
            printedBy: issue.printed_by,
            doses: printed.groups.flatMap((g) => g.doses.map((d) => ({ group: g.group, date: d.date }))),
          }
        : { status: 'superseded', printedOn: issue.printed_on, printedBy: issue.printed_by };
  }
  const shown = result.status !== 'unknown';
  await appendAudit(
    ctx.db,
    {
      action: 'certificate.verify',
      outcome: shown ? 'success' : 'failure',
      entityType: 'certificate',
      entityId: shown ? issue!.id : null,
      patientId: shown ? issue!.patient_id : null,
      ip,
      detail: { code, status: result.status },
    },
    ctx.clock.now(),
  );
  return result;
}
