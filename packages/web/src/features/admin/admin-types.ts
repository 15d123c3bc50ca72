/** Shapes of the accounts/audit API as the admin pages read them (the server's present… functions). */
export interface OrganizationRef {
  id: string;
  pin: string | null;
  name: string;
  kind: string;
  town: string | null;
}

export interface AccountRequest {
  id: string;
  status: 'pending' | 'approved' | 'denied';
  accessType: string;
  accessTypeLabel: string;
  organizations: OrganizationRef[];
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  jobTitle: string;
  agreements: { kind: string; version: string; acceptedAt: string }[];
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  userId: string | null;
}

export interface AccountRequestDetail extends AccountRequest {
  staffListRequired: boolean;
  staffCheck: { organizationId: string; pin: string | null; name: string; onStaffList: boolean; matchedBy: 'email' | 'name' | null }[];
  existingUsers: { id: string; username: string; status: string }[];
  proposedUsername: string | null;
}

export interface MembershipView {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  pin: string | null;
  accessType: string;
  accessTypeLabel: string;
  active: boolean;
  createdAt: string;
  endedAt: string | null;
}

export interface UserSummary {
  id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  status: 'active' | 'inactive';
  dphRoles: { role: string; label: string }[];
  mfaEnrolled: boolean;
  locked: boolean;
  lastLoginAt: string | null;
  memberships: MembershipView[];
}

export interface UserDetail extends UserSummary {
  phone: string | null;
  jobTitle: string | null;
  passwordTemporary: boolean;
  createdAt: string;
  deactivatedAt: string | null;
}

/** DPH (State Only) roles, as in the server's access model. */
export const DPH_ROLE_OPTIONS = [
  { role: 'account_approver', label: 'Account approver' },
  { role: 'vaccine_program_approver', label: 'Vaccine program approver' },
  { role: 'data_steward', label: 'Data steward (data quality, merge)' },
  { role: 'analyst_readonly', label: 'Read-only analyst' },
  { role: 'administrator', label: 'Administrator' },
] as const;
