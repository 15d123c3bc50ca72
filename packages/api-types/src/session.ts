// JSON shapes of signing in and of the session: POST /api/session, GET /api/me, MFA enrolment.

/** Where a session stands: a temporary password to change, an authenticator to enrol, or fully signed in. */
export type SessionStage = 'password_change' | 'mfa_enroll' | 'active';

/** The modules of the access model (navigation shows the ones a user has). */
export type ModuleName = 'patients' | 'inventory' | 'clinicTools' | 'reports' | 'administration';

/** POST /api/session, /api/session/password, /api/session/mfa/verify: the stage the session is at now. */
export interface SessionStageResult {
  stage: SessionStage;
}

/** POST /api/session/mfa/setup: the TOTP secret to add to an authenticator app, also as a QR code. */
export interface MfaSetup {
  secret: string;
  otpauthUri: string;
  /** data: URL of a PNG */
  qrDataUrl: string;
}

/** One of the user's memberships: an access type at an organization. */
export interface Membership {
  id: string;
  accessType: string;
  accessTypeLabel: string;
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  pin: string | null;
}

/** The membership the user acts under now (the "Acting for" choice). */
export interface ActiveScope {
  membershipId: string;
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  pin: string | null;
  accessType: string;
}

/** GET /api/me: the signed-in user, memberships, active scope and permissions. */
export interface Me {
  user: { id: string; username: string; displayName: string; dphRoles: string[] };
  stage: SessionStage;
  csrfToken: string;
  memberships: Membership[];
  activeScope: ActiveScope | null;
  modules: Partial<Record<ModuleName, 'read' | 'write'>>;
  permissions: string[];
}

/** A change that answers only that it was done (sign out, switch scope). */
export interface Done {
  ok: true;
}
