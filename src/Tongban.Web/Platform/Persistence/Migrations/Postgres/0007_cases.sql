-- 0007 cases (Postgres): 办件 with indexed scalar columns and a JSON document for the collections; 办件编号 counters per
-- implementation and city date; idempotency keys of API submissions; uploaded material files.
CREATE TABLE case_files (
    id uuid NOT NULL,
    owner_account_id uuid NOT NULL,
    storage_key character varying(200) NOT NULL,
    sha256 character varying(64) NOT NULL,
    size bigint NOT NULL,
    content_type character varying(100) NOT NULL,
    file_name character varying(255) NOT NULL,
    uploaded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_case_files PRIMARY KEY (id)
);

CREATE TABLE case_number_counters (
    implementation_code character varying(31) NOT NULL,
    day date NOT NULL,
    last_serial integer NOT NULL,
    CONSTRAINT pk_case_number_counters PRIMARY KEY (implementation_code, day)
);

CREATE TABLE case_submission_keys (
    account_id uuid NOT NULL,
    key character varying(200) NOT NULL,
    request_hash character varying(64) NOT NULL,
    case_number character varying(43) NOT NULL,
    response character varying(4000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_case_submission_keys PRIMARY KEY (account_id, key)
);

CREATE TABLE cases (
    id uuid NOT NULL,
    number character varying(43),
    implementation_code character varying(31) NOT NULL,
    implementation_version integer NOT NULL,
    department_id uuid NOT NULL,
    region_code character varying(12) NOT NULL,
    applicant_kind character varying(40) NOT NULL,
    applicant_id_number character varying(18),
    applicant_uscc character varying(18),
    applicant_name character varying(100) NOT NULL,
    filed_by uuid NOT NULL,
    assisted_filing character varying(4000),
    channel character varying(40) NOT NULL,
    status character varying(40) NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_saved_at timestamp with time zone,
    submitted_at timestamp with time zone,
    received_at timestamp with time zone,
    intake_decided_at timestamp with time zone,
    correction_requested_at timestamp with time zone,
    refusal_reason character varying(2000),
    accepted_as character varying(40),
    accepted_at timestamp with time zone,
    deemed_accepted boolean NOT NULL,
    commitment character varying(4000),
    deficiency character varying(4000),
    statutory_limit character varying(4000),
    promised_limit character varying(4000),
    max_extension_working_days integer NOT NULL,
    clock_started_at timestamp with time zone,
    clock_ended_at timestamp with time zone,
    statutory_base_deadline timestamp with time zone,
    promised_base_deadline timestamp with time zone,
    extension character varying(4000),
    decision character varying(4000),
    decided_at timestamp with time zone,
    decided_by uuid,
    issuance character varying(4000),
    issued_at timestamp with time zone,
    delivery character varying(4000),
    delivered_at timestamp with time zone,
    completed_at timestamp with time zone,
    withdrawal_reason character varying(2000),
    withdrawn_at timestamp with time zone,
    terminated_at timestamp with time zone,
    revocation_reason character varying(2000),
    revoked_at timestamp with time zone,
    details text NOT NULL,
    CONSTRAINT pk_cases PRIMARY KEY (id)
);

CREATE INDEX ix_case_files_owner_account_id ON case_files (owner_account_id);

CREATE INDEX ix_cases_applicant_id_number ON cases (applicant_id_number);

CREATE INDEX ix_cases_applicant_uscc ON cases (applicant_uscc);

CREATE INDEX ix_cases_department_id_status_received_at ON cases (department_id, status, received_at);

CREATE INDEX ix_cases_filed_by_created_at ON cases (filed_by, created_at);

CREATE INDEX ix_cases_implementation_code_received_at ON cases (implementation_code, received_at);

CREATE UNIQUE INDEX ix_cases_number ON cases (number);

CREATE INDEX ix_cases_region_code_status_received_at ON cases (region_code, status, received_at);

