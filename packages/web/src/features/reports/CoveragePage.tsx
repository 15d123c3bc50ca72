import { useState, type FormEvent } from 'react';
import { Grid } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import type { CoverageReport, CoverageTrend } from '@nutmeg/api-types';
import { ApiError, api, qs } from '../../api';
import { SelectField, TextField } from '../../components/FormControls';
import { ReportFilters, ReportToolbar } from '../../components/ReportToolbar';
import { StackedTable } from '../../components/StackedTable';
import { jurisdictionToday } from '../../dates';
import { Link, navigate, useLocation } from '../../router';
import { ErrorSummary } from '../accounts/form-fields';
import { BarChart, TrendChart } from './charts';
import { ReportRunsPanel } from './ReportRunsPanel';

export const COVERAGE_PATH = '/reports/coverage';

export interface CoverageFilters {
  preset: 'child' | 'adolescent';
  assessmentDate: string;
  by: 'state' | 'county' | 'town' | 'clinic';
}

export function coverageFilters(search: URLSearchParams): CoverageFilters {
  const by = search.get('by');
  return {
    preset: search.get('preset') === 'adolescent' ? 'adolescent' : 'child',
    assessmentDate: search.get('assessmentDate') ?? jurisdictionToday(),
    by: by === 'county' || by === 'town' || by === 'clinic' ? by : 'state',
  };
}

const PRESETS = { child: '24–35 months (4:3:1:3:3:1:4)', adolescent: '13–17 years (Tdap, MenACWY, HPV)' };
const BY = { state: 'Whole population', county: 'County', town: 'Town', clinic: 'Medical home (clinic)' };

/** Coverage assessment: filters in the URL, bar chart and table by area, monthly trend, drill-down links. */
export function CoveragePage() {
  const { search } = useLocation();
  const current = coverageFilters(search);
  const [form, setForm] = useState(current);
  const query = qs({ ...current });
  const report = useQuery({
    queryKey: ['coverage', query],
    queryFn: () => api.get<CoverageReport>(`/api/reports/coverage${query}`),
    retry: false,
  });
  const trend = useQuery({
    queryKey: ['coverage-trend', current.preset],
    queryFn: () => api.get<CoverageTrend>(`/api/reports/coverage/trend${qs({ preset: current.preset, months: 12 })}`),
    retry: false,
  });
  const error = report.error instanceof ApiError ? report.error : null;
  const r = report.data;
  return (
    <>
      <h1>Coverage assessment</h1>
      <ErrorSummary error={error} />
      <ReportFilters
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          navigate(`${COVERAGE_PATH}${qs({ ...form })}`);
        }}
        label="Coverage filters"
        submitLabel="Assess"
      >
        <Grid tablet={{ col: 4 }}>
          <SelectField
            id="preset"
            label="Cohort"
            options={PRESETS}
            value={form.preset}
            onChange={(v) => setForm({ ...form, preset: v as CoverageFilters['preset'] })}
          />
        </Grid>
        <Grid tablet={{ col: 4 }}>
          <TextField
            id="assessmentDate"
            label="Assessment date"
            type="date"
            value={form.assessmentDate}
            onChange={(assessmentDate) => setForm({ ...form, assessmentDate })}
            error={error?.fieldMessage('assessmentDate')}
          />
        </Grid>
        <Grid tablet={{ col: 4 }}>
          <SelectField
            id="by"
            label="By"
            options={BY}
            value={form.by}
            onChange={(v) => setForm({ ...form, by: v as CoverageFilters['by'] })}
          />
        </Grid>
      </ReportFilters>
      <ReportRunsPanel kind="coverage" params={{ ...current }} />
      {report.isLoading && <p role="status">Counting…</p>}
      {r && (
        <>
          <h2>
            {r.scope}: {r.total.population} people aged {r.ageFromMonths}–{r.ageToMonths} months on {r.assessmentDate}
          </h2>
          <BarChart
            title="Share up to date"
            bars={[...r.total.measures, r.total.combined].map((m) => ({ label: m.label, percent: m.percent }))}
          />
          <ReportToolbar downloads={[{ href: `/api/reports/coverage.csv${query}` }]} />
          <StackedTable headers fullWidth testId="coverage-table">
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">People</th>
                {r.total.measures.map((m) => (
                  <th scope="col" key={m.key} title={m.label}>
                    {m.label.replace(/ \(.*\)$/, '')}
                  </th>
                ))}
                <th scope="col">Combined</th>
                <th scope="col">Not up to date</th>
              </tr>
            </thead>
            <tbody>
              {[...r.rows, ...(r.rows.length > 1 ? [r.total] : [])].map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{row.population}</td>
                  {row.measures.map((m) => (
                    <td key={m.key}>{m.percent === null ? '—' : `${m.percent}%`}</td>
                  ))}
                  <td>{row.combined.percent === null ? '—' : `${row.combined.percent}%`}</td>
                  <td>
                    {row.key !== 'total' && row.population > row.combined.upToDate && (
                      <Link to={`${COVERAGE_PATH}/not-up-to-date${qs({ ...current, area: row.key, measure: 'combined' })}`}>
                        {row.population - row.combined.upToDate} children
                        <span className="usa-sr-only"> in {row.label}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
          <h2>How children are counted</h2>
          <ul className="usa-list">
            {r.countingRules.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        </>
      )}
      {trend.data && (
        <>
          <h2>Combined series at each month’s end</h2>
          <TrendChart
            title="Combined series up to date"
            points={trend.data.points.map((p) => ({ label: p.assessmentDate, percent: p.combined.percent }))}
          />
        </>
      )}
    </>
  );
}
