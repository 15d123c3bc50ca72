// JSON shapes of accounts: the public Request User Account form, DPH's review queue, user administration, a
// coordinator's clinic users, password links.

/** A clinic, school, health department or DPH as a reference (look-up by PIN, a request's organizations). */
export interface OrganizationRef {
  id: string;
  pin: string | null;
  name: string;
  /** clinic | school | health_department | dph */
  kind: string;
  town: string | null;
}

export type OrganizationKind = 'clinic' | 'school' | 'health_department' | 'dph';

/** An access type as the request form offers it. */
export interface AccessTypeOption {
  value: string;
  label: string;
  description: string;
  modules: Array<{ module: string; label: string; readOnly: boolean }>;
  /** 'Dependent on role' for DPH, else the modules' labels. */
  modulesSummary: string;
  organizationKind: OrganizationKind;
  /** What the requester types for the organization: 'clinic PIN', 'school code'… */
  organizationCodeLabel: string;
}

/** GET /api/account-requests/options: the access types and the agreements in force. */
export interface RequestOptions {
  accessTypes: AccessTypeOption[];
  agreements: Array<{ kind: 'user' | 'confidentiality'; version: string; title: string; body: string }>;
  /** The DPH (State Only) roles an approver can grant, with their labels, in the access model's order. */
  dphRoles: DphRoleView[];
}

/** POST /api/account-requests (201). */
export interface AccountRequestCreated {
  id: string;
  status: 'pending';
  createdAt: string;
}

export type AccountRequestStatus = 'pending' | 'approved' | 'denied';

/** One request in DPH's review queue. */
export interface AccountRequest {
  id: string;
  status: AccountRequestStatus;
  accessType: string;
  accessTypeLabel: string;
  organizations: OrganizationRef[];
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  jobTitle: string;
  agreements: Array<{ kind: string; version: string; acceptedAt: string }>;
  createdAt: string;
  decidedAt: string | null;
  /** Username of the approver. */
  decidedBy: string | null;
  decisionReason: string | null;
  userId: string | null;
}

/** GET /api/account-requests/:id: the request with the staff-list check per clinic and existing accounts. */
export interface AccountRequestDetail extends AccountRequest {
  staffListRequired: boolean;
  staffCheck: Array<{ organizationId: string; pin: string | null; name: string; onStaffList: boolean; matchedBy: 'email' | 'name' | null }>;
  existingUsers: Array<{ id: string; username: string; status: string }>;
  proposedUsername: string | null;
}

/** A page of a list, with the total count. */
export interface Page {
  total: number;
  page: number;
  pageSize: number;
}

export interface AccountRequestList extends Page {
  requests: AccountRequest[];
}

/** POST /api/account-requests/:id/approve. */
export interface RequestApproved {
  requestId: string;
  status: 'approved';
  user: { id: string; username: string };
  /** false: the access was added to the requester's existing account. */
  created: boolean;
}

/** POST /api/account-requests/:id/deny. */
export interface RequestDenied {
  requestId: string;
  status: 'denied';
}

export interface DphRoleView {
  role: string;
  label: string;
}

/** A user's membership as the administration pages list it. */
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
  dphRoles: DphRoleView[];
  mfaEnrolled: boolean;
  locked: boolean;
  lastLoginAt: string | null;
  memberships: MembershipView[];
}

/** GET /api/users/:id */
export interface UserDetail extends UserSummary {
  phone: string | null;
  jobTitle: string | null;
  passwordTemporary: boolean;
  createdAt: string;
  deactivatedAt: string | null;
}

/** GET /api/users */
export interface UserList extends Page {
  users: UserSummary[];
}

/** A user with access at the coordinator's clinic. */
export interface ClinicUser {
  id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  status: string;
  lastLoginAt: string | null;
  accessTypes: Array<{ membershipId: string; accessType: string; label: string; since: string }>;
}

/** GET /api/clinic-users */
export interface ClinicUserList {
  clinic: { id: string; name: string; pin: string | null };
  users: ClinicUser[];
}

/** POST /api/clinic-users/:id/deactivate */
export interface ClinicUserDeactivated {
  userId: string;
  membershipsEnded: number;
  /** The user had no other active membership, so the account is deactivated too. */
  userDeactivated: boolean;
}

/** POST /api/password-reset: the same answer whether or not an account matches. */
export interface PasswordResetRequested {
  message: string;
}

/** POST /api/password-reset/complete */
export interface PasswordChosen {
  ok: true;
  username: string;
}
