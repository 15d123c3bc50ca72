-- The audit chain becomes keyed (HMAC with the per-install secret, which is not in the database) and anchored
-- by signed checkpoints of its head, kept here and in a file in the data folder. Rows written before this
-- migration keep their unkeyed sha256 links; the boundary is recorded once and signed into every checkpoint.
CREATE TABLE audit_chain_genesis (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  -- Rows with seq <= legacy_up_to were chained unkeyed (before this migration).
  legacy_up_to bigint NOT NULL
);
INSERT INTO audit_chain_genesis (legacy_up_to) SELECT coalesce(max(seq), 0) FROM audit_log;
CREATE RULE audit_chain_genesis_no_update AS ON UPDATE TO audit_chain_genesis DO INSTEAD NOTHING;
CREATE RULE audit_chain_genesis_no_delete AS ON DELETE TO audit_chain_genesis DO INSTEAD NOTHING;

-- A signed statement "the log had `count` rows up to `seq`, ending in `hash`". Append-only like the log.
CREATE TABLE audit_checkpoints (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  -- Names the install secret that signed it (HMAC of the secret, not the secret).
  key_id text NOT NULL,
  legacy_up_to bigint NOT NULL,
  seq bigint NOT NULL,
  count bigint NOT NULL,
  hash text NOT NULL,
  signature text NOT NULL
);
CREATE INDEX audit_checkpoints_seq ON audit_checkpoints (seq);
CREATE RULE audit_checkpoints_no_update AS ON UPDATE TO audit_checkpoints DO INSTEAD NOTHING;
CREATE RULE audit_checkpoints_no_delete AS ON DELETE TO audit_checkpoints DO INSTEAD NOTHING;

-- Rules cannot stop TRUNCATE; a statement trigger can.
CREATE FUNCTION audit_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: TRUNCATE is refused', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate();
CREATE TRIGGER audit_chain_genesis_no_truncate BEFORE TRUNCATE ON audit_chain_genesis FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate();
-- Fire even with session_replication_role = replica (which otherwise skips triggers): switching them off takes
-- an explicit ALTER TABLE by the owner.
ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_no_truncate;
ALTER TABLE audit_checkpoints ENABLE ALWAYS TRIGGER audit_checkpoints_no_truncate;
ALTER TABLE audit_chain_genesis ENABLE ALWAYS TRIGGER audit_chain_genesis_no_truncate;
ALTER TABLE audit_log ENABLE ALWAYS RULE audit_log_no_update;
ALTER TABLE audit_log ENABLE ALWAYS RULE audit_log_no_delete;
ALTER TABLE audit_checkpoints ENABLE ALWAYS RULE audit_checkpoints_no_update;
ALTER TABLE audit_checkpoints ENABLE ALWAYS RULE audit_checkpoints_no_delete;
ALTER TABLE audit_chain_genesis ENABLE ALWAYS RULE audit_chain_genesis_no_update;
ALTER TABLE audit_chain_genesis ENABLE ALWAYS RULE audit_chain_genesis_no_delete;
