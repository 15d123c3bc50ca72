-- Sign-in hardening (issue 8). A TOTP code signs in once: the last accepted time step is kept and a
-- code of that step or an earlier one is refused. Failed sign-ins per client address are counted
-- atomically (INSERT … ON CONFLICT … RETURNING) in a window, so password spraying across accounts
-- is throttled in every app process alike.
ALTER TABLE users ADD COLUMN mfa_last_step bigint;

CREATE TABLE login_throttle (
  address text PRIMARY KEY,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL
);
CREATE INDEX login_throttle_window ON login_throttle (window_started_at);
