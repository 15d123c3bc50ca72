import { Alert, Tag } from '@trussworks/react-uswds';
import { StackedTable } from '../../components/StackedTable';
import type { PresentedForecast, PresentedVaccineGroup, Urgency } from '@nutmeg/api-types';

/** The status words, as the dates call them (see Urgency in @nutmeg/api-types). */
export const URGENCY_LABEL: Record<Urgency, string> = {
  overdue: 'Overdue',
  due_now: 'Due now',
  not_yet_due: 'Not yet due',
  no_season_data: 'Season data out of date',
  contraindicated: 'Contraindicated',
  complete: 'Complete',
  immune: 'Immune',
  not_recommended: 'Not recommended',
  aged_out: 'Aged out',
};

const URGENCY_CLASS: Partial<Record<Urgency, string>> = {
  overdue: 'nutmeg-past-due',
  due_now: 'nutmeg-due-now',
  contraindicated: 'nutmeg-past-due',
  complete: 'text-green',
  immune: 'text-green',
  no_season_data: 'text-base-dark',
};

/** Groups that matter today: everything but those not recommended, aged out or for later in life. */
const IN_TABLE = new Set<Urgency>(['overdue', 'due_now', 'not_yet_due', 'no_season_data', 'contraindicated', 'complete', 'immune']);

/** A dose is to be given: the vaccines to use are shown. */
const DUE = new Set<Urgency>(['overdue', 'due_now', 'not_yet_due']);

/** For an Immune group, the evidence the engine found (e.g. "born before 1980-01-01 in U.S."). */
function immunityOf(g: PresentedVaccineGroup): string | undefined {
  if (g.status !== 'Immune') return undefined;
  return g.reasons.map((r) => /evidence of immunity: (.+)$/.exec(r)?.[1]).find(Boolean);
}

/** Text with each YYYY-MM-DD kept on one line (an engine reason such as "born before 1980-01-01 in U.S."). */
function KeepDates({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\d{4}-\d{2}-\d{2})/).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="nutmeg-date">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

function Dates({ g }: { g: PresentedVaccineGroup }) {
  return (
    <>
      <td className="nutmeg-date">{g.earliestDate ?? '—'}</td>
      <td className="nutmeg-date">{g.recommendedDate ?? '—'}</td>
      <td className={`nutmeg-date${g.urgency === 'overdue' ? ' nutmeg-past-due' : ''}`}>
        {g.pastDueDate ?? '—'}
        {/* CDSi latest date: past it the dose can no longer be given (maximum age). */}
        {g.latestDate && <div className="font-body-3xs text-base-dark">last day to give: {g.latestDate}</div>}
      </td>
    </>
  );
}

function Status({ g, asOf }: { g: PresentedVaccineGroup; asOf: string }) {
  const early = g.urgency === 'not_yet_due' && g.earliestDate !== undefined && g.earliestDate <= asOf;
  const evidence = immunityOf(g);
  return (
    <td className={URGENCY_CLASS[g.urgency] ?? ''}>
      {URGENCY_LABEL[g.urgency]}
      {early && <div className="font-body-3xs text-base-dark">may be given now</div>}
      {evidence && (
        <div className="font-body-3xs text-base-dark">
          Evidence: <KeepDates text={evidence} />
        </div>
      )}
    </td>
  );
}

function Vaccines({ g }: { g: PresentedVaccineGroup }) {
  const notes = [...g.clinicalJudgement, ...g.administrativeGuidance];
  return (
    <td>
      {!DUE.has(g.urgency)
        ? '—'
        : g.recommendedVaccineNames.length
          ? g.recommendedVaccineNames.join('; ')
          : /* CDSi names vaccine types only where the forecast vaccine type matters (e.g. PCV15/20). */
            `Any age-appropriate ${g.vaccineGroup} vaccine`}
      {notes.length > 0 && (
        <details className="font-body-3xs margin-top-05">
          <summary>Notes ({notes.length})</summary>
          <ul className="usa-list margin-top-05">
            {notes.map((t) => (
              <li key={t}>
                <KeepDates text={t} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </td>
  );
}

function GroupRow({ g, asOf }: { g: PresentedVaccineGroup; asOf: string }) {
  return (
    <tr data-testid={`forecast-${g.vaccineGroup}`} data-urgency={g.urgency}>
      <th scope="row">
        {g.vaccineGroup}
        {g.seriesType !== 'Standard' && <Tag className="margin-left-1">{g.seriesType}</Tag>}
        {g.season?.setBy === 'dph' && (
          <div className="font-body-3xs text-base-dark text-normal" data-testid="season-set-by-dph">
            season dates set by DPH ({g.season.startDate} to {g.season.endDate})
          </div>
        )}
      </th>
      <Status g={g} asOf={asOf} />
      <td>{g.forecastDoseNumber ?? '—'}</td>
      <Dates g={g} />
      <Vaccines g={g} />
    </tr>
  );
}

/** "Not recommended: Cholera, Dengue. Aged out: Meningococcal." */
function Inactive({ groups }: { groups: PresentedVaccineGroup[] }) {
  const by = (u: Urgency) => groups.filter((g) => g.urgency === u).map((g) => g.vaccineGroup);
  const parts = (['not_recommended', 'aged_out'] as const).filter((u) => by(u).length > 0);
  if (parts.length === 0) return null;
  return (
    <p className="font-body-2xs" data-testid="no-dose-needed">
      No dose needed now.{' '}
      {parts.map((u) => (
        <span key={u} data-testid={`no-dose-${u}`}>
          {URGENCY_LABEL[u]}: {by(u).join(', ')}.{' '}
        </span>
      ))}
    </p>
  );
}

function LaterInLife({ groups }: { groups: PresentedVaccineGroup[] }) {
  if (groups.length === 0) return null;
  return (
    <details className="margin-y-2" data-testid="later-in-life">
      <summary className="text-bold">Later in life ({groups.length})</summary>
      <ul className="usa-list font-body-2xs">
        {groups.map((g) => (
          <li key={`${g.vaccineGroup}-${g.seriesType}`}>
            {g.vaccineGroup}: first dose recommended <span className="nutmeg-date">{g.recommendedDate}</span> (may be given from{' '}
            <span className="nutmeg-date">{g.earliestDate}</span>)
          </li>
        ))}
      </ul>
    </details>
  );
}

function EvaluatedHistory({ forecast }: { forecast: PresentedForecast }) {
  return (
    <>
      <h3>Evaluated history</h3>
      {forecast.evaluations.length === 0 ? (
        <p>No doses on record.</p>
      ) : (
        <StackedTable bordered fullWidth compact>
          <caption className="usa-sr-only">Each dose evaluated per antigen</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Vaccine</th>
              <th scope="col">Antigen</th>
              <th scope="col">Dose #</th>
              <th scope="col">Evaluation</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {forecast.evaluations.map((e) => (
              <tr key={`${e.doseId}-${e.antigen}`} data-testid="evaluation-row" data-status={e.status}>
                <td className="nutmeg-date">{e.date}</td>
                <td>{e.vaccine}</td>
                <td>{e.antigen}</td>
                <td>{e.targetDose ?? '—'}</td>
                <td className={e.status === 'Valid' ? '' : 'nutmeg-past-due'}>{e.status}</td>
                <td>{e.status === 'Valid' ? '' : <KeepDates text={e.explanation || e.reasons.join('; ')} />}</td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
      {forecast.unmappedDoses.length > 0 && (
        <p>Not evaluated (vaccine code not known to the recommender): {forecast.unmappedDoses.join(', ')}.</p>
      )}
    </>
  );
}

/**
 * The Recommender panel: what is due today (overdue in red, due now, not yet due) with dates and vaccines,
 * groups for later in life folded away, and optionally the evaluated history with every invalid dose explained.
 */
export function RecommenderPanel({ forecast, showHistory = true }: { forecast: PresentedForecast; showHistory?: boolean }) {
  const later = forecast.vaccineGroups.filter((g) => g.laterInLife);
  const today = forecast.vaccineGroups.filter((g) => !g.laterInLife && IN_TABLE.has(g.urgency));
  const notices = [...new Set(forecast.vaccineGroups.flatMap((g) => (g.notice ? [g.notice] : [])))];
  return (
    <section aria-labelledby="recommender-heading" data-testid="recommender-panel">
      <h2 id="recommender-heading">Recommender</h2>
      <p className="usa-hint">
        As of {forecast.assessmentDate}, per CDC CDSi (supporting data {forecast.supportingDataVersion}).
      </p>
      {notices.map((n) => (
        <Alert key={n} type="warning" headingLevel="h3" slim data-testid="season-notice">
          {n}
        </Alert>
      ))}
      <StackedTable bordered fullWidth compact headers>
        <caption className="usa-sr-only">Vaccine groups with status and dates</caption>
        <thead>
          <tr>
            <th scope="col">Vaccine group</th>
            <th scope="col">Status</th>
            <th scope="col">Dose #</th>
            <th scope="col">Earliest</th>
            <th scope="col">Recommended</th>
            <th scope="col">Past due</th>
            <th scope="col">Vaccines to use</th>
          </tr>
        </thead>
        <tbody>
          {today.map((g) => (
            <GroupRow key={`${g.vaccineGroup}-${g.seriesType}`} g={g} asOf={forecast.assessmentDate} />
          ))}
        </tbody>
      </StackedTable>
      <LaterInLife groups={later} />
      <Undetermined groups={forecast.vaccineGroups} />
      <Inactive groups={forecast.vaccineGroups} />
      {showHistory && <EvaluatedHistory forecast={forecast} />}
    </section>
  );
}

/** What the recommender could not decide: indications and contraindications described by observations recorded as unknown. */
function Undetermined({ groups }: { groups: readonly PresentedVaccineGroup[] }) {
  const rows = groups.flatMap((g) => g.undetermined.map((u) => ({ group: g.vaccineGroup, ...u })));
  if (rows.length === 0) return null;
  return (
    <div className="font-body-2xs" data-testid="undetermined">
      <p className="margin-bottom-05">Not decided by the recommender — clinical judgement needed (observations recorded as unknown):</p>
      <ul className="usa-list margin-top-0">
        {rows.map((u) => (
          <li key={`${u.group}-${u.code}-${u.kind}-${u.text}`}>
            {u.group}: {u.text} (CDSi {u.code}, {u.kind}
            {u.detail ? `: ${u.detail}` : ''}) — not applied
          </li>
        ))}
      </ul>
    </div>
  );
}
