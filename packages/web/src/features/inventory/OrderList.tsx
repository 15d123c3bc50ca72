import type { OrderStatusName, OrderView } from '@nutmeg/api-types';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';

export const ORDER_STATUS_LABELS: Record<OrderStatusName, string> = {
  submitted: 'Submitted: with DPH',
  approved: 'Approved',
  denied: 'Denied',
  shipped: 'Shipped: to accept',
  received: 'Received',
};

/** Orders as a table; each opens its page (decision, shipments). */
export function OrderList({ orders, caption, showClinic }: { orders: OrderView[]; caption: string; showClinic?: boolean }) {
  if (orders.length === 0) return <p>No orders.</p>;
  return (
    <StackedTable fullWidth headers caption={caption} testId="order-list">
      <thead>
        <tr>
          <th scope="col">Placed on</th>
          {showClinic && <th scope="col">Clinic</th>}
          <th scope="col">Products</th>
          <th scope="col">Doses requested</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr key={o.id}>
            <th scope="row">
              <Link to={`/inventory/orders/${o.id}`}>
                <span className="nutmeg-date">{o.placedOn}</span>
              </Link>
            </th>
            {showClinic && <td>{o.clinic.name}</td>}
            <td>{o.lines.map((l) => l.tradeName).join(', ')}</td>
            <td>{o.lines.reduce((a, l) => a + l.requestedDoses, 0)}</td>
            <td>{ORDER_STATUS_LABELS[o.status]}</td>
          </tr>
        ))}
      </tbody>
    </StackedTable>
  );
}
