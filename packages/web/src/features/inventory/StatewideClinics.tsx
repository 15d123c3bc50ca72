import { useQuery } from '@tanstack/react-query';
import { Alert } from '@trussworks/react-uswds';
import type { ClinicStockSummary } from '@nutmeg/api-types';
import { api } from '../../api';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { clinicQuery } from './inventory-labels';

/** DPH's entry to inventory: every active clinic with the doses it holds; each opens that clinic's dashboard. */
export function StatewideClinics() {
  const q = useQuery({
    queryKey: ['inventory', 'clinics'],
    queryFn: () => api.get<{ clinics: ClinicStockSummary[] }>('/api/inventory/clinics'),
  });
  return (
    <>
      <h1>Inventory: clinics statewide</h1>
      <p>
        <Link to="/inventory/orders">Orders of public vaccine to decide</Link>
      </p>
      <p>
        <Link to="/inventory/transfers">Transfers to approve</Link>
      </p>
      <p>
        <Link to="/inventory/returns">Returns to approve</Link>
      </p>
      <p>
        <Link to="/inventory/reports">Statewide inventory reports (on hand by funding and vaccine, wastage by reason and clinic)</Link>
      </p>
      <p>
        <Link to="/inventory/excursions">Temperature excursions statewide</Link>
      </p>
      {q.error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the clinics">
          {q.error.message}
        </Alert>
      )}
      {q.data && (
        <StackedTable fullWidth headers caption="Doses on hand by clinic and funding" testId="statewide-clinics">
          <thead>
            <tr>
              <th scope="col">Clinic</th>
              <th scope="col">Public doses</th>
              <th scope="col">Private doses</th>
            </tr>
          </thead>
          <tbody>
            {q.data.clinics.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/inventory${clinicQuery(c.id)}`}>{c.name}</Link>
                </th>
                <td>{c.publicDoses}</td>
                <td>{c.privateDoses}</td>
              </tr>
            ))}
          </tbody>
        </StackedTable>
      )}
    </>
  );
}
