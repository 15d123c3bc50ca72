// Labels of inventory codes, shown wherever stock is listed.
import type { ExpiryWindow, LotFunding, StorageUnitKindName } from '@nutmeg/api-types';

export const FUNDING_LABELS: Record<LotFunding, string> = {
  vfc: 'Public: CVP/VFC',
  '317': 'Public: Section 317',
  state: 'Public: State',
  private: 'Private',
};

export const UNIT_KIND_LABELS: Record<StorageUnitKindName, string> = {
  refrigerator: 'Refrigerator',
  freezer: 'Freezer',
  ultra_cold: 'Ultra-cold freezer',
};

export const LEDGER_KIND_LABELS: Record<string, string> = {
  received: 'Received',
  administered: 'Administered',
  administration_reversed: 'Dose corrected: back to stock',
  transferred_out: 'Transferred out',
  transferred_in: 'Transferred in',
  wasted: 'Wasted',
  returned: 'Returned',
  adjusted: 'Adjusted',
  counted: 'Counted (reconciliation)',
};

export const WASTE_REASON_LABELS: Record<string, string> = {
  expired: 'Expired',
  spoiled_temperature: 'Spoiled (temperature)',
  broken: 'Broken vial or syringe',
  drawn_not_administered: 'Drawn up, not administered',
  lost: 'Lost or unaccounted for',
  other: 'Other',
};

/** Why a count differs: a wastage reason (written off as wasted) or a count correction. */
export const COUNT_REASON_LABELS: Record<string, string> = {
  ...WASTE_REASON_LABELS,
  count_error: 'Earlier count or entry was wrong',
  found: 'Found doses not on the books',
};

export function expiryLabel(w: ExpiryWindow | null): string {
  if (w === null) return 'Later than 90 days';
  return w === 'expired' ? 'Expired' : `Within ${w} days`;
}

/** The query string that keeps DPH on the clinic it is looking at. */
export function clinicQuery(organizationId: string | null): string {
  return organizationId ? `?organizationId=${encodeURIComponent(organizationId)}` : '';
}
