import type { StorageUnitView } from '@nutmeg/api-types';
import type { StorageUnitRow } from './storage-unit.repo.ts';

/** Every field of a storage unit that leaves the server. */
export function presentStorageUnit(r: StorageUnitRow): StorageUnitView {
  return {
    id: r.id,
    organizationId: r.organization_id,
    name: r.name,
    kind: r.kind,
    make: r.make,
    model: r.model,
    dataLoggerId: r.data_logger_id,
    active: r.active,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}
