-- gen_random_uuid() is built into PostgreSQL since 13; nothing else of pgcrypto is used. Loaded beside
-- pg_trgm it made the embedded PGlite of earlier versions hang (issue 9), and an unused extension is one
-- more thing to install and upgrade on every server.
DROP EXTENSION IF EXISTS pgcrypto;
