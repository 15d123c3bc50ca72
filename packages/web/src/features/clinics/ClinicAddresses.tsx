import { Checkbox } from '@trussworks/react-uswds';
import type { PostalAddress } from '@nutmeg/api-types';
import { AddressFieldset } from '../../components/FormControls';

export interface ClinicAddressForm {
  physicalAddress: PostalAddress;
  shipElsewhere: boolean;
  shippingAddress: PostalAddress;
}

/** A clinic's physical address and, when vaccine is shipped elsewhere, its shipping address (enrolment and profile). */
export function ClinicAddresses({
  value,
  onChange,
  errorAt,
}: {
  value: ClinicAddressForm;
  onChange: (change: Partial<ClinicAddressForm>) => void;
  errorAt: (path: string) => string | undefined;
}) {
  return (
    <>
      <AddressFieldset
        name="physicalAddress"
        legend="Physical address"
        value={value.physicalAddress}
        onChange={(physicalAddress) => onChange({ physicalAddress })}
        errorAt={errorAt}
      />
      <Checkbox
        id="shipElsewhere"
        name="shipElsewhere"
        label="Vaccine is shipped to another address"
        checked={value.shipElsewhere}
        onChange={(e) => onChange({ shipElsewhere: e.target.checked })}
      />
      {value.shipElsewhere && (
        <AddressFieldset
          name="shippingAddress"
          legend="Shipping address"
          value={value.shippingAddress}
          onChange={(shippingAddress) => onChange({ shippingAddress })}
          errorAt={errorAt}
        />
      )}
    </>
  );
}
