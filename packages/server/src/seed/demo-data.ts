import type { AccessType, DphRole } from '../modules/access/index.ts';

export interface DemoOrganization {
  key: string;
  kind: 'clinic' | 'school' | 'health_department' | 'dph';
  pin: string;
  name: string;
  clinicType?: string;
  medicalHome?: boolean;
  town: string;
  street: string;
  zip: string;
  phone: string;
  servedTowns?: string[];
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    key: 'dph',
    kind: 'dph',
    pin: 'DPH',
    name: 'CT DPH Immunization Program',
    town: 'Hartford',
    street: '410 Capitol Ave',
    zip: '06106',
    phone: '860-509-7929',
  },
  {
    key: 'elm',
    kind: 'clinic',
    pin: 'CT1001',
    name: 'Elm City Pediatrics',
    clinicType: 'private_practice',
    medicalHome: true,
    town: 'New Haven',
    street: '55 Whitney Ave',
    zip: '06510',
    phone: '203-555-0110',
  },
  {
    key: 'fqhc',
    kind: 'clinic',
    pin: 'CT1002',
    name: 'Hartford Community Health Center',
    clinicType: 'fqhc',
    medicalHome: true,
    town: 'Hartford',
    street: '100 Park St',
    zip: '06106',
    phone: '860-555-0120',
  },
  {
    key: 'pharmacy',
    kind: 'clinic',
    pin: 'CT1003',
    name: 'Nutmeg Pharmacy #12',
    clinicType: 'pharmacy',
    medicalHome: false,
    town: 'Stamford',
    street: '300 Main St',
    zip: '06901',
    phone: '203-555-0130',
  },
  {
    key: 'sbhc',
    kind: 'clinic',
    pin: 'CT1004',
    name: 'Bridgeport Central High School-Based Health Center',
    clinicType: 'sbhc',
    medicalHome: false,
    town: 'Bridgeport',
    street: '1 Lincoln Blvd',
    zip: '06606',
    phone: '203-555-0140',
  },
  {
    key: 'school',
    kind: 'school',
    pin: 'SCH2001',
    name: 'Hamden Hills Elementary School',
    town: 'Hamden',
    street: '80 Dunbar Hill Rd',
    zip: '06514',
    phone: '203-555-0150',
  },
  {
    key: 'lhd',
    kind: 'health_department',
    pin: 'LHD3001',
    name: 'Quinnipiack Valley Health District',
    town: 'North Haven',
    street: '1151 Hartford Tpke',
    zip: '06473',
    phone: '203-555-0160',
    servedTowns: ['Hamden', 'North Haven', 'Bethany', 'Woodbridge'],
  },
];

export interface DemoUser {
  username: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  accessType: AccessType;
  orgKeys: string[];
  dphRoles?: DphRole[];
}

/** One demo user of every access type (two clinics for the coordinator, to show the clinic switcher). */
export const DEMO_USERS: DemoUser[] = [
  {
    username: 'coordinator',
    firstName: 'Maria',
    lastName: 'Delgado',
    jobTitle: 'Vaccine Coordinator',
    accessType: 'primary_coordinator',
    orgKeys: ['elm', 'fqhc'],
  },
  {
    username: 'backup',
    firstName: 'Kevin',
    lastName: "O'Neil",
    jobTitle: 'Office Manager',
    accessType: 'backup_coordinator',
    orgKeys: ['elm'],
  },
  {
    username: 'clinicstaff',
    firstName: 'Aisha',
    lastName: 'Johnson',
    jobTitle: 'Medical Assistant',
    accessType: 'clinic_access',
    orgKeys: ['elm'],
  },
  {
    username: 'schoolnurse',
    firstName: 'Linda',
    lastName: 'Kowalski',
    jobTitle: 'School Nurse (RN)',
    accessType: 'school_readonly',
    orgKeys: ['school'],
  },
  {
    username: 'cmo',
    firstName: 'Rajesh',
    lastName: 'Patel',
    jobTitle: 'Medical Director, MD',
    accessType: 'cmo_signing',
    orgKeys: ['elm'],
  },
  {
    username: 'ceo',
    firstName: 'Susan',
    lastName: 'Whitfield',
    jobTitle: 'Chief Executive Officer',
    accessType: 'ceo_signing',
    orgKeys: ['fqhc'],
  },
  {
    username: 'dphadmin',
    firstName: 'Thomas',
    lastName: 'Nguyễn',
    jobTitle: 'Immunization Program Manager',
    accessType: 'dph',
    orgKeys: ['dph'],
    dphRoles: ['administrator', 'account_approver', 'data_steward', 'vaccine_program_approver'],
  },
  {
    username: 'dphanalyst',
    firstName: 'Grace',
    lastName: 'Osei',
    jobTitle: 'Epidemiologist',
    accessType: 'dph',
    orgKeys: ['dph'],
    dphRoles: ['analyst_readonly'],
  },
  {
    username: 'healthdirector',
    firstName: 'Robert',
    lastName: 'Fiore',
    jobTitle: 'Director of Health',
    accessType: 'health_dept_readonly',
    orgKeys: ['lhd'],
  },
];

/** Demo accounts only: a shared ready password (never used for real accounts, which get a temporary one). */
export const DEMO_PASSWORD = 'nutmeg-demo-2026';

/** People on the clinics' staff lists who do not have accounts yet: try "Request User Account" as one of them. */
export const DEMO_EXTRA_STAFF = [
  { orgKey: 'elm', firstName: 'Jordan', lastName: 'Rivera', email: 'jordan.rivera@elmcitypeds.example', jobTitle: 'LPN' },
  { orgKey: 'fqhc', firstName: 'Priya', lastName: 'Raman', email: 'priya.raman@hartfordchc.example', jobTitle: 'RN' },
];
