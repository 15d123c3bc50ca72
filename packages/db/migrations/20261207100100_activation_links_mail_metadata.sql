-- No credential in the outbox (issue 8). New accounts and DPH password resets get a single-use,
-- expiring link, stored hashed like reset links; "purpose" tells the two apart. With SMTP configured
-- the outbox keeps only metadata (to, subject, time, result), so the body becomes optional; bodies of
-- mail already handed to SMTP are dropped now (they held temporary passwords and reset links).
ALTER TABLE password_resets ADD COLUMN purpose text NOT NULL DEFAULT 'reset' CHECK (purpose IN ('reset', 'activation'));
ALTER TABLE mail_outbox ALTER COLUMN body DROP NOT NULL;
UPDATE mail_outbox SET body = NULL WHERE transport = 'smtp';
