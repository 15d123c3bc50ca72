import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Select } from '@trussworks/react-uswds';
import type { OrderList as OrderListShape, OrderStatusName } from '@nutmeg/api-types';
import { api, qs } from '../../api';
import { Link } from '../../router';
import { useSession } from '../../session';
import { OrderBuilderSection } from './OrderBuilderSection';
import { ORDER_STATUS_LABELS, OrderList } from './OrderList';

function useOrders(status: OrderStatusName | '') {
  return useQuery({
    queryKey: ['inventory', 'orders', status],
    queryFn: () => api.get<OrderListShape>(`/api/inventory/orders${qs({ status })}`),
  });
}

/** Orders of public vaccine: the coordinator builds and places one; DPH's vaccine program decides them. */
export function OrdersPage() {
  const { me } = useSession();
  return me?.activeScope?.organizationKind === 'dph' ? <DphOrders /> : <ClinicOrders />;
}

function ClinicOrders() {
  const q = useOrders('');
  return (
    <>
      <p>
        <Link to="/inventory">Back to the inventory</Link>
      </p>
      <h1>Orders of public vaccine</h1>
      <OrderBuilderSection />
      <h2>Your clinic’s orders</h2>
      {q.error && (
        <Alert type="error" headingLevel="h3" slim>
          {q.error.message}
        </Alert>
      )}
      {q.data && <OrderList orders={q.data.orders} caption="Orders, newest first" />}
    </>
  );
}

function DphOrders() {
  const [status, setStatus] = useState<OrderStatusName | ''>('submitted');
  const q = useOrders(status);
  return (
    <>
      <p>
        <Link to="/inventory">All clinics</Link>
      </p>
      <h1>Orders of public vaccine: statewide</h1>
      <p>
        <a className="usa-link" href="/api/inventory/orders/export.csv" download data-testid="orders-csv">
          Download approved orders (CSV for the CDC upload)
        </a>
      </p>
      <label className="usa-label" htmlFor="order-status">
        Status
      </label>
      <Select id="order-status" name="status" value={status} onChange={(e) => setStatus(e.target.value as OrderStatusName | '')}>
        <option value="">Any</option>
        {Object.entries(ORDER_STATUS_LABELS).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </Select>
      {q.error && (
        <Alert type="error" headingLevel="h2" slim>
          {q.error.message}
        </Alert>
      )}
      {q.data && <OrderList orders={q.data.orders} caption="Orders, newest first" showClinic />}
    </>
  );
}
