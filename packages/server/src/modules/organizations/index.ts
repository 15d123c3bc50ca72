// What other modules may use from organizations: jurisdictions, towns, organizations (clinics, schools, health
// departments, DPH) and clinic staff lists. It imports no other module, so every module may depend on it.
export {
  addJurisdiction,
  addOrganizationUnlessPinExists,
  deactivateClinicOrganization,
  enrolClinicOrganization,
  listAllClinics,
  type NewClinic,
  findClinicFacts,
  findDphOrganization,
  findJurisdiction,
  findOrganization,
  findOrganizationByPin,
  findOrganizations,
  findOrganizationsByPins,
  isMedicalHomeClinic,
  jurisdictionIdOf,
  listActiveOrganizations,
  organizationIdsByPin,
  organizationNames,
  servedTownsOf,
  updateClinicFacts,
  updateClinicProgramFacts,
  withOrganizationCache,
  type ClinicFacts,
  type Jurisdiction,
  type NewOrganization,
  type Organization,
  type OrganizationKind,
} from './organization.service.ts';
export { townCounties } from './organization.repo.ts';
export { activeStaff, addStaffMembers, removeFromStaffList, type NewStaffMember, type StaffMember } from './clinic-staff.service.ts';
export {
  addStaffEntry,
  closeStaffEntry,
  closeStaffListOf,
  findStaffEntry,
  staffListOf,
  updateStaffEntry,
  type StaffEntry,
  type StaffEntryInput,
} from './clinic-staff.service.ts';
