// DPH's list of clinics (active ones unless asked otherwise): type, town, enrolment and this year's agreement status, with filters and a
// CSV export. Clinic facts come from organizations; enrolment and agreements are this module's.

import type { AgreementStatus, ClinicListPage, ClinicListRow, EnrolmentStatus } from '@nutmeg/api-types';
import { groupBy } from '../../collections.ts';
import type { AppContext } from '../../context.ts';
import { jurisdictionToday } from '../../dates.ts';
import { forbidden } from '../../errors.ts';
import { isStatewide, type Actor } from '../access/index.ts';
import { listAllClinics } from '../organizations/index.ts';
import * as agreements from './agreement.repo.ts';
import { toCsv } from '../../csv.ts';
import * as profiles from './profile.repo.ts';
import { notRenewed } from './renewal-rules.ts';
import * as renewals from './renewal.repo.ts';

export interface ClinicFilters {
  type?: string | undefined;
  town?: string | undefined;
  enrolment?: EnrolmentStatus | undefined;
  /** This year's CVP agreement: its latest revision's status, or 'none' when none is drafted. */
  agreement?: AgreementStatus | 'none' | undefined;
  /** Active clinics (the default), deactivated ones, or all. */
  status?: 'active' | 'inactive' | 'all' | undefined;
  /** The program year whose agreements are shown; this year by default. */
  year?: number | undefined;
  /** not_renewed: clinics taking part in a program with no approved agreement for the year. */
  renewal?: 'not_renewed' | undefined;
}

export async function listClinics(ctx: AppContext, actor: Actor, f: ClinicFilters): Promise<ClinicListPage> {
  if (!isStatewide(actor)) throw forbidden('The list of every clinic is DPH’s.');
  const year = f.year ?? Number(jurisdictionToday(ctx.clock).slice(0, 4));
  const status = f.status ?? 'active';
  const orgs = (await listAllClinics(ctx.db)).filter((o) => status === 'all' || o.active === (status === 'active'));
  const ids = orgs.map((o) => o.id);
  const enrolment = new Map((await profiles.enrolmentsOf(ctx.db, ids)).map((p) => [p.organization_id, p.enrolment_status]));
  const twoYears = groupBy(await agreements.agreementsForYears(ctx.db, ids, [year - 1, year]), (a) => a.organization_id);
  const notices = groupBy(await renewals.noticesForYear(ctx.db, ids, year), (n) => n.organization_id);
  const latest = new Map<string, AgreementStatus>();
  const approved = new Set<string>();
  // Ordered by revision: the last one seen is the latest.
  for (const a of await agreements.agreementsForYear(ctx.db, ids, year)) {
    latest.set(`${a.organization_id}:${a.program}`, a.status);
    if (a.status === 'approved') approved.add(`${a.organization_id}:${a.program}`);
  }
  const rows: ClinicListRow[] = orgs.map((o) => ({
    id: o.id,
    pin: o.pin,
    name: o.name,
    clinicType: o.clinicType,
    town: o.town,
    medicalHome: o.medicalHome,
    active: o.active,
    enrolment: enrolment.get(o.id) ?? 'not_enrolled',
    agreements: { cvp: latest.get(`${o.id}:cvp`) ?? null, covid19: latest.get(`${o.id}:covid19`) ?? null },
    // The program year runs January to December: an approved revision of the year covers each of its days.
    current: { cvp: approved.has(`${o.id}:cvp`), covid19: approved.has(`${o.id}:covid19`) },
    renewal: {
      due: notRenewed(
        {
          enrolled: enrolment.get(o.id) === 'enrolled',
          agreements: (twoYears.get(o.id) ?? []).map((a) => ({ program: a.program, programYear: a.program_year, status: a.status })),
        },
        year,
      ),
      notices: (notices.get(o.id) ?? []).map((n) => ({ program: n.program, kind: n.kind, sentAt: n.sent_at.toISOString() })),
    },
  }));
  const town = f.town?.trim().toLowerCase();
  const clinics = rows.filter(
    (r) =>
      (!f.type || r.clinicType === f.type) &&
      (!town || r.town?.toLowerCase() === town) &&
      (!f.enrolment || r.enrolment === f.enrolment) &&
      (!f.agreement || (r.agreements.cvp ?? 'none') === f.agreement) &&
      (!f.renewal || r.renewal.due.length > 0),
  );
  return { year, total: clinics.length, clinics };
}

export async function exportClinics(ctx: AppContext, actor: Actor, f: ClinicFilters): Promise<string> {
  const page = await listClinics(ctx, actor, f);
  return toCsv(
    [
      'PIN',
      'Name',
      'Type',
      'Town',
      'Medical home',
      'Active',
      'Enrolment',
      `CVP ${page.year}`,
      `COVID-19 ${page.year}`,
      'CVP current',
      'COVID-19 current',
      'Not renewed',
    ],
    page.clinics.map((c) => [
      c.pin,
      c.name,
      c.clinicType,
      c.town,
      c.medicalHome ? 'yes' : 'no',
      c.active ? 'yes' : 'no',
      c.enrolment,
      c.agreements.cvp ?? 'none',
      c.agreements.covid19 ?? 'none',
      c.current.cvp ? 'yes' : 'no',
      c.current.covid19 ? 'yes' : 'no',
      c.renewal.due.join(' '),
    ]),
  );
}
