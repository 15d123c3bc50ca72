-- Exact-name search with a mistyped DOB: (surname, given name, DOB) lets the DOB condition be an index
-- condition, so a common name ("Olivia Smith", thousands of rows at a million people) stays a few index probes.
CREATE INDEX patients_name_dob ON patients (last_norm, first_norm, dob);
DROP INDEX patients_last_first;
