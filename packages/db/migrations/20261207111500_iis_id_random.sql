-- New registry ids cannot be guessed from another one: the state code, 15 random digits and a Luhn check digit
-- (e.g. CT4830192750316427), instead of CT + a sequence number. Ids already issued stay as they are, and valid.

-- Luhn check digit of a string of digits (the digit to append).
CREATE FUNCTION nutmeg_luhn_digit(digits text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  total int := 0;
  d int;
  doubled boolean := true;
BEGIN
  FOR i IN REVERSE length(digits)..1 LOOP
    d := substr(digits, i, 1)::int;
    IF doubled THEN
      d := d * 2;
      IF d > 9 THEN d := d - 9; END IF;
    END IF;
    total := total + d;
    doubled := NOT doubled;
  END LOOP;
  RETURN ((10 - total % 10) % 10)::text;
END
$$;

-- 15 digits from 8 bytes of pgcrypto's strong randomness (not random(), whose outputs can be predicted).
CREATE FUNCTION nutmeg_new_iis_id(prefix text) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  body text;
  candidate text;
BEGIN
  LOOP
    body := lpad(((('x' || encode(gen_random_bytes(8), 'hex'))::bit(64)::bigint & 9223372036854775807) % 1000000000000000)::text, 15, '0');
    candidate := prefix || body || nutmeg_luhn_digit(body);
    EXIT WHEN NOT EXISTS (SELECT 1 FROM patients WHERE iis_id = candidate);
  END LOOP;
  RETURN candidate;
END
$$;

CREATE FUNCTION patients_assign_iis_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.iis_id IS NULL THEN
    NEW.iis_id := nutmeg_new_iis_id(coalesce((SELECT state_code FROM jurisdictions WHERE id = NEW.jurisdiction_id), 'XX'));
  END IF;
  RETURN NEW;
END
$$;

ALTER TABLE patients ALTER COLUMN iis_id DROP DEFAULT;
CREATE TRIGGER patients_iis_id BEFORE INSERT ON patients FOR EACH ROW EXECUTE FUNCTION patients_assign_iis_id();
-- Also when the bulk loader turns per-row triggers off (session_replication_role = replica) to skip FK checks.
ALTER TABLE patients ENABLE ALWAYS TRIGGER patients_iis_id;
DROP SEQUENCE patient_iis_seq;
