-- Mail through jobs (issue 10): a message is written to the outbox in the transaction of the change that
-- causes it, and with SMTP configured a job delivers it, retried with backoff. attempts counts the delivery
-- attempts; failed_at is set when the last one failed (DPH sees it in the outbox). With SMTP the body is kept
-- only until delivery (or final failure), then cleared: it may hold a single-use link.
ALTER TABLE mail_outbox ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE mail_outbox ADD COLUMN failed_at timestamptz;
-- Mail handed to SMTP before: one attempt each; an error then was final (no retry existed).
UPDATE mail_outbox SET attempts = 1 WHERE transport = 'smtp' AND (sent_at IS NOT NULL OR error IS NOT NULL);
UPDATE mail_outbox SET failed_at = created_at WHERE transport = 'smtp' AND sent_at IS NULL AND error IS NOT NULL;
