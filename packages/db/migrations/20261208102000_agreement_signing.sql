-- Provider agreements (owned by modules/clinics): the programs' conditions texts as versioned data, and the
-- signatures of each agreement revision (who, when, from where, and the SHA-256 of exactly what was signed).

CREATE TABLE agreement_conditions (
  program text NOT NULL CHECK (program IN ('cvp', 'covid19')),
  version text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  -- The text a new draft takes: the latest one in effect on the day it is drafted.
  effective_from date NOT NULL,
  PRIMARY KEY (program, version)
);

CREATE TABLE agreement_signatures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id uuid NOT NULL REFERENCES provider_agreements(id),
  signer_role text NOT NULL CHECK (signer_role IN ('cmo', 'ceo')),
  user_id uuid NOT NULL REFERENCES users(id),
  -- As the audit log does: who signed, shown without reading the access module's tables.
  signer_username text NOT NULL,
  signer_name text NOT NULL,
  signed_at timestamptz NOT NULL DEFAULT now(),
  ip text,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- One signature per role per revision: two concurrent signings by the same officer cannot both count.
  UNIQUE (agreement_id, signer_role)
);

INSERT INTO agreement_conditions (program, version, title, body, effective_from) VALUES
('cvp', 'CT-CVP-2026.1', 'Connecticut Vaccine Program Provider Agreement', $cvp$As the medical director or equivalent of the practice named in this agreement, I agree, on behalf of myself and every practitioner, nurse and other staff member of the practice who administers vaccine, to the following conditions of the Connecticut Vaccine Program (CVP), which includes the federal Vaccines for Children (VFC) program:

1. Eligibility screening. I will screen every patient 18 years of age and younger for VFC eligibility (Medicaid-enrolled, uninsured, American Indian or Alaska Native, underinsured) at each immunization visit, and record the eligibility category with each dose. State-supplied vaccine will be given only to eligible children, except as the CVP allows for Connecticut's universal childhood vaccines.
2. Schedule. I will immunize eligible children with publicly supplied vaccine according to the schedule, dosage and contraindications recommended by the Advisory Committee on Immunization Practices (ACIP), unless, in my medical judgement and in accordance with state law, a vaccine is medically contraindicated.
3. Records. I will keep all records related to the CVP for at least three years (longer if state law requires) and make them available to DPH and CDC on request, and I will report every dose administered to the Connecticut immunization information system within 14 days.
4. Vaccine Information Statements. I will give the current Vaccine Information Statement before each dose and document the edition and the date it was given.
5. Fees. I will not charge for publicly supplied vaccine, nor charge an administration fee above the state's maximum to non-Medicaid VFC-eligible children, and I will not deny a dose to an eligible child because the parent cannot pay the administration fee.
6. Adverse events. I will report clinically significant adverse events to the Vaccine Adverse Event Reporting System (VAERS).
7. Storage and handling. I will store vaccine in units that meet CVP requirements, monitor each unit with a calibrated digital data logger, keep temperature records for three years, name a primary and a backup vaccine coordinator, and follow the CVP storage and handling and emergency plans.
8. Fraud and abuse. I will comply with the requirements of the VFC program on fraud and abuse, and repay the value of vaccine lost through negligence as DPH determines.
9. Site visits. I will take part in VFC compliance and storage-and-handling site visits and education, and correct any finding within the time DPH sets.
10. Termination. I or DPH may end this agreement at any time; on termination I will return all unused publicly supplied vaccine as DPH directs.

I confirm that the provider profile, prescribers, vaccines and storage units listed in this agreement are true and complete, and that I will tell DPH of any change in them.$cvp$, '2026-01-01'),
('covid19', 'CDC-COVID19-2026.1', 'CDC COVID-19 Vaccination Program Provider Agreement', $cov$The organization named in this agreement, through its chief medical officer (or equivalent) and its chief executive officer or chief fiduciary officer (or equivalent), agrees to the following conditions of the CDC COVID-19 Vaccination Program as administered by the Connecticut Department of Public Health:

1. The organization will administer COVID-19 vaccine in accordance with ACIP recommendations and the product's authorization or licensure.
2. Within 24 hours of administering a dose, and of updating the records for any adjustment, the organization will record the administration in its medical record and report it to the Connecticut immunization information system.
3. The organization will not sell or seek reimbursement for federally supplied COVID-19 vaccine, and will administer it regardless of the recipient's ability to pay administration fees or coverage status.
4. Before administering vaccine, the organization will give each recipient the current Emergency Use Authorization fact sheet or Vaccine Information Statement.
5. The organization will store and handle vaccine under the conditions in the manufacturer's package insert and CDC guidance, monitor storage unit temperatures at all times with equipment and practices that meet CDC's requirements, and report temperature excursions to DPH.
6. The organization will report the number of doses wasted, spoiled or expired as DPH directs, and will not transfer vaccine except as DPH authorizes.
7. The organization will report moderate and severe adverse events to VAERS.
8. The organization will keep records of vaccine administration for at least three years and make them available to DPH and CDC on request.

The chief medical officer and the chief executive or fiduciary officer each attest that they are authorized to bind the organization to these conditions and are accountable for compliance with them.$cov$, '2026-01-01');
