-- Mails written in one transaction share created_at (now() is the transaction's start): the outbox needs
-- the order they were written in, e.g. the username mail and the temporary-password mail of one approval.
ALTER TABLE mail_outbox ADD COLUMN seq bigserial;
CREATE INDEX mail_outbox_seq ON mail_outbox (seq);
