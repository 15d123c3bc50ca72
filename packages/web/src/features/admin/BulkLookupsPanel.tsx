import { useQuery } from '@tanstack/react-query';
import { Alert, Table } from '@trussworks/react-uswds';
import type { PatientLookupAlerts } from '@nutmeg/api-types';
import { api } from '../../api';
import { Link } from '../../router';
import { formatDateTime } from '../../dates';

/** DPH: users who looked up many patients by identifier in one hour (a possible harvest of the registry). */
export function BulkLookupsPanel() {
  const q = useQuery({ queryKey: ['patient-lookup-alerts'], queryFn: () => api.get<PatientLookupAlerts>('/api/patient-lookup-alerts') });
  if (!q.data || q.data.alerts.length === 0) return null;
  const { alerts, alertAt, limit } = q.data;
  return (
    <section aria-labelledby="bulk-lookups" data-testid="bulk-lookups">
      <Alert type="warning" headingLevel="h2" heading="Bulk look-ups by identifier" id="bulk-lookups">
        These users looked up at least {alertAt} patients by IIS id, MRN or phone number in one hour in the last 7 days (past {limit} they
        are refused). Review what they looked up in the log below.
      </Alert>
      <Table fullWidth compact caption="Users flagged for bulk look-ups">
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Hour</th>
            <th scope="col">Look-ups</th>
            <th scope="col">Refused</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={`${a.userId}-${a.windowStart}`}>
              <th scope="row">
                <Link to={`/admin/audit?actor=${encodeURIComponent(a.username)}&action=patient.search`}>
                  {a.name} ({a.username})
                </Link>
              </th>
              <td>{formatDateTime(a.windowStart)}</td>
              <td>{a.lookups}</td>
              <td>{a.refused ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
