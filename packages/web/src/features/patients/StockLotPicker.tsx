import { useQuery } from '@tanstack/react-query';
import { Select } from '@trussworks/react-uswds';
import type { StockLotOption } from '@nutmeg/api-types';
import { api } from '../../api';
import { Field } from '../accounts/form-fields';

const FUNDING: Record<StockLotOption['fundingSource'], string> = { vfc: 'VFC', '317': '317', state: 'state', private: 'private' };

/**
 * The clinic's usable lots of the chosen vaccine (unexpired on the dose date, not held, with doses on hand). Picking
 * one fills the lot, expiry and funding and makes the server take the dose from that lot; "not from inventory" keeps
 * the typed lot (a dose given elsewhere or from stock not yet in Nutmeg). A dose already pulled for this patient
 * (added but not administered) comes first: giving it takes nothing more from the stock.
 */
export function StockLotPicker({
  patientId,
  cvx,
  date,
  value,
  onChange,
  error,
}: {
  patientId: string;
  cvx: string;
  date: string;
  value: StockLotOption | null;
  onChange: (lot: StockLotOption | null) => void;
  error?: string | undefined;
}) {
  const q = useQuery({
    queryKey: ['stock-lots', cvx, date, patientId],
    queryFn: () =>
      api.get<{ lots: StockLotOption[] }>(
        `/api/immunizations/stock-lots?cvx=${encodeURIComponent(cvx)}&date=${encodeURIComponent(date)}&patientId=${encodeURIComponent(patientId)}`,
      ),
  });
  const lots = q.data?.lots ?? [];
  const key = (l: StockLotOption) => `${l.lotId}/${l.storageUnitId}/${l.pendingDoseId ?? ''}`;
  return (
    <Field
      id="dose-stock"
      label="From your clinic’s inventory"
      error={error}
      hint={
        lots.length === 0 ? 'No usable lot of this vaccine in your inventory' : 'Public stock for VFC-eligible patients, private for V01'
      }
    >
      <Select
        id="dose-stock"
        name="fromStock"
        value={value ? key(value) : ''}
        onChange={(e) => onChange(lots.find((l) => key(l) === e.target.value) ?? null)}
        aria-describedby="dose-stock-hint"
      >
        <option value="">Not from inventory (type the lot)</option>
        {lots.map((l) => (
          <option key={key(l)} value={key(l)}>
            {l.pendingDoseId ? 'Pulled for this patient: ' : ''}
            {l.lotNumber} · {l.tradeName} · {FUNDING[l.fundingSource]} · exp {l.expirationDate} · {l.onHand} left
          </option>
        ))}
      </Select>
    </Field>
  );
}
