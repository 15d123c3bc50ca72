import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Grid, TextInput } from '@trussworks/react-uswds';
import type { SeasonStatus, SeasonStatusList } from '@nutmeg/api-types';
import { ApiError, api, toApiError } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { ErrorSummary, Field, describedBy } from '../accounts/form-fields';
import { formatDateTime } from '../../dates';

export function useSeasons(enabled = true) {
  return useQuery({
    queryKey: ['recommender', 'seasons'],
    queryFn: () => api.get<SeasonStatusList>('/api/recommender/seasons'),
    enabled,
  });
}

/** The groups today's forecasts cannot forecast: the release's season has ended and DPH set no dates covering today. */
export function SeasonWarning({ list, link = false }: { list: SeasonStatusList; link?: boolean }) {
  const ended = list.seasons.filter((s) => !s.coveredToday);
  if (ended.length === 0) return null;
  return (
    <Alert type="warning" headingLevel="h2" heading="The recommender has no season for today" data-testid="season-warning">
      <p className="margin-top-0">
        The installed CDSi release describes a season that has ended for{' '}
        {ended.map((s, i) => (
          <span key={s.vaccineGroup}>
            {i > 0 && (i === ended.length - 1 ? ' and ' : ', ')}
            {s.vaccineGroup} (until <span className="nutmeg-date">{s.release.endDate}</span>)
          </span>
        ))}
        . Until a newer CDC release is installed or DPH sets this season’s dates, every forecast for{' '}
        {ended.length > 1 ? 'these groups' : 'it'} says the supporting data is out of date.
      </p>
      {link && (
        <p>
          <Link to="/admin/recommender">Set this season’s dates</Link>
        </p>
      )}
    </Alert>
  );
}

function SeasonForm({ season }: { season: SeasonStatus }) {
  const qc = useQueryClient();
  const id = (f: string) => `${season.vaccineGroup.replace(/\W+/g, '-').toLowerCase()}-${f}`;
  const [form, setForm] = useState({
    startDate: season.override?.startDate ?? '',
    endDate: season.override?.endDate ?? '',
    reason: season.override?.reason ?? '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api.put(`/api/recommender/seasons/${encodeURIComponent(season.vaccineGroup)}`, form);
      setSaved(true);
      await qc.invalidateQueries({ queryKey: ['recommender'] });
      await qc.invalidateQueries({ queryKey: ['patient'] });
    } catch (err) {
      setError(toApiError(err));
    }
  }
  const msg = (f: string) => error?.fieldMessage(f);
  return (
    <Form onSubmit={submit} className="maxw-none" aria-label={`${season.vaccineGroup} season dates`}>
      <h3>{season.vaccineGroup}</h3>
      <p className="margin-top-0">
        The season starts after <span className="nutmeg-date">{season.release.endDate}</span>, when the installed release’s season ends, and
        lasts less than a year. Say where the dates come from (e.g. ACIP 2026–27 recommendations).
      </p>
      <ErrorSummary error={error} fieldIds={{ startDate: id('startDate'), endDate: id('endDate'), reason: id('reason') }} />
      {saved && (
        <Alert type="success" headingLevel="h4" slim role="status" data-testid="season-saved">
          {season.vaccineGroup} season dates saved. Forecasts use them on dates the installed release does not cover.
        </Alert>
      )}
      <Grid row gap>
        {(
          [
            ['startDate', 'Season starts'],
            ['endDate', 'Season ends'],
          ] as const
        ).map(([field, label]) => (
          <Grid tablet={{ col: 3 }} key={field}>
            <Field id={id(field)} label={label} error={msg(field)} required>
              <input
                className="usa-input"
                id={id(field)}
                name={field}
                type="date"
                value={form[field]}
                onChange={set(field)}
                aria-describedby={describedBy(id(field), msg(field))}
                required
              />
            </Field>
          </Grid>
        ))}
        <Grid tablet={{ col: 6 }}>
          <Field id={id('reason')} label="Where the dates come from" error={msg('reason')} required>
            <TextInput
              id={id('reason')}
              name="reason"
              type="text"
              value={form.reason}
              onChange={set('reason')}
              aria-describedby={describedBy(id('reason'), msg('reason'))}
              required
            />
          </Field>
        </Grid>
      </Grid>
      <Button type="submit">Set the {season.vaccineGroup} season</Button>
    </Form>
  );
}

/**
 * DPH administrators: the CDSi release's seasonal groups (influenza, RSV), whether today has a season, and the
 * dates DPH sets for the season after the release's. Audited; used only until an installed release covers the date.
 */
export function SeasonsPage() {
  const q = useSeasons();
  return (
    <>
      <h1>Recommender seasons</h1>
      <p>
        A CDC CDSi release describes one season for seasonal vaccines. When it has ended and no newer release is installed, set the dates of
        the current season here: forecasts say “season dates set by DPH” and use them only until an installed release covers the date. Every
        change is kept in the audit log.
      </p>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the seasons">
          {q.error.message}
        </Alert>
      )}
      {q.data && (
        <>
          <SeasonWarning list={q.data} />
          <StackedTable fullWidth headers caption={`Seasons on ${q.data.today}`}>
            <thead>
              <tr>
                <th scope="col">Vaccine group</th>
                <th scope="col">Installed release’s season</th>
                <th scope="col">Dates set by DPH</th>
                <th scope="col">Today’s forecasts</th>
              </tr>
            </thead>
            <tbody>
              {q.data.seasons.map((s) => (
                <tr key={s.vaccineGroup} data-testid={`season-${s.vaccineGroup}`}>
                  <th scope="row">{s.vaccineGroup}</th>
                  <td>
                    <span className="nutmeg-date">{s.release.startDate}</span> to <span className="nutmeg-date">{s.release.endDate}</span>{' '}
                    (CDSi {s.release.version})
                  </td>
                  <td>
                    {s.override ? (
                      <>
                        <span className="nutmeg-date">{s.override.startDate}</span> to{' '}
                        <span className="nutmeg-date">{s.override.endDate}</span>
                        <div className="font-body-3xs">
                          {s.override.reason} — {s.override.setBy}, {formatDateTime(s.override.setAt)}
                        </div>
                      </>
                    ) : (
                      'none'
                    )}
                  </td>
                  <td>
                    {!s.coveredToday ? 'No season: out of date' : s.overrideInUse ? 'Use the dates set by DPH' : 'Use the release’s season'}
                  </td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
          <h2>Set this season’s dates</h2>
          {q.data.seasons.map((s) => (
            <SeasonForm key={s.vaccineGroup} season={s} />
          ))}
        </>
      )}
    </>
  );
}
