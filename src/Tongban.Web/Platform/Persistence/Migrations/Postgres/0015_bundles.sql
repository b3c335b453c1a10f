-- 0015 bundles (PostgreSQL): 一件事 definitions, bundle cases, and each member case's bundle case.
CREATE TABLE bundle_cases (
    id uuid NOT NULL,
    number character varying(17) NOT NULL,
    bundle_code character varying(40) NOT NULL,
    bundle_version integer NOT NULL,
    definition text NOT NULL,
    lead_department_id uuid NOT NULL,
    applicant_kind character varying(40) NOT NULL,
    applicant_id_number character varying(18),
    applicant_uscc character varying(18),
    applicant_name character varying(100) NOT NULL,
    filed_by uuid NOT NULL,
    channel character varying(40) NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    promised_by timestamp with time zone NOT NULL,
    deliver_together boolean NOT NULL,
    submission text NOT NULL,
    members text NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_bundle_cases PRIMARY KEY (id)
);


CREATE TABLE bundles (
    id uuid NOT NULL,
    code character varying(40) NOT NULL,
    name character varying(200) NOT NULL,
    description character varying(2000) NOT NULL,
    life_event character varying(50) NOT NULL,
    lead_department_id uuid NOT NULL,
    promised_limit character varying(1000) NOT NULL,
    delivery character varying(40) NOT NULL,
    members text NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_bundles PRIMARY KEY (id)
);
CREATE INDEX ix_bundle_cases_applicant_id_number ON bundle_cases (applicant_id_number);
CREATE INDEX ix_bundle_cases_applicant_uscc ON bundle_cases (applicant_uscc);
CREATE INDEX ix_bundle_cases_lead_department_id_submitted_at ON bundle_cases (lead_department_id, submitted_at);
CREATE UNIQUE INDEX ix_bundle_cases_number ON bundle_cases (number);
CREATE UNIQUE INDEX ix_bundles_code ON bundles (code);
ALTER TABLE cases ADD COLUMN bundle_case_id uuid NULL;
CREATE INDEX ix_cases_bundle_case_id ON cases (bundle_case_id);
