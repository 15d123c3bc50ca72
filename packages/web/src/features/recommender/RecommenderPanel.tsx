import { Table, Tag } from '@trussworks/react-uswds';
import type { PresentedForecast, PresentedVaccineGroup, Urgency } from './types';

const URGENCY_LABEL: Record<Urgency, string> = {
  past_due: 'Past due',
  due_now: 'Due now',
  upcoming: 'Not yet due',
  complete: 'Complete',
  not_recommended: 'No dose needed',
};

const URGENCY_CLASS: Record<Urgency, string> = {
  past_due: 'nutmeg-past-due',
  due_now: 'nutmeg-due-now',
  upcoming: '',
  complete: 'text-green',
  not_recommended: 'text-base',
};

/** For an Immune group, the evidence the engine found (e.g. "born before 1980-01-01 in U.S."). */
function immunityOf(g: PresentedVaccineGroup): string | undefined {
  if (g.status !== 'Immune') return undefined;
  return g.reasons.map((r) => /evidence of immunity: (.+)$/.exec(r)?.[1]).find(Boolean);
}

/**
 * The Recommender panel: each vaccine group's status and dates (past due in red, due now, future),
 * the recommended vaccines, and the evaluated history with every invalid dose explained.
 */
export function RecommenderPanel({ forecast, showHistory = true }: { forecast: PresentedForecast; showHistory?: boolean }) {
  const active = forecast.vaccineGroups.filter((g) => g.urgency !== 'not_recommended');
  const inactive = forecast.vaccineGroups.filter((g) => g.urgency === 'not_recommended');
  return (
    <section aria-labelledby="recommender-heading" data-testid="recommender-panel">
      <h2 id="recommender-heading">Recommender</h2>
      <p className="usa-hint">
        As of {forecast.assessmentDate}, per CDC CDSi (supporting data {forecast.supportingDataVersion}).
      </p>
      <Table bordered fullWidth compact scrollable>
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
          {active.map((g) => (
            <tr key={`${g.vaccineGroup}-${g.seriesType}`} data-testid={`forecast-${g.vaccineGroup}`} data-urgency={g.urgency}>
              <th scope="row">
                {g.vaccineGroup}
                {g.seriesType !== 'Standard' && <Tag className="margin-left-1">{g.seriesType}</Tag>}
              </th>
              <td className={URGENCY_CLASS[g.urgency]}>
                {URGENCY_LABEL[g.urgency]}
                {g.status !== 'Not Complete' && g.status !== 'Complete' ? ` (${g.status})` : ''}
                {immunityOf(g) && <div className="font-body-3xs text-base-dark">Evidence: {immunityOf(g)}</div>}
              </td>
              <td>{g.forecastDoseNumber ?? '—'}</td>
              <td>{g.earliestDate ?? '—'}</td>
              <td>{g.recommendedDate ?? '—'}</td>
              <td className={g.urgency === 'past_due' ? 'nutmeg-past-due' : ''}>
                {g.pastDueDate ?? '—'}
                {/* CDSi latest date: past it the dose can no longer be given (maximum age). */}
                {g.latestDate && <div className="font-body-3xs text-base-dark">last day to give: {g.latestDate}</div>}
              </td>
              <td>
                {/* CDSi names vaccine types only where the forecast vaccine type matters (e.g. PCV15/20). */}
                {g.urgency === 'complete'
                  ? '—'
                  : g.recommendedVaccineNames.length
                    ? g.recommendedVaccineNames.join('; ')
                    : `Any age-appropriate ${g.vaccineGroup} vaccine`}
                {g.administrativeGuidance.length + g.clinicalJudgement.length > 0 && (
                  <details className="font-body-3xs margin-top-05">
                    <summary>Notes ({g.administrativeGuidance.length + g.clinicalJudgement.length})</summary>
                    <ul className="usa-list margin-top-05">
                      {[...g.clinicalJudgement, ...g.administrativeGuidance].map((t) => (
                        <li key={t}>{t}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Undetermined groups={forecast.vaccineGroups} />
      {inactive.length > 0 && (
        <p className="font-body-2xs" data-testid="no-dose-needed">
          No dose needed now: {inactive.map((g) => `${g.vaccineGroup} (${g.status.toLowerCase()})`).join(', ')}.
        </p>
      )}
      {showHistory && (
        <>
          <h3>Evaluated history</h3>
          {forecast.evaluations.length === 0 ? (
            <p>No doses on record.</p>
          ) : (
            <Table bordered fullWidth compact scrollable>
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
                    <td>{e.date}</td>
                    <td>{e.vaccine}</td>
                    <td>{e.antigen}</td>
                    <td>{e.targetDose ?? '—'}</td>
                    <td className={e.status === 'Valid' ? '' : 'nutmeg-past-due'}>{e.status}</td>
                    <td>{e.status === 'Valid' ? '' : e.explanation || e.reasons.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {forecast.unmappedDoses.length > 0 && (
            <p>Not evaluated (vaccine code not known to the recommender): {forecast.unmappedDoses.join(', ')}.</p>
          )}
        </>
      )}
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
