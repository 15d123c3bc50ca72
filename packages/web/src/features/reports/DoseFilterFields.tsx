// The optional filters of doses administered (beside "By"): vaccine group or CVX, funding source, VFC eligibility,
// clinic and age group. Empty means not filtered; the values go in the URL as the API takes them.
import { useQuery } from '@tanstack/react-query';
import { Grid } from '@trussworks/react-uswds';
import type { DoseAgeGroup, ReportClinicList } from '@nutmeg/api-types';
import { api, type ApiError } from '../../api';
import { SelectField, TextField } from '../../components/FormControls';
import { useVaccineGroups } from '../recommender/catalog';
import { codeOptions } from '../patients/code-options';

export interface DoseFilterValues {
  vaccineGroup: string;
  cvx: string;
  fundingSource: string;
  vfcEligibility: string;
  clinicId: string;
  ageGroup: string;
}

export const NO_DOSE_FILTERS: DoseFilterValues = {
  vaccineGroup: '',
  cvx: '',
  fundingSource: '',
  vfcEligibility: '',
  clinicId: '',
  ageGroup: '',
};

export const AGE_GROUPS: Record<DoseAgeGroup, string> = {
  under1: 'Under 1 year',
  '1-2': '1–2 years',
  '3-6': '3–6 years',
  '7-18': '7–18 years',
  '19-64': '19–64 years',
  '65+': '65 years and older',
};

export function DoseFilterFields({
  value,
  onChange,
  error,
}: {
  value: DoseFilterValues;
  onChange: (v: DoseFilterValues) => void;
  error: ApiError | null;
}) {
  const groups = useVaccineGroups();
  // The clinics the user may name: every active clinic for DPH, the user's own for a clinic (others type none).
  const clinics = useQuery({ queryKey: ['report-clinics'], queryFn: () => api.get<ReportClinicList>('/api/reports/clinics') });
  const set = (k: keyof DoseFilterValues) => (v: string) => onChange({ ...value, [k]: v });
  const any = 'Any';
  return (
    <>
      <Grid tablet={{ col: 4 }}>
        <SelectField
          id="vaccineGroup"
          label="Vaccine group"
          options={(groups.data ?? []).map((g) => [g, g] as const)}
          none={any}
          value={value.vaccineGroup}
          onChange={set('vaccineGroup')}
          error={error?.fieldMessage('vaccineGroup')}
        />
      </Grid>
      <Grid tablet={{ col: 4 }}>
        <TextField id="cvx" label="CVX code" value={value.cvx} onChange={set('cvx')} error={error?.fieldMessage('cvx')} />
      </Grid>
      <Grid tablet={{ col: 4 }}>
        <SelectField
          id="fundingSource"
          label="Funding source"
          options={codeOptions('fundingSource')}
          none={any}
          value={value.fundingSource}
          onChange={set('fundingSource')}
          error={error?.fieldMessage('fundingSource')}
        />
      </Grid>
      <Grid tablet={{ col: 4 }}>
        <SelectField
          id="vfcEligibility"
          label="VFC eligibility"
          options={codeOptions('vfcEligibility', null, true)}
          none={any}
          value={value.vfcEligibility}
          onChange={set('vfcEligibility')}
          error={error?.fieldMessage('vfcEligibility')}
        />
      </Grid>
      <Grid tablet={{ col: 4 }}>
        <SelectField
          id="clinicId"
          label="Clinic"
          options={(clinics.data?.clinics ?? []).map((c) => [c.id, c.pin ? `${c.name} (${c.pin})` : c.name] as const)}
          none={any}
          value={value.clinicId}
          onChange={set('clinicId')}
          error={error?.fieldMessage('clinicId')}
        />
      </Grid>
      <Grid tablet={{ col: 4 }}>
        <SelectField
          id="ageGroup"
          label="Age group"
          options={AGE_GROUPS}
          none={any}
          value={value.ageGroup}
          onChange={set('ageGroup')}
          error={error?.fieldMessage('ageGroup')}
        />
      </Grid>
    </>
  );
}
