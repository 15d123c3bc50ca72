import type { DosesByLotReport, InventoryReport } from '@nutmeg/api-types';
import { StackedTable } from '../../components/StackedTable';
import { formatDateTime } from '../../dates';
import { FUNDING_LABELS } from './inventory-labels';

const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—');
const num = (n: number | null) => (n === null ? '—' : n);

/** Order history: each order placed in the period with its status, dates and doses at each step. */
export function OrderHistoryTable({ orders, statewide }: { orders: InventoryReport['orders']; statewide: boolean }) {
  if (orders.length === 0) return <p>No orders placed in this period.</p>;
  return (
    <StackedTable fullWidth headers caption="Orders of public vaccine" testId="report-orders">
      <thead>
        <tr>
          <th scope="col">Placed</th>
          {statewide && <th scope="col">Clinic</th>}
          <th scope="col">Status</th>
          <th scope="col">Decided</th>
          <th scope="col">Shipped</th>
          <th scope="col">Accepted</th>
          <th scope="col">Requested</th>
          <th scope="col">Approved</th>
          <th scope="col">Shipped doses</th>
          <th scope="col">Accepted doses</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr key={o.id}>
            <th scope="row">
              <span className="nutmeg-date">{o.placedOn}</span>
            </th>
            {statewide && <td>{o.clinicName}</td>}
            <td>{o.status}</td>
            <td>{when(o.decidedAt)}</td>
            <td>{when(o.shippedAt)}</td>
            <td>{when(o.acceptedAt)}</td>
            <td>{o.requested}</td>
            <td>{num(o.approved)}</td>
            <td>{num(o.shipped)}</td>
            <td>{num(o.accepted)}</td>
          </tr>
        ))}
      </tbody>
    </StackedTable>
  );
}

/** Doses administered by lot and funding: the ledger beside the doses recorded on patient records. */
export function DosesByLotTable({ report }: { report: DosesByLotReport }) {
  if (report.rows.length === 0) return <p>No doses administered from stock in this period.</p>;
  const statewide = report.scope.clinic === null;
  return (
    <StackedTable fullWidth headers caption="Doses administered by lot and funding source" testId="report-doses-by-lot">
      <thead>
        <tr>
          <th scope="col">Lot</th>
          {statewide && <th scope="col">Clinic</th>}
          <th scope="col">Funding</th>
          <th scope="col">Administered from stock</th>
          <th scope="col">Recorded on patient records</th>
          <th scope="col">Difference</th>
        </tr>
      </thead>
      <tbody>
        {report.rows.map((r) => (
          <tr key={`${r.clinicName}-${r.lotNumber}-${r.fundingSource}`}>
            <th scope="row">
              {r.tradeName} {r.lotNumber} (CVX {r.cvx})
            </th>
            {statewide && <td>{r.clinicName}</td>}
            <td>{FUNDING_LABELS[r.fundingSource]}</td>
            <td>{r.fromStock}</td>
            <td>{r.recorded}</td>
            <td>{r.difference}</td>
          </tr>
        ))}
      </tbody>
    </StackedTable>
  );
}
