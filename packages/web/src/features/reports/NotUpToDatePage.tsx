import { useQuery } from '@tanstack/react-query';
import type { NotUpToDateList } from '@nutmeg/api-types';
import { ApiError, api, qs } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link, useLocation } from '../../router';
import { ErrorSummary } from '../accounts/form-fields';
import { COVERAGE_PATH, coverageFilters } from './CoveragePage';

/** The drill-down of a coverage row: who in that area is not up to date, and what they miss. */
export function NotUpToDatePage() {
  const { search } = useLocation();
  const filters = coverageFilters(search);
  const area = search.get('area') ?? 'state';
  const query = qs({ ...filters, area, measure: search.get('measure') ?? 'combined' });
  const list = useQuery({
    queryKey: ['not-up-to-date', query],
    queryFn: () => api.get<NotUpToDateList>(`/api/reports/coverage/not-up-to-date${query}`),
    retry: false,
  });
  const error = list.error instanceof ApiError ? list.error : null;
  return (
    <>
      <h1>Not up to date{list.data ? `: ${list.data.area}` : ''}</h1>
      <p className="no-print">
        <Link to={`${COVERAGE_PATH}${qs({ ...filters })}`}>Back to the coverage assessment</Link>
      </p>
      <ErrorSummary error={error} />
      {list.data && (
        <>
          <p>{list.data.patients.length} children</p>
          <StackedTable headers fullWidth testId="not-up-to-date">
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Born</th>
                <th scope="col">Town</th>
                <th scope="col">Missing</th>
              </tr>
            </thead>
            <tbody>
              {list.data.patients.map((p) => (
                <tr key={p.patientId}>
                  <th scope="row">
                    <Link to={`/patients/${p.patientId}`}>{p.name}</Link>
                  </th>
                  <td className="nutmeg-date">{p.dob}</td>
                  <td>{p.town ?? ''}</td>
                  <td>{p.missing.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </>
      )}
    </>
  );
}
