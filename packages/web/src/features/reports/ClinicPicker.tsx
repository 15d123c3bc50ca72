import { useQuery } from '@tanstack/react-query';
import { Select } from '@trussworks/react-uswds';
import type { ReportClinicList } from '@nutmeg/api-types';
import { api, type ApiError } from '../../api';
import { Field } from '../accounts/form-fields';

/** DPH: the clinic whose reminder/recall to run (the API lists every active clinic for a statewide user). */
export function ClinicPicker({
  value,
  onChange,
  error,
}: {
  value: string | undefined;
  onChange: (organizationId: string) => void;
  error: ApiError | null;
}) {
  const clinics = useQuery({ queryKey: ['report-clinics'], queryFn: () => api.get<ReportClinicList>('/api/reports/clinics') });
  return (
    <Field id="organizationId" label="Clinic" error={error?.fieldMessage('organizationId')} required>
      <Select id="organizationId" name="organizationId" value={value ?? ''} onChange={(e) => onChange(e.target.value)} required>
        <option value="">- Choose a clinic -</option>
        {(clinics.data?.clinics ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
            {c.pin ? ` (${c.pin})` : ''}
          </option>
        ))}
      </Select>
    </Field>
  );
}
