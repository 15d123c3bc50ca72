-- A CDSi observation can be recorded as 'unknown' when a clinician cannot determine whether the patient has it
-- (clinical judgement needed). The recommender then follows the spec's "Unknown" rows (Tables 5-4, 7-5, 7-6):
-- the indication or contraindication is not applied and its text is shown for manual determination.
-- Existing observations are facts about the patient: 'active'.
ALTER TABLE patient_observations ADD COLUMN status text NOT NULL DEFAULT 'active'
  CHECK (status IN ('active', 'unknown'));
