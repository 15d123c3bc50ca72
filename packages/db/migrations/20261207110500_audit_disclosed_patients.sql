-- Searches and duplicate checks name every patient they showed in detail.patientIds; the audit viewer's
-- "by patient" filter finds those entries too, through this index.
CREATE INDEX audit_log_disclosed_patients ON audit_log USING gin ((detail -> 'patientIds'));
