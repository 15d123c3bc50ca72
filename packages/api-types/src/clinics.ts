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

export interface PostalAddress {
  street: string;
  city: string;
  state: string;
  zip: string;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** A window when the clinic can receive vaccine, 'HH:MM' to 'HH:MM' the same day. */
export interface DeliveryWindow {
  from: string;
  to: string;
}
export type DeliveryHours = Record<Weekday, DeliveryWindow[]>;

export type ClinicContactRole = 'primaryCoordinator' | 'backupCoordinator' | 'medicalDirector' | 'chiefExecutive';
export interface ClinicContact {
  name: string;
  title: string | null;
  email: string;
  phone: string | null;
}

export type EnrolmentStatus = 'not_enrolled' | 'pending' | 'enrolled' | 'suspended' | 'terminated';

/** GET /api/clinic/profile: the clinic's profile, its organization facts included. */
export interface ClinicProfile {
  organizationId: string;
  pin: string | null;
  legalName: string;
  dbaName: string | null;
  /** private_practice | fqhc | rhc | hospital | pharmacy | sbhc | local_health_department | urgent_care | other (set by DPH) */
  clinicType: string | null;
  medicalHome: boolean;
  active: boolean;
  physicalAddress: PostalAddress;
  /** Null: shipments go to the physical address. */
  shippingAddress: PostalAddress | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  deliveryHours: DeliveryHours;
  contacts: Record<ClinicContactRole, ClinicContact | null>;
  enrolment: { status: EnrolmentStatus; enrolledOn: string | null; endedOn: string | null };
  /** Send it back with an edit; 0 until the profile was first saved. */
  version: number;
  updatedAt: string | null;
  /** True when the caller may edit it (the clinic's coordinators and signers). */
  canEdit: boolean;
}

/** One saved edit of a profile: who, when, and each field before and after. */
export interface ClinicProfileVersion {
  version: number;
  changedBy: string;
  changedAt: string;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
}

/** GET /api/clinic/profile/history */
export interface ClinicProfileHistory {
  clinic: { id: string; name: string; pin: string | null };
  versions: ClinicProfileVersion[];
}

export type AgreementProgram = 'cvp' | 'covid19';
export type AgreementStatus = 'draft' | 'signing' | 'submitted' | 'returned' | 'approved' | 'superseded';
export type VfcCategory = 'V02' | 'V03' | 'V04' | 'V05';
export type AgeBand = 'under1' | 'age1to6' | 'age7to18';

export interface Prescriber {
  name: string;
  licenseType: string;
  licenseNumber: string;
  licenseState: string;
  licenseExpires: string;
  npi: string;
}

/** What the clinic drafts: the provider profile (children expected to get VFC vaccine by category and age), prescribers, vaccines. */
export interface AgreementDraftData {
  providerProfile: Record<VfcCategory, Record<AgeBand, number>>;
  prescribers: Prescriber[];
  vaccines: string[];
}

/** The data as signed: the draft plus the clinic and its active storage units when it was saved. */
export interface AgreementData extends AgreementDraftData {
  clinic: { pin: string | null; name: string };
  storageUnits: Array<{ name: string; kind: StorageUnitKind; make: string | null; model: string | null; dataLoggerId: string | null }>;
}

export interface AgreementSignatureView {
  role: 'cmo' | 'ceo';
  signerName: string;
  signerUsername: string;
  signedAt: string;
  ip: string | null;
  sha256: string;
}

export interface AgreementSummary {
  id: string;
  organizationId: string;
  program: AgreementProgram;
  programYear: number;
  revision: number;
  status: AgreementStatus;
  signers: Array<'cmo' | 'ceo'>;
  signedBy: Array<'cmo' | 'ceo'>;
  reviewComment: string | null;
  validFrom: string | null;
  validUntil: string | null;
  updatedAt: string;
}

/** GET /api/clinic/agreements/:id */
export interface AgreementDetail extends AgreementSummary {
  conditionsVersion: string;
  conditionsTitle: string;
  conditionsText: string;
  data: AgreementData;
  /** SHA-256 of the exact text and data (set at the first signature; each signature records it). */
  signedHash: string | null;
  /** The hash of the stored text and data now: equal to signedHash unless the record was altered. */
  contentHash: string;
  signatures: AgreementSignatureView[];
  reviewedBy: string | null;
  reviewedAt: string | null;
  version: number;
  /** What the caller may do with this revision now. */
  canEdit: boolean;
  canSign: boolean;
  /** Why the caller may not sign, when they may not (shown beside the signing form). */
  signRefusal: string | null;
  canReview: boolean;
}

/** GET /api/clinic/agreements */
export interface AgreementList {
  clinic: { id: string; name: string; pin: string | null };
  today: string;
  /** Whether DPH approved an agreement covering today, by program (ordering public vaccine requires it). */
  current: Record<AgreementProgram, boolean>;
  agreements: AgreementSummary[];
  canDraft: boolean;
}

/** A row of DPH's clinic list. */
export interface ClinicListRow {
  id: string;
  pin: string | null;
  name: string;
  clinicType: string | null;
  town: string | null;
  medicalHome: boolean;
  /** False once DPH deactivated the clinic (listed only when asked for). */
  active: boolean;
  enrolment: EnrolmentStatus;
  /** The latest revision of this year's agreement by program (null: none drafted). */
  agreements: Record<AgreementProgram, AgreementStatus | null>;
  current: Record<AgreementProgram, boolean>;
  /**
   * The year's renewal: programs the clinic takes part in (CVP when enrolled or it had one the year before;
   * COVID-19 when it had one) with no approved agreement, and the renewal mails sent for the year.
   */
  renewal: { due: AgreementProgram[]; notices: Array<{ program: AgreementProgram; kind: 'reminder' | 'lapsed'; sentAt: string }> };
}

/** GET /api/clinics */
export interface ClinicListPage {
  /** The program year shown (?year=, this year by default). */
  year: number;
  total: number;
  clinics: ClinicListRow[];
}

export type StaffRole = 'prescriber' | 'nurse' | 'medical_assistant' | 'coordinator' | 'other';

/** A prescriber's license (required for prescribers). */
export interface StaffLicense {
  /** MD, DO, APRN, PA… */
  type: string;
  number: string;
  /** Two-letter state code. */
  state: string;
  /** 'YYYY-MM-DD' */
  expires: string;
}

/** A person on the clinic's staff list, with whether they have a Nutmeg account there or a pending request. */
export interface StaffMemberView {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  jobTitle: string | null;
  role: StaffRole;
  license: StaffLicense | null;
  npi: string | null;
  /** Send it back with an edit or removal: a stale one is refused (409). */
  version: number;
  updatedAt: string;
  /** Their account at this clinic (matched by e-mail), with its access types' labels. */
  account: { username: string; accessTypes: string[] } | null;
  /** A request for an account naming this clinic, awaiting DPH. */
  pendingRequest: { accessType: string; requestedAt: string } | null;
}

/** GET /api/clinic/staff */
export interface StaffList {
  clinic: { id: string; name: string; pin: string | null };
  staff: StaffMemberView[];
  /** The clinic's coordinators and signers keep the list; DPH reads it. */
  canEdit: boolean;
}

/** DELETE /api/clinic/staff/:id */
export interface StaffRemoved {
  staffId: string;
  /** Memberships at this clinic that ended with the removal (the person had an account). */
  membershipsEnded: number;
  /** True when it was their last membership: the account is deactivated and signed out. */
  accountDeactivated: boolean;
}

/** POST /api/clinics/:id/deactivate */
export interface ClinicDeactivated {
  organizationId: string;
  pin: string | null;
  membershipsEnded: number;
  /** Accounts left with no membership anywhere: deactivated and signed out. */
  accountsDeactivated: number;
  /** Patients whose medical home it was: they have none now. */
  patientsReleased: number;
}
