import type { AgeBand, AgreementDraftData, AgreementProgram, AgreementStatus, VfcCategory } from '@nutmeg/api-types';

export const PROGRAM_LABELS: Record<AgreementProgram, string> = {
  cvp: 'CVP (Vaccines for Children)',
  covid19: 'COVID-19 Vaccination Program',
};
export const STATUS_LABELS: Record<AgreementStatus, string> = {
  draft: 'Draft',
  signing: 'Awaiting signatures',
  submitted: 'Signed: with DPH for review',
  returned: 'Returned by DPH',
  approved: 'Approved',
  superseded: 'Superseded',
};
export const SIGNER_LABELS = { cmo: 'Chief Medical Officer/Physician', ceo: 'Chief Executive or Fiduciary Officer' } as const;
export const CATEGORY_LABELS: Record<VfcCategory, string> = {
  V02: 'V02 Medicaid',
  V03: 'V03 Uninsured',
  V04: 'V04 American Indian or Alaska Native',
  V05: 'V05 Underinsured',
};
export const BAND_LABELS: Record<AgeBand, string> = { under1: 'Under 1 year', age1to6: '1 to 6 years', age7to18: '7 to 18 years' };
export const CATEGORIES = Object.keys(CATEGORY_LABELS) as VfcCategory[];
export const BANDS = Object.keys(BAND_LABELS) as AgeBand[];

export function emptyDraft(): AgreementDraftData {
  const band = { under1: 0, age1to6: 0, age7to18: 0 };
  return { providerProfile: { V02: { ...band }, V03: { ...band }, V04: { ...band }, V05: { ...band } }, prescribers: [], vaccines: [] };
}
