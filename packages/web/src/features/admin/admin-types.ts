/** View-only constants of the admin pages; the JSON shapes they read (UserDetail, AccountRequest, …) are in @nutmeg/api-types. */

/** DPH (State Only) roles, as in the server's access model. */
export const DPH_ROLE_OPTIONS = [
  { role: 'account_approver', label: 'Account approver' },
  { role: 'vaccine_program_approver', label: 'Vaccine program approver' },
  { role: 'data_steward', label: 'Data steward (data quality, merge)' },
  { role: 'analyst_readonly', label: 'Read-only analyst' },
  { role: 'administrator', label: 'Administrator' },
] as const;
