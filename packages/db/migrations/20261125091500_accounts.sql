-- Accounts: one pending request per e-mail and access type (a double submit cannot queue two),
-- and indexes for the review queue, the dev outbox and the audit viewer's date filter.
CREATE UNIQUE INDEX account_requests_pending_unique ON account_requests (email, access_type) WHERE status = 'pending';
CREATE INDEX mail_outbox_created ON mail_outbox (created_at);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX password_resets_user ON password_resets (user_id);
CREATE INDEX memberships_org ON memberships (organization_id) WHERE active;
