// JSON shapes of clinic tools: storage units (and, as they are built, the clinic profile, staff list and
// provider agreements).

export type StorageUnitKind = 'refrigerator' | 'freezer' | 'ultra_cold';

/** A refrigerator or freezer where the clinic keeps vaccine. */
export interface StorageUnitView {
  id: string;
  organizationId: string;
  name: string;
  kind: StorageUnitKind;
  make: string | null;
  model: string | null;
  /** Serial number of the unit's digital data logger. */
  dataLoggerId: string | null;
  /** False once retired (kept for the records that name it). */
  active: boolean;
  /** Send it back with an edit: a stale one is refused (409). */
  version: number;
  updatedAt: string;
}

/** GET /api/clinic/storage-units */
export interface StorageUnitList {
  clinic: { id: string; name: string; pin: string | null };
  units: StorageUnitView[];
  /** True when the caller may add and edit units (the clinic's own coordinators and signers; DPH reads). */
  canEdit: boolean;
}
