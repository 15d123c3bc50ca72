-- HL7 v2 exchange (issue 15), owned by modules/hl7: the interfaces DPH registers (an EHR or an organization that
-- sends VXU and QBP messages), the clinics each may send for, and the message log. A message is stored as it
-- arrived BEFORE it is processed, so that nothing sent is lost even if processing fails; its ACK is kept beside it.
CREATE TABLE hl7_interfaces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  -- MSH-3.1 and MSH-4.1 as the sender writes them: the pair identifies the sender of a message.
  sending_application text NOT NULL,
  sending_facility text NOT NULL,
  status text NOT NULL DEFAULT 'onboarding' CHECK (status IN ('onboarding', 'testing', 'production', 'inactive')),
  contact_name text,
  contact_email text,
  contact_phone text,
  -- The credential: a user name and a random secret shown once; only the secret's SHA-256 is kept.
  username text NOT NULL UNIQUE,
  secret_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (sending_application, sending_facility)
);

CREATE TABLE hl7_interface_clinics (
  interface_id uuid NOT NULL REFERENCES hl7_interfaces (id) ON DELETE CASCADE,
  organization_id uuid NOT NULL,
  -- The clinic a message is recorded for when it names none of the interface's clinics.
  is_default boolean NOT NULL DEFAULT false,
  PRIMARY KEY (interface_id, organization_id)
);
CREATE INDEX hl7_interface_clinics_org ON hl7_interface_clinics (organization_id);

CREATE TABLE hl7_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL,
  interface_id uuid REFERENCES hl7_interfaces (id),
  received_at timestamptz NOT NULL,
  transport text NOT NULL CHECK (transport IN ('http', 'soap', 'cli', 'reprocess')),
  raw text NOT NULL,
  -- Read from MSH when it could be parsed (null otherwise).
  message_type text,
  control_id text,
  processing_id text,
  sending_application text,
  sending_facility text,
  status text NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'accepted', 'warnings', 'rejected', 'failed')),
  ack_code text,
  ack text,
  patient_id uuid,
  organization_id uuid,
  error_count integer NOT NULL DEFAULT 0,
  warning_count integer NOT NULL DEFAULT 0,
  issues jsonb NOT NULL DEFAULT '[]'::jsonb,
  processed_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  -- A reprocessed message points at the one it replaces.
  reprocess_of uuid REFERENCES hl7_messages (id)
);
CREATE INDEX hl7_messages_interface ON hl7_messages (interface_id, received_at DESC);
CREATE INDEX hl7_messages_status ON hl7_messages (status, received_at DESC);
CREATE INDEX hl7_messages_patient ON hl7_messages (patient_id) WHERE patient_id IS NOT NULL;
CREATE INDEX hl7_messages_control ON hl7_messages (interface_id, control_id);
