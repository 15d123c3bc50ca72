import { Tag } from '@trussworks/react-uswds';
import type { StockLineView } from '@nutmeg/api-types';
import { StackedTable } from '../../components/StackedTable';
import { Link } from '../../router';
import { FUNDING_LABELS, expiryLabel } from './inventory-labels';

/** Lots with what is on hand; `showUnit` adds the storage unit column (the dashboard lists several units). */
export function StockTable({
  lines,
  caption,
  showUnit = false,
  testId,
}: {
  lines: StockLineView[];
  caption: string;
  showUnit?: boolean;
  testId?: string;
}) {
  return (
    <StackedTable fullWidth headers caption={caption} testId={testId}>
      <thead>
        <tr>
          <th scope="col">Vaccine</th>
          <th scope="col">Lot</th>
          <th scope="col">Expires</th>
          <th scope="col">Funding</th>
          {showUnit && <th scope="col">Storage unit</th>}
          <th scope="col">On hand</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={`${l.lotId}-${l.storageUnitId}`} data-testid={`lot-${l.lotNumber}`}>
            <th scope="row">
              {l.tradeName}
              <div className="font-body-3xs">
                NDC {l.ndc} · CVX {l.cvx}
              </div>
            </th>
            <td>
              <Link to={`/inventory/units/${l.storageUnitId}/lots/${l.lotId}`}>{l.lotNumber}</Link>
            </td>
            <td>
              <span className="nutmeg-date">{l.expirationDate}</span>
              {l.expiryWindow !== null && <div className="font-body-3xs">{expiryLabel(l.expiryWindow)}</div>}
            </td>
            <td>{FUNDING_LABELS[l.fundingSource]}</td>
            {showUnit && <td>{l.storageUnitName}</td>}
            <td>{l.onHand}</td>
            <td>
              {l.doNotUse ? (
                <Tag className="bg-secondary-dark">Do not use</Tag>
              ) : l.expiryWindow === 'expired' ? (
                <Tag className="bg-secondary-dark">Expired</Tag>
              ) : l.usable ? (
                <Tag className="bg-green">Usable</Tag>
              ) : (
                <Tag>Empty</Tag>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </StackedTable>
  );
}
